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
import { formatCount } from '../format';
import type { HostClient, NotificationHandlers, WebviewApp } from '../hostClient';
import { ConnectionBanner } from '../dashboard/connectionBanner';
import { t } from '../l10n';
import { ControlsView } from './controlsView';
import { FactsView } from './factsView';
import { GroupLane } from './groupLane';
import { updateChips } from './partitionChips';
import { TimelineView } from './timelineView';

type Phase = LabSnapshot['phase'];

const phaseText = (phase: Phase): string =>
  ({
    starting: t('starting the consumers…'),
    running: t('running'),
    stopping: t('stopping…'),
    stopped: t('stopped'),
    error: t('failed'),
  })[phase];

/** Why an action waits, in a whole sentence per phase (the words around the phase differ by language). */
const notNowText = (phase: Exclude<Phase, 'running'>): string =>
  ({
    starting: t('Not now: the lab is starting the consumers…'),
    stopping: t('Not now: the lab is stopping…'),
    stopped: t('Not now: the lab is stopped'),
    error: t('Not now: the lab is failed'),
  })[phase];

const messageCount = (n: number): string => (n === 1 ? t('{0} message', 1) : t('{0} messages', formatCount(n)));

/** Producing many messages or a slow rebalance takes a while; the button waits that long at most. */
const ACTION_TIMEOUT_MS = 300_000;

export class LabApp implements WebviewApp<GroupLabProtocol> {
  readonly notifications: NotificationHandlers<GroupLabProtocol> = {
    init: (m) => this.init(m.info, m.snapshot),
    snapshot: (m) => this.update(m.snapshot),
  };
  private info: GroupLabInfo | undefined;
  private readonly title = el('h1', { text: t('Consumer Group Lab') });
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
          n === 1 ? t('Producing {0} message…', 1) : t('Producing {0} messages…', formatCount(n)),
          n === 1 ? t('Produced {0} message.', 1) : t('Produced {0} messages.', formatCount(n)),
        ),
      addGroup: (button) =>
        this.run(
          { type: 'addGroup' },
          button,
          t('Starting a new group…'),
          t('Added a group: it reads every message from the beginning.'),
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
        el('h2', { id: 'partitions-title', text: t('Partitions') }),
        this.partitions,
      ),
      el(
        'section',
        { class: 'groups', 'aria-labelledby': 'groups-title' },
        el('h2', { id: 'groups-title', text: t('Groups') }),
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
    setText(this.title, t('Consumer Group Lab: {0}', s.topic));
    const produced = s.producedByLab ? ` ${t('({0} produced here)', formatCount(s.producedByLab))}` : '';
    const connection = { ...s.connection, localBroker: this.info?.localBroker ?? false };
    const current = ConnectionBanner.isCurrent(connection) || s.phase === 'stopped' || s.phase === 'error';
    // While the broker cannot be reached the lab is not "running": it waits.
    const phase = current ? phaseText(s.phase) : t('waiting for the broker');
    const partitions =
      s.partitions.length === 1 ? t('{0} partition', 1) : t('{0} partitions', formatCount(s.partitions.length));
    setText(
      this.subtitle,
      `${this.info?.cluster ?? ''} · ${partitions} · ${messageCount(s.messages)}${produced} · ${phase}`,
    );
    this.connection.update(connection);
    this.root.classList.toggle('numbers-stale', !current);
    setText(this.problem, s.problem ? t('Problem: {0}', s.problem) : '');
    this.problem.hidden = !s.problem;
    this.facts.update(s);
    this.controls.setPlan(s.produceAs, s.topic);
    const messagesOf = new Map(s.partitions.map((p) => [p.partition, p.messages]));
    updateChips(
      this.partitions,
      s.partitions.map((p) => p.partition),
      (p) => formatCount(messagesOf.get(p) ?? 0),
      t('none yet'),
    );
    const lanes = s.groups.map((g) => {
      let lane = this.laneViews.get(g.groupId);
      if (!lane) {
        lane = new GroupLane(g.groupId, {
          addMember: (groupId, button) =>
            this.run(
              { type: 'addMember', groupId },
              button,
              t('Adding a member to {0}…', groupId),
              t('Added a member to {0}: watch the rebalance.', groupId),
            ),
          stopMember: (groupId, member, button) =>
            this.run(
              { type: 'stopMember', groupId, member },
              button,
              t('Stopping {0}…', member),
              t('Stopped {0}: its partitions moved to the others.', member),
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
      this.controls.say(t('Not now: the broker cannot be reached'), true);
      return;
    }
    const phase = this.last?.phase ?? 'starting';
    if (phase !== 'running') {
      this.controls.say(notNowText(phase), true);
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
    this.controls.say(error ? t('Could not do that: {0}', error) : done, Boolean(error));
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
