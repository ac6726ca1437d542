// The Consumer Group Lab view: header, the two facts, the actions, the topic's partitions,
// one lane per group with a card per member, and the rebalance timeline. Updated in place
// from each snapshot, so buttons keep focus and clicks are never lost to a re-render.
import type {
  GroupLabAction,
  GroupLabInfo,
  GroupLabProtocol,
  GroupLabRendered,
  LabSnapshot,
} from '../../src/shared/groupLabProtocol';
import { el, placeChildren, setText } from '../dom';
import { formatCount, plural } from '../format';
import type { HostClient, NotificationHandlers, WebviewApp } from '../hostClient';
import { ConnectionBanner } from '../dashboard/connectionBanner';
import { ControlsView } from './controlsView';
import { FactsView } from './factsView';
import { GroupLane } from './groupLane';
import { updateChips } from './partitionChips';
import { TimelineView } from './timelineView';

const PHASE_TEXT: Record<LabSnapshot['phase'], string> = {
  starting: 'starting the consumers…',
  running: 'running',
  stopping: 'stopping…',
  stopped: 'stopped',
  error: 'failed',
};

/** Producing many messages or a slow rebalance takes a while; the button waits that long at most. */
const ACTION_TIMEOUT_MS = 300_000;

export class LabApp implements WebviewApp<GroupLabProtocol> {
  readonly notifications: NotificationHandlers<GroupLabProtocol> = {
    init: (m) => this.init(m.info, m.snapshot),
    snapshot: (m) => this.update(m.snapshot),
  };
  private info: GroupLabInfo | undefined;
  private readonly title = el('h1', { text: 'Consumer Group Lab' });
  private readonly subtitle = el('p', { class: 'subtitle muted' });
  private readonly problem = el('p', { class: 'problem', role: 'alert' });
  private readonly facts = new FactsView();
  private readonly connection: ConnectionBanner;
  private readonly controls: ControlsView;
  private readonly partitions = el('div', { class: 'chips partition-strip' });
  private readonly lanes = el('div', { class: 'lanes' });
  private readonly laneViews = new Map<string, GroupLane>();
  private readonly timeline = new TimelineView();
  private last: LabSnapshot | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: HostClient<GroupLabProtocol>,
  ) {
    this.connection = new ConnectionBanner({
      retry: () => void host.request({ type: 'retry' }, ACTION_TIMEOUT_MS).catch(() => undefined),
      startBroker: () => void host.request({ type: 'startBroker' }, ACTION_TIMEOUT_MS).catch(() => undefined),
    });
    this.controls = new ControlsView({
      produce: (n, button) =>
        this.run(
          { type: 'produce', count: n },
          button,
          `Producing ${plural(n, 'message')}…`,
          `Produced ${plural(n, 'message')}.`,
        ),
      addGroup: (button) =>
        this.run(
          { type: 'addGroup' },
          button,
          'Starting a new group…',
          'Added a group: it reads every message from the beginning.',
        ),
    });
    root.append(
      el('header', { class: 'lab-header' }, this.title, this.subtitle, this.problem),
      this.connection.element,
      this.facts.element,
      this.controls.element,
      el(
        'section',
        { class: 'partitions', 'aria-labelledby': 'partitions-title' },
        el('h2', { id: 'partitions-title', text: 'Partitions' }),
        this.partitions,
      ),
      el(
        'section',
        { class: 'groups', 'aria-labelledby': 'groups-title' },
        el('h2', { id: 'groups-title', text: 'Groups' }),
        this.lanes,
      ),
      this.timeline.element,
    );
  }

  private init(info: GroupLabInfo, snapshot: LabSnapshot): void {
    this.info = info;
    this.root.setAttribute('aria-busy', 'false');
    this.update(snapshot);
  }

  private update(s: LabSnapshot): void {
    this.last = s;
    setText(this.title, `Consumer Group Lab: ${s.topic}`);
    const produced = s.producedByLab ? ` (${formatCount(s.producedByLab)} produced here)` : '';
    const connection = { ...s.connection, localBroker: this.info?.localBroker ?? false };
    const current = ConnectionBanner.isCurrent(connection) || s.phase === 'stopped' || s.phase === 'error';
    // While the broker cannot be reached the lab is not "running": it waits.
    const phase = current ? PHASE_TEXT[s.phase] : 'waiting for the broker';
    setText(
      this.subtitle,
      `${this.info?.cluster ?? ''} · ${plural(s.partitions.length, 'partition')} · ${plural(s.messages, 'message')}${produced} · ${phase}`,
    );
    this.connection.update(connection);
    this.root.classList.toggle('numbers-stale', !current);
    setText(this.problem, s.problem ? `Problem: ${s.problem}` : '');
    this.problem.hidden = !s.problem;
    this.facts.update(s);
    this.controls.setPlan(s.produceAs);
    const messagesOf = new Map(s.partitions.map((p) => [p.partition, p.messages]));
    updateChips(
      this.partitions,
      s.partitions.map((p) => p.partition),
      (p) => formatCount(messagesOf.get(p) ?? 0),
      'none yet',
    );
    const lanes = s.groups.map((g) => {
      let lane = this.laneViews.get(g.groupId);
      if (!lane) {
        lane = new GroupLane(g.groupId, {
          addMember: (groupId, button) =>
            this.run(
              { type: 'addMember', groupId },
              button,
              `Adding a member to ${groupId}…`,
              `Added a member to ${groupId}: watch the rebalance.`,
            ),
          stopMember: (groupId, member, button) =>
            this.run(
              { type: 'stopMember', groupId, member },
              button,
              `Stopping ${member}…`,
              `Stopped ${member}: its partitions moved to the others.`,
            ),
        });
        this.laneViews.set(g.groupId, lane);
      }
      lane.update(g, s.partitions);
      return lane.element;
    });
    placeChildren(this.lanes, lanes);
    this.timeline.update(s.events);
    // Actions need running consumers; a button also waits for its own action. aria-disabled
    // (not `disabled`) keeps keyboard focus on the button meanwhile.
    const usable = s.phase === 'running' && current;
    for (const button of Array.from(this.root.querySelectorAll('button:not(.connection-button)'))) {
      button.setAttribute('aria-disabled', String(!usable || this.pending.has(button as HTMLButtonElement)));
    }
  }

  private readonly pending = new Set<HTMLButtonElement>();

  /** Sends one action; its button is disabled until the host answered. */
  private async run(action: GroupLabAction, button: HTMLButtonElement, pending: string, done: string): Promise<void> {
    if (this.pending.has(button)) return;
    if (this.last && this.last.phase === 'running' && this.last.connection.status !== 'live') {
      this.controls.say('Not now: the broker cannot be reached', true);
      return;
    }
    if (this.last?.phase !== 'running') {
      this.controls.say(`Not now: the lab is ${PHASE_TEXT[this.last?.phase ?? 'starting']}`, true);
      return;
    }
    this.pending.add(button);
    button.setAttribute('aria-disabled', 'true');
    this.controls.say(pending);
    const error = await this.host.request(action, ACTION_TIMEOUT_MS).then(
      (done) => done.error,
      (e: Error) => e.message,
    );
    this.pending.delete(button);
    this.controls.say(error ? `Could not do that: ${error}` : done, Boolean(error));
    if (this.last) this.update(this.last);
  }

  report(): GroupLabRendered {
    const texts = (selector: string, scope: ParentNode = this.root) =>
      Array.from(scope.querySelectorAll(selector)).map((e) => e.textContent ?? '');
    return {
      title: this.title.textContent ?? '',
      partitions: texts('.partition-strip .chip'),
      facts: Array.from(this.root.querySelectorAll('.fact')).map((f) => ({
        name: f.querySelector('.fact-name')?.textContent ?? '',
        verdict: f.querySelector('.fact-verdict')?.textContent ?? '',
        text: f.querySelector('.fact-text')?.textContent ?? '',
      })),
      groups: Array.from(this.root.querySelectorAll('.lane')).map((lane) => ({
        groupId: lane.querySelector('.lane-title')?.textContent ?? '',
        summary: lane.querySelector('.lane-meta')?.textContent ?? '',
        check: lane.querySelector('.lane-check')?.textContent ?? '',
        members: Array.from(lane.querySelectorAll('.member')).map((m) => ({
          name: m.querySelector('.member-name')?.textContent ?? '',
          kind: m.querySelector('.tag')?.textContent ?? '',
          state: m.querySelector('.member-state')?.textContent ?? '',
          partitions: texts('.member-owns .chip', m),
          messages: m.querySelector('.member-count')?.textContent ?? '',
        })),
      })),
      timeline: texts('.timeline .event-head'),
      buttons: Array.from(this.root.querySelectorAll('button'))
        .filter((b) => !b.hidden)
        .map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''),
    };
  }
}
