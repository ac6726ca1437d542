// The Replication Lab view: header and what closing does, the brokers as cards with their
// buttons, each partition's replicas, the producer's rate, the live account and the timeline
// (newest first). Updated in place from each state, so buttons keep focus.
import type {
  NodeActionName,
  ReplicationLabAction,
  ReplicationLabInfo,
  ReplicationLabProtocol,
  ReplicationLabRendered,
  ReplicationLabState,
} from '../../src/shared/replicationProtocol';
import { el, liveRegion, placeChildren, setText } from '../dom';
import type { HostClient, NotificationHandlers, WebviewApp } from '../hostClient';
import { t } from '../l10n';
import { AccountView } from './accountView';
import { BrokerCards } from './brokerCards';
import { PartitionRows } from './partitionRows';
import { RateControl } from './rateControl';
import { timelineText } from './timelineText';

/** Starting a node waits for it to be ready: up to a few minutes on a small machine. */
const ACTION_TIMEOUT_MS = 300_000;
const SHOWN_TIMELINE = 60;

const phaseText = (phase: ReplicationLabState['phase']): string =>
  ({
    preparing: t('creating the topic and connecting…'),
    running: t('producing and consuming'),
    draining: t('reading what is left…'),
    done: t('finished'),
    closed: t('stopped'),
  })[phase];

/** What the status line says while a node action runs, and once it is done. */
const nodePending = (action: NodeActionName, nodeId: number): string =>
  ({
    stop: () => t('stop node {0}…', nodeId),
    kill: () => t('kill node {0}…', nodeId),
    start: () => t('start node {0}…', nodeId),
  })[action]();
const nodeDone = (action: NodeActionName, nodeId: number): string =>
  ({
    stop: () => t('Stopped node {0}: watch the partitions.', nodeId),
    kill: () => t('Killed node {0}: watch the partitions.', nodeId),
    start: () => t('Started node {0}: watch the partitions.', nodeId),
  })[action]();

const section = (id: string, title: string, ...children: Array<Node | string>) =>
  el(
    'section',
    { class: id, 'aria-labelledby': `${id}-title` },
    el('h2', { id: `${id}-title`, text: title }),
    ...children,
  );

