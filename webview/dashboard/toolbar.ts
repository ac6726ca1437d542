// The toolbar: what is read (topic, cluster), how (start position, group, format; applied
// with "Restart"), pause/resume and clear, and the reader's phase.
import type { DashboardConfig, LogFormat, Phase, RestartMessage, StartPosition } from '../../src/shared/protocol';
import { el, liveRegion, setText, show } from '../dom';
import { t } from '../l10n';
import { createBadge, createButton, createDropdown, createTextField, type ValueControl } from '../toolkit';

export interface ToolbarActions {
  restart(settings: Omit<RestartMessage, 'type'>): void;
  pause(): void;
  resume(): void;
  clear(): void;
  exportReport(): void;
}

const formats = (): Array<{ value: LogFormat | 'auto'; label: string }> => [
  { value: 'auto', label: t('Format: auto-detect') },
  { value: 'web', label: t('Web sessions') },
  { value: 'nginx', label: t('nginx access log') },
  { value: 'events', label: t('Product events') },
  { value: 'jsonl', label: t('JSON lines') },
  { value: 'raw', label: t('Plain text') },
];

const starts = (): Array<{ value: StartPosition['kind']; label: string }> => [
  { value: 'beginning', label: t('From the beginning') },
  { value: 'end', label: t('Only new messages') },
  { value: 'offset', label: t('From an offset') },
  { value: 'time', label: t('From a date-time') },
  { value: 'committed', label: t("From the group's committed offsets") },
];

const phaseText = (phase: Phase): string =>
  ({
    connecting: t('Connecting…'),
    consuming: t('Reading'),
    paused: t('Paused'),
    stopped: t('Stopped'),
    error: t('Error'),
  })[phase];

export class Toolbar {
  readonly element: HTMLElement;
  private readonly topic = el('h1', { class: 'topic' });
  private readonly cluster = el('span', { class: 'cluster muted' });
  private readonly start = createDropdown(starts(), t('Start position'), 'beginning');
  private readonly offset = createTextField(t('Start offset'), { placeholder: t('offset, e.g. 42'), size: 10 });
  private readonly time = createTextField(t('Start date-time'), { placeholder: '2025-10-16T21:16:47Z', size: 20 });
  private readonly group = createTextField(t('Consumer group (empty for none)'), {
    placeholder: t('consumer group: none'),
    size: 18,
  });
  private readonly format = createDropdown(formats(), t('Log format'), 'auto');
  private readonly restartButton = createButton(t('Restart'), {
    title: t('Read again with these settings (statistics start over)'),
  });
  private readonly pauseButton = createButton(t('Pause'), {
    secondary: true,
    title: t('Pause reading (the consumer stops fetching)'),
  });
  private readonly clearButton = createButton(t('Clear'), {
    secondary: true,
    title: t('Empty the message list (statistics keep counting)'),
  });
  private readonly reportButton = createButton(t('Export Lab Report…'), {
    secondary: true,
    title: t('Write a Markdown lab report of this topic (statistics, sent = read, charts) and preview it'),
  });
  private readonly phase = createBadge('');
  private readonly phaseDetail = el('span', { class: 'phase-detail' });
  private readonly announcer = liveRegion();
  private readonly problem = el('span', { class: 'field-problem', role: 'alert' });
  private paused = false;

  constructor(private readonly actions: ToolbarActions) {
    const settings = el(
      'div',
      { class: 'toolbar-settings', role: 'group', 'aria-label': t('Reading settings') },
      this.start,
      this.offset,
      this.time,
      this.group,
      this.format,
      this.restartButton,
      this.problem,
    );
    const controls = el(
      'div',
      { class: 'toolbar-controls', role: 'group', 'aria-label': t('Reader controls') },
      this.phase,
      this.phaseDetail,
      this.pauseButton,
      this.clearButton,
      this.reportButton,
    );
    this.element = el(
      'header',
      { class: 'toolbar' },
      el('div', { class: 'toolbar-title' }, this.topic, this.cluster),
      settings,
      controls,
      this.announcer,
    );
    this.start.addEventListener('change', () => this.showStartFields());
    this.restartButton.addEventListener('click', () => this.submitRestart());
    for (const field of [this.offset, this.time, this.group]) {
      field.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Enter') this.submitRestart();
      });
    }
    this.pauseButton.addEventListener('click', () => (this.paused ? actions.resume() : actions.pause()));
    this.clearButton.addEventListener('click', () => actions.clear());
    this.reportButton.addEventListener('click', () => actions.exportReport());
    this.showStartFields();
  }

  setConfig(config: DashboardConfig): void {
    setText(this.topic, config.topic);
    setText(
      this.cluster,
      config.clusterName ? `${config.clusterName} (${config.brokers.join(', ')})` : config.brokers.join(', '),
    );
    this.start.value = config.from.kind;
    this.offset.value = config.from.kind === 'offset' ? String(config.from.offset) : '';
    this.time.value = config.from.kind === 'time' ? new Date(config.from.timestampMs).toISOString() : '';
    this.group.value = config.groupId ?? '';
    this.format.value = config.format;
    setText(this.problem, '');
    this.showStartFields();
  }

  /** `current` false: the broker is away, so a reading reader is only waiting (the connection line says why). */
  setPhase(phase: Phase, detail: string | undefined, current = true): void {
    this.paused = phase === 'paused';
    setText(this.pauseButton, this.paused ? t('Resume') : t('Pause'));
    this.pauseButton.disabled = phase === 'stopped' || phase === 'error';
    const waiting = !current && (phase === 'consuming' || phase === 'connecting');
    const text = waiting ? t('Waiting for the broker') : phaseText(phase);
    if (this.phase.textContent !== text) {
      setText(this.phase, text);
      // Waiting looks like a pause, not like reading: nothing arrives while the broker is away.
      this.phase.className = `badge phase phase-${waiting ? 'waiting' : phase}`;
      setText(this.announcer, t('Reader {0}', text.toLowerCase()));
    }
    setText(this.phaseDetail, detail ?? '');
  }

  private showStartFields(): void {
    show(this.offset, this.start.value === 'offset');
    show(this.time, this.start.value === 'time');
  }

  private readStart(): StartPosition | string {
    switch (this.start.value) {
      case 'offset': {
        const n = Number(this.offset.value.trim());
        return Number.isSafeInteger(n) && n >= 0
          ? { kind: 'offset', offset: n }
          : t('The offset must be a whole number, 0 or more.');
      }
      case 'time': {
        const text = this.time.value.trim();
        const ms = /^\d{10,}$/.test(text)
          ? Number(text)
          : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || text.length <= 10 ? text : `${text}Z`);
        return Number.isFinite(ms)
          ? { kind: 'time', timestampMs: ms }
          : t('Use an ISO date-time such as {0}.', '2025-10-16T21:16:47Z');
      }
      case 'end':
        return { kind: 'end' };
      case 'committed':
        return { kind: 'committed' };
      default:
        return { kind: 'beginning' };
    }
  }

  private submitRestart(): void {
    const from = this.readStart();
    const groupId = this.group.value.trim() || undefined;
    let problem = typeof from === 'string' ? from : '';
    if (!problem && from !== null && typeof from === 'object' && from.kind === 'committed' && !groupId)
      problem = t('Committed offsets need a consumer group.');
    setText(this.problem, problem);
    if (problem || typeof from === 'string') return;
    this.actions.restart({ from, groupId, format: (this.format as ValueControl).value as LogFormat | 'auto' });
  }
}
