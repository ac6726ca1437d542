# A consumer no one here wrote: Debian's python3-confluent-kafka (librdkafka) joins a group
# the lab runs. It reports what it owns and how many messages it read as JSON lines, and
# leaves the group cleanly on SIGTERM.
#   /usr/bin/python3 pythonConsumer.py BROKERS TOPIC GROUP [CLIENT_ID]
import json
import signal
import sys

from confluent_kafka import Consumer

brokers, topic, group = sys.argv[1:4]
client_id = sys.argv[4] if len(sys.argv) > 4 else "python-lab-consumer"
running = True


def report(**fields):
    print(json.dumps(fields), flush=True)


def stop(*_):
    global running
    running = False


def on_assign(_consumer, partitions):
    report(event="assigned", partitions=sorted(p.partition for p in partitions))


signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)
consumer = Consumer({
    "bootstrap.servers": brokers,
    "group.id": group,
    "client.id": client_id,
    "auto.offset.reset": "earliest",
    "enable.auto.commit": True,
    "auto.commit.interval.ms": 500,
    "session.timeout.ms": 10000,
    "heartbeat.interval.ms": 1000,
})
consumer.subscribe([topic], on_assign=on_assign)
report(event="started", clientId=client_id)
messages = 0
reported = -1
try:
    while running:
        message = consumer.poll(0.5)
        if message is not None and message.error():
            report(event="error", error=str(message.error()))
        elif message is not None:
            messages += 1
        if messages != reported:
            report(event="count", messages=messages)
            reported = messages
finally:
    consumer.close()
    report(event="closed", messages=messages)
