"""Seed 000's lab, written the straightforward way, as the benchmark's reference.

generate: the report's generate_log_line loop (users arrive with probability 0.3 per step
until 70% have arrived, then 0.1; each active user does 3 to 8 actions; 85% close, 15%
vanish; one action of a random active user per step; the clock moves by whole minutes;
random action/page pairs). The only liberties: users are picked and removed by swapping
with the last element (list.remove would make it quadratic) and the run stops after N lines.

stats: the report's consumer side on a file: parse_line for every line into a list of
dicts, len() for messages, a set for unique visitors, datetime.strptime for every
message and the go_to/home -> close sessions for the average visit duration.

Prints one JSON object with the time spent and the peak memory (ru_maxrss).
"""
import json
import random
import resource
import sys
import time
import uuid
from collections import defaultdict
from datetime import datetime, timedelta

ACTIONS = ['view', 'click', 'scroll', 'share', 'search', 'login', 'logout', 'checkout', 'go_to']
PAGES = ['home', 'about', 'contact', 'faq', 'login', 'register', 'product1', 'product2', 'product3', 'checkout', 'order_success']


def take_random(items):
    i = random.randrange(len(items))
    items[i], items[-1] = items[-1], items[i]
    return items.pop()


def generate(num_lines, out_path, seed=42):
    random.seed(seed)
    num_users = int(num_lines / 5.5 * 1.05) + 10  # enough users to reach num_lines
    available = [uuid.UUID(int=random.getrandbits(128)).hex[:8] for _ in range(num_users)]
    users_arrived = []
    active_users = {}
    active_list = []
    t = datetime(2025, 10, 16, 21, 16, 47, 779100)
    n = 0
    with open(out_path, 'w') as f:
        while n < num_lines and (available or active_users):
            arrival_probability = 0.3 if len(users_arrived) < num_users * 0.7 else 0.1
            if available and random.random() < arrival_probability:
                new_user = take_random(available)
                users_arrived.append(new_user)
                active_users[new_user] = {
                    'actions_done': 1,
                    'max_actions': random.randint(3, 8),
                    'start_time': t,
                    'will_close': random.random() > 0.15,  # 85% will close
                }
                active_list.append(new_user)
                n += 1
                f.write(f"{n} -- Timestamp : {t} - User_id : {new_user} -- Action : go_to -- Page : home\n")
            elif active_list:
                i = random.randrange(len(active_list))
                user = active_list[i]
                state = active_users[user]
                last = state['actions_done'] + 1 >= state['max_actions']
                if last and state['will_close']:
                    action, page = 'close', random.choice(PAGES)
                else:
                    action, page = random.choice(ACTIONS), random.choice(PAGES)
                state['actions_done'] += 1
                n += 1
                f.write(f"{n} -- Timestamp : {t} - User_id : {user} -- Action : {action} -- Page : {page}\n")
                if last:
                    del active_users[user]
                    active_list[i] = active_list[-1]
                    active_list.pop()
            t += timedelta(minutes=random.choice([0, 2, 3, 4]))
    return n


def parse_line(line):
    parts = line.strip().split(' -- ')
    return {
        'timestamp': parts[1].split(' : ', 1)[1].split(' - ')[0].strip(),
        'user_id': parts[1].split('User_id : ')[1].split(' --')[0].strip(),
        'action': parts[2].split(' : ')[1].strip(),
        'page': parts[3].split(' : ')[1].strip(),
    }


def stats(path):
    all_msg = []
    with open(path) as f:
        for line in f:
            if line.strip():
                all_msg.append(parse_line(line))
    num_logs = len(all_msg)
    unique_users = len(set(m['user_id'] for m in all_msg))
    sessions = defaultdict(dict)
    first_seen = {}
    for m in all_msg:
        ts = datetime.strptime(m['timestamp'], '%Y-%m-%d %H:%M:%S.%f')
        first_seen.setdefault(m['user_id'], ts)
        if m['action'] == 'go_to' and m['page'] == 'home':
            sessions[m['user_id']]['start'] = ts
        elif m['action'] == 'close':
            sessions[m['user_id']]['end'] = ts
    durations = [(s['end'] - s['start']).total_seconds() for s in sessions.values() if 'start' in s and 'end' in s]
    avg_duration = sum(durations) / len(durations) if durations else 0
    # The definition (visit starts at the visitor's first event), for cross-checking.
    closes = {u: s['end'] for u, s in sessions.items() if 'end' in s}
    first_based = [(end - first_seen[u]).total_seconds() for u, end in closes.items()]
    return {
        'messages': num_logs,
        'uniqueVisitors': unique_users,
        'averageDurationSeconds': round(avg_duration, 2),
        'averageFromFirstEventSeconds': round(sum(first_based) / len(first_based), 2) if first_based else 0,
    }


def main():
    task = sys.argv[1]
    began = time.perf_counter()
    if task == 'generate':
        result = {'lines': generate(int(sys.argv[2]), sys.argv[3])}
    elif task == 'stats':
        result = stats(sys.argv[2])
        result['lines'] = result['messages']
    else:
        raise SystemExit(f'unknown task {task}')
    result['ms'] = round((time.perf_counter() - began) * 1000)
    result['maxRssMB'] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result))


if __name__ == '__main__':
    main()
