// The dashboard page: builds the sections, applies the host's init/update messages, and
// keeps the little view state (scroll, follow, expanded row) in VS Code's webview state so
// hiding and showing the panel, or reloading the window, comes back to the same place.
import type { DashboardConfig, InitMessage, LiveState, MessageRow, RenderedReport } from '../src/shared/protocol';
import { CountersView } from './countersView';
import { el } from './dom';
import type { HostConnection } from './hostConnection';
import { FilterBar } from './list/filterBar';
import { MessageDetail } from './list/messageDetail';
import { MessageTable } from './list/messageTable';
import { SentVsReadView } from './sentVsReadView';
import { StatsView } from './stats/statsView';
import { Toolbar } from './toolbar';

/** What VS Code keeps for this webview (the serializer reads `config` after a reload). */
interface SavedState {
  config?: DashboardConfig;
  follow?: boolean;
  top?: { listVersion: number; position: number };
  expandedSeq?: number;
}

const SAVE_DELAY_MS = 250;

export class DashboardApp {
  private readonly toolbar: Toolbar;
  private readonly counters = new CountersView();
  private readonly sentVsRead = new SentVsReadView();
  private readonly stats = new StatsView();
  private readonly filterBar: FilterBar;
  private readonly table: MessageTable;
  private readonly detail: MessageDetail;
  private state: SavedState;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private restoring = true;

  constructor(private readonly root: HTMLElement, private readonly host: HostConnection) {
    this.state = host.getState<SavedState>() ?? {};
    this.toolbar = new Toolbar({
      restart: (settings) => host.send({ type: 'restart', ...settings }),
      pause: () => host.send({ type: 'control', action: 'pause' }),
      resume: () => host.send({ type: 'control', action: 'resume' }),
      clear: () => host.send({ type: 'control', action: 'clear' }),
    });
    this.table = new MessageTable((version, from, count) => host.rows(version, from, count), {
      expand: (row) => void this.expand(row),
      copy: (row) => host.send({ type: 'copy', seq: row.seq, what: 'json' }),
      followChanged: (follow) => {
        this.filterBar.setFollow(follow);
        this.save();
      },
      scrolled: () => this.save(),
    });
    this.filterBar = new FilterBar({
      filter: (query) => host.setFilter(query),
      follow: (on) => this.table.setFollow(on),
      export: (format) => host.send({ type: 'export', format }),
    });
    this.detail = new MessageDetail({
      copy: (seq, what) => host.send({ type: 'copy', seq, what }),
      close: () => void this.expand(undefined),
    });
    if (this.state.follow === false) this.table.setFollow(false);
    this.filterBar.setFollow(this.table.follow);
    const messages = el('section', { class: 'messages', 'aria-label': 'Messages' },
      el('h2', { text: 'Messages' }), this.filterBar.element, this.table.element, this.detail.element);
    root.replaceChildren(this.toolbar.element, this.counters.element, this.sentVsRead.element, this.stats.element, messages);
  }

  start(): void {
    this.host.connect({
      init: (m) => this.init(m),
      update: (m) => this.apply(m.live),
      reportRendered: () => this.report(),
    });
  }

  private init(message: InitMessage): void {
    const previousConfig = this.state.config;
    this.state.config = message.config;
    this.toolbar.setConfig(message.config);
    this.stats.reset();
    this.filterBar.setQuery(message.live.list.filter);
    this.apply(message.live);
    const saved = this.state.top;
    if (this.restoring && saved && saved.listVersion === message.live.list.version && this.state.follow === false) {
      this.table.restoreTop(saved.position);
    }
    if (this.restoring && this.state.expandedSeq !== undefined && JSON.stringify(previousConfig) === JSON.stringify(message.config)) {
      void this.host.message(this.state.expandedSeq).then((row) => this.expand(row ?? undefined));
    }
    this.restoring = false;
    this.root.setAttribute('aria-busy', 'false');
    this.save();
  }

  private apply(live: LiveState): void {
    this.toolbar.setPhase(live.phase, live.detail);
    this.counters.update(live);
    this.sentVsRead.update(live.sentVsRead);
    this.stats.update(live);
    this.filterBar.update(live.list);
    this.table.setList(live.list);
  }

  private async expand(row: MessageRow | undefined): Promise<void> {
    this.table.setExpanded(row?.seq);
    this.state.expandedSeq = row?.seq;
    this.save();
    if (!row) {
      this.detail.show(undefined);
      return;
    }
    this.detail.show(row);
    if (row.truncated) {
      const whole = await this.host.message(row.seq);
      if (whole && this.detail.shownSeq === row.seq) this.detail.show(whole);
    }
  }

  private save(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.state.follow = this.table.follow;
      this.state.top = { listVersion: this.currentListVersion(), position: this.table.topPosition };
      this.host.setState(this.state);
    }, SAVE_DELAY_MS);
  }

  private currentListVersion(): number {
    return Number(this.table.element.dataset.listVersion ?? 0);
  }

  /** What the page shows, read back from the DOM (tests compare it with the CLI). */
  private report(): RenderedReport {
    const stats: Record<string, string> = {};
    this.root.querySelectorAll<HTMLElement>('[data-stat]').forEach((element) => {
      if (!element.closest('[hidden]')) stats[element.dataset.stat!] = element.textContent ?? '';
    });
    return { stats, rows: this.table.visibleRows(), images: document.querySelectorAll('img').length };
  }
}
