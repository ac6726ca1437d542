// The toolbar: what is read (topic, cluster), how (start position, group, format; applied
// with "Restart"), pause/resume and clear, and the reader's phase.
import type { DashboardConfig, LogFormat, Phase, RestartMessage, StartPosition } from '../../src/shared/protocol';
import { el, liveRegion, setText, show } from '../dom';
import { createBadge, createButton, createDropdown, createTextField, type ValueControl } from '../toolkit';

export interface ToolbarActions {
  restart(settings: Omit<RestartMessage, 'type'>): void;
  pause(): void;
  resume(): void;
  clear(): void;
  exportReport(): void;
}

const FORMATS: Array<{ value: LogFormat | 'auto'; label: string }> = [
  { value: 'auto', label: 'Format: auto-detect' },
  { value: 'web', label: 'Web sessions' },
  { value: 'nginx', label: 'nginx access log' },
  { value: 'events', label: 'Product events' },
  { value: 'jsonl', label: 'JSON lines' },
  { value: 'raw', label: 'Plain text' },
];

const STARTS = [
  { value: 'beginning', label: 'From the beginning' },
  { value: 'end', label: 'Only new messages' },
  { value: 'offset', label: 'From an offset' },
  { value: 'time', label: 'From a date-time' },
  { value: 'committed', label: "From the group's committed offsets" },
];

const PHASE_TEXT: Record<Phase, string> = {
  connecting: 'Connecting…',
  consuming: 'Reading',
  paused: 'Paused',
  stopped: 'Stopped',
  error: 'Error',
};

export class Toolbar {
  readonly element: HTMLElement;
  private readonly topic = el('h1', { class: 'topic' });
  private readonly cluster = el('span', { class: 'cluster muted' });
  private readonly start = createDropdown(STARTS, 'Start position', 'beginning');
  private readonly offset = createTextField('Start offset', { placeholder: 'offset, e.g. 42', size: 10 });
  private readonly time = createTextField('Start date-time', { placeholder: '2025-10-16T21:16:47Z', size: 20 });
  private readonly group = createTextField('Consumer group (empty for none)', {
    placeholder: 'consumer group: none',
    size: 18,
  });
  private readonly format = createDropdown(FORMATS, 'Log format', 'auto');
  private readonly restartButton = createButton('Restart', {
    title: 'Read again with these settings (statistics start over)',
  });
  private readonly pauseButton = createButton('Pause', {
    secondary: true,
    title: 'Pause reading (the consumer stops fetching)',
  });
  private readonly clearButton = createButton('Clear', {
    secondary: true,
    title: 'Empty the message list (statistics keep counting)',
  });
  private readonly reportButton = createButton('Export Lab Report…', {
    secondary: true,
    title: 'Write a Markdown lab report of this topic (statistics, sent = read, charts) and preview it',
  });
  private readonly phase = createBadge('');
  private readonly phaseDetail = el('span', { class: 'phase-detail' });
  private readonly announcer = liveRegion();
  private readonly problem = el('span', { class: 'field-problem', role: 'alert' });
  private paused = false;

  constructor(private readonly actions: ToolbarActions) {
    const settings = el(
      'div',
      { class: 'toolbar-settings', role: 'group', 'aria-label': 'Reading settings' },
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
      { class: 'toolbar-controls', role: 'group', 'aria-label': 'Reader controls' },
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
    setText(this.pauseButton, this.paused ? 'Resume' : 'Pause');
    this.pauseButton.disabled = phase === 'stopped' || phase === 'error';
    const waiting = !current && (phase === 'consuming' || phase === 'connecting');
    const text = waiting ? 'Waiting for the broker' : PHASE_TEXT[phase];
    if (this.phase.textContent !== text) {
      setText(this.phase, text);
      // Waiting looks like a pause, not like reading: nothing arrives while the broker is away.
      this.phase.className = `badge phase phase-${waiting ? 'waiting' : phase}`;
      setText(this.announcer, `Reader ${text.toLowerCase()}`);
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
          : 'The offset must be a whole number, 0 or more.';
      }
      case 'time': {
        const text = this.time.value.trim();
        const ms = /^\d{10,}$/.test(text)
          ? Number(text)
          : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || text.length <= 10 ? text : `${text}Z`);
        return Number.isFinite(ms)
          ? { kind: 'time', timestampMs: ms }
          : 'Use an ISO date-time such as 2025-10-16T21:16:47Z.';
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
      problem = 'Committed offsets need a consumer group.';
    setText(this.problem, problem);
    if (problem || typeof from === 'string') return;
    this.actions.restart({ from, groupId, format: (this.format as ValueControl).value as LogFormat | 'auto' });
  }
}