export class ReplicationApp implements WebviewApp<ReplicationLabProtocol> {
  readonly notifications: NotificationHandlers<ReplicationLabProtocol> = {
    init: (m) => this.init(m.info, m.state),
    state: (m) => this.update(m.state),
  };
  private readonly title = el('h1', { text: t('Replication Lab') });
  private readonly subtitle = el('p', { class: 'subtitle muted' });
  private readonly notice = el('p', { class: 'notice' });
  private readonly problem = el('p', { class: 'problem', role: 'alert', hidden: true });
  private readonly status = liveRegion();
  private readonly statusLine = el('p', { class: 'status-line' });
  private readonly brokers = new BrokerCards((action, nodeId, button) => this.node(action, nodeId, button));
  private readonly partitions = new PartitionRows();
  private readonly account = new AccountView();
  private readonly timeline = el('ol', { class: 'timeline' });
  private readonly rate: RateControl;
  private readonly finish = el('button', {
    type: 'button',
    class: 'secondary',
    text: t('Finish and account'),
    title: t('stop producing, let the consumer read everything, then count what was lost'),
  });
  private readonly pending = new Set<HTMLButtonElement>();
  private info: ReplicationLabInfo | undefined;
  private last: ReplicationLabState | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: HostClient<ReplicationLabProtocol>,
  ) {
    this.rate = new RateControl(
      (rate, button) => void this.run({ type: 'setRate', rate }, button, t('Rate set to {0}/s.', rate)),
      (text) => this.say(text, true),
    );
    root.append(
      el('header', { class: 'lab-header' }, this.title, this.subtitle, this.notice, this.problem),
      this.statusLine,
      this.status,
      section('brokers-section', t('Brokers'), this.brokers.element),
      section(
        'partitions-section',
        t('Partitions (replicas: ★ leader, ✓ in sync, ✗ out of sync)'),
        this.partitions.element,
      ),
      el(
        'div',
        { class: 'columns' },
        section('producer-section', t('Producer'), this.rate.element, this.account.element, this.finishRow()),
        section('timeline-section', t('Timeline (latest first)'), this.timeline),
      ),
    );
  }

  private finishRow(): HTMLElement {
    this.finish.addEventListener(
      'click',
      () => void this.run({ type: 'finish' }, this.finish, t('Finished: the account above is final.')),
    );
    return el('p', { class: 'finish-row' }, this.finish);
  }

  private init(info: ReplicationLabInfo, state: ReplicationLabState): void {
    this.info = info;
    this.root.setAttribute('aria-busy', 'false');
    setText(
      this.title,
      t('Replication Lab: acks={0}, min.insync.replicas={1}', String(info.acks), info.minInsyncReplicas),
    );
    setText(
      this.notice,
      info.clusterStartedHere
        ? t('Closing this panel stops the lab and the 3-node cluster it started.')
        : t('Closing this panel stops the lab; the running cluster it uses keeps running.'),
    );
    this.update(state);
  }

  private update(s: ReplicationLabState): void {
    this.last = s;
    setText(this.subtitle, `${this.info?.topic ?? ''} · ${this.info?.bootstrap ?? ''} · ${phaseText(s.phase)}`);
    setText(this.problem, s.problem ? t('Problem: {0}', s.problem) : '');
    this.problem.hidden = !s.problem;
    this.brokers.update(s.brokers);
    this.partitions.update(s.partitions);
    this.account.update(s.account, s.phase === 'done');
    this.rate.update(s.rate);
    const lines = s.timeline
      .slice(0, SHOWN_TIMELINE)
      .map((line) =>
        el(
          'li',
          { class: 'event', 'data-kind': line.kind },
          el('span', { class: 'event-time muted', text: `${(line.atMs / 1000).toFixed(1)} s` }),
          el('span', { class: 'event-text', text: timelineText(line) }),
        ),
      );
    if (lines.length === 0) lines.push(el('li', { class: 'muted', text: t('Nothing has happened yet.') }));
    placeChildren(this.timeline, lines);
    const usable = s.phase === 'running';
    for (const button of Array.from(this.root.querySelectorAll('button'))) {
      const fits = (button as HTMLButtonElement).dataset.fits !== 'false';
      button.setAttribute('aria-disabled', String(!usable || !fits || this.pending.has(button as HTMLButtonElement)));
    }
  }

  private node(action: NodeActionName, nodeId: number, button: HTMLButtonElement): void {
    void this.run({ type: 'node', action, nodeId }, button, nodeDone(action, nodeId));
  }

  private say(text: string, problem = false): void {
    setText(this.statusLine, text);
    this.statusLine.classList.toggle('problem', problem);
    setText(this.status, text);
  }

  /** Sends one action; its button waits until the host answered. */
  private async run(action: ReplicationLabAction, button: HTMLButtonElement, done: string): Promise<void> {
    if (this.pending.has(button) || button.getAttribute('aria-disabled') === 'true') {
      this.say(
        this.last?.phase === 'running'
          ? t('Not now: that does not fit the node now')
          : t('Not now: the lab is not running'),
        true,
      );
      return;
    }
    this.pending.add(button);
    button.setAttribute('aria-disabled', 'true');
    this.say(
      action.type === 'node'
        ? nodePending(action.action, action.nodeId)
        : action.type === 'finish'
          ? t('Finishing: reading what is left…')
          : t('Setting the rate…'),
    );
    const error = await this.host.request(action, ACTION_TIMEOUT_MS).then(
      (answer) => answer.error,
      (e: Error) => e.message,
    );
    this.pending.delete(button);
    this.say(error ? t('Could not do that: {0}', error) : done, Boolean(error));
    if (this.last) this.update(this.last);
  }

  report(): ReplicationLabRendered {
    const text = (e: Element | null) => e?.textContent ?? '';
    return {
      title: text(this.title),
      brokers: Array.from(this.root.querySelectorAll('.broker')).map((b) => ({
        name: text(b.querySelector('.broker-name')),
        state: text(b.querySelector('.broker-state')),
        buttons: Array.from(b.querySelectorAll('button'))
          .filter((x) => x.getAttribute('aria-disabled') !== 'true')
          .map((x) => text(x)),
      })),
      partitions: Array.from(this.root.querySelectorAll('.partition-row')).map((r) => ({
        name: text(r.querySelector('.partition-name')),
        replicas: Array.from(r.querySelectorAll('.replica')).map(text),
      })),
      account: this.account.report(),
      timeline: Array.from(this.timeline.querySelectorAll('.event-text')).map(text),
      notice: text(this.notice),
    };
  }
}
