// The dashboard page: builds the sections, applies the host's init/update messages, and
// keeps the little view state (scroll, follow, expanded row) in VS Code's webview state so
// hiding and showing the panel, or reloading the window, comes back to the same place.
import type {
  DashboardConfig,
  DashboardProtocol,
  InitMessage,
  LiveState,
  MessageRow,
  RenderedReport,
  UpdateMessage,
} from '../../src/shared/protocol';
import { el } from '../dom';
import type { HostClient, NotificationHandlers, WebviewApp } from '../hostClient';
import { t } from '../l10n';
import { ConnectionBanner } from './connectionBanner';
import { CountersView } from './countersView';
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
  /** The parsed-fields view of the message list (off: the raw value). */
  fields?: boolean;
  top?: { listVersion: number; position: number };
  expandedSeq?: number;
}

const SAVE_DELAY_MS = 250;

type Host = HostClient<DashboardProtocol>;

/** Rows of the list; none when the host did not answer (the rows are asked for again). */
const fetchRows = (host: Host, listVersion: number, from: number, count: number) =>
  host
    .request({ type: 'getRows', listVersion, from, count })
    .catch(() => ({ listVersion: -1, from, rows: [] as MessageRow[] }));

/** A whole message, or null when it is gone from the buffer or the host did not answer. */
const fetchMessage = (host: Host, seq: number) =>
  host.request({ type: 'getMessage', seq }).then(
    (r) => r.row,
    () => null,
  );

/** Applies a filter; the reason when the host refused it (or failed to answer). */
const applyFilter = (host: Host, query: string) =>
  host.request({ type: 'setFilter', query }).then(
    (r) => r.error,
    (e: Error) => e.message,
  );

export class DashboardApp implements WebviewApp<DashboardProtocol> {
  readonly notifications: NotificationHandlers<DashboardProtocol> = {
    init: (m) => this.init(m),
    update: (m) => this.update(m),
  };

  private readonly toolbar: Toolbar;
  private readonly connection: ConnectionBanner;
  private readonly counters = new CountersView();
  private readonly sentVsRead = new SentVsReadView();
  private readonly stats = new StatsView();
  private readonly filterBar: FilterBar;
  private readonly table: MessageTable;
  private readonly detail: MessageDetail;
  private state: SavedState;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private restoring = true;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: Host,
  ) {
    this.state = host.savedState<SavedState>() ?? {};
    this.toolbar = new Toolbar({
      restart: (settings) => host.notify({ type: 'restart', ...settings }),
      pause: () => host.notify({ type: 'control', action: 'pause' }),
      resume: () => host.notify({ type: 'control', action: 'resume' }),
      clear: () => host.notify({ type: 'control', action: 'clear' }),
      exportReport: () => host.notify({ type: 'control', action: 'exportReport' }),
    });
    this.connection = new ConnectionBanner({
      retry: () => host.notify({ type: 'control', action: 'retry' }),
      startBroker: () => host.notify({ type: 'control', action: 'startBroker' }),
    });
    this.table = new MessageTable((version, from, count) => fetchRows(host, version, from, count), {
      expand: (row) => void this.expand(row),
      copy: (row) => host.notify({ type: 'copy', seq: row.seq, what: 'json' }),
      followChanged: (follow) => {
        this.filterBar.setFollow(follow);
        this.save();
      },
      scrolled: () => this.save(),
    });
    this.filterBar = new FilterBar({
      filter: (query) => applyFilter(host, query),
      follow: (on) => this.table.setFollow(on),
      fields: (on) => {
        this.table.setFieldsView(on);
        this.state.fields = on;
        this.save();
      },
      export: (format) => host.notify({ type: 'export', format }),
    });
    this.detail = new MessageDetail({
      copy: (seq, what) => host.notify({ type: 'copy', seq, what }),
      close: () => void this.expand(undefined),
    });
    if (this.state.follow === false) this.table.setFollow(false);
    this.filterBar.setFollow(this.table.follow);
    this.table.setFieldsView(this.state.fields === true);
    this.filterBar.setFields(this.state.fields === true);
    const messages = el(
      'section',
      { class: 'messages', 'aria-label': t('Messages') },
      el('h2', { text: t('Messages') }),
      this.filterBar.element,
      // Side by side when there is room, so the expanded message is where the eye is.
      el('div', { class: 'list-and-detail' }, this.table.element, this.detail.element),
    );
    root.replaceChildren(
      this.toolbar.element,
      this.connection.element,
      this.counters.element,
      this.sentVsRead.element,
      this.stats.element,
      messages,
    );
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
    if (
      this.restoring &&
      this.state.expandedSeq !== undefined &&
      JSON.stringify(previousConfig) === JSON.stringify(message.config)
    ) {
      void fetchMessage(this.host, this.state.expandedSeq).then((row) => this.expand(row ?? undefined));
    }
    this.restoring = false;
    this.root.setAttribute('aria-busy', 'false');
    this.save();
  }

  /** Applies an update, then tells the host, which holds the next one back until then. */
  private update(message: UpdateMessage): void {
    this.apply(message.live);
    this.host.notify({ type: 'updateApplied', updateId: message.updateId });
  }

  private apply(live: LiveState): void {
    this.toolbar.setPhase(live.phase, live.detail, ConnectionBanner.isCurrent(live.connection));
    this.connection.update(live.connection);
    this.root.classList.toggle('numbers-stale', !ConnectionBanner.isCurrent(live.connection));
    this.counters.update(live);
    this.sentVsRead.update(live.sentVsRead, ConnectionBanner.isCurrent(live.connection));
    this.detail.format = live.format;
    this.table.setFormat(live.format);
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
      const whole = await fetchMessage(this.host, row.seq);
      if (whole && this.detail.shownSeq === row.seq) this.detail.show(whole);
    }
  }

  private save(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.state.follow = this.table.follow;
      this.state.top = { listVersion: this.currentListVersion(), position: this.table.topPosition };
      this.host.saveState(this.state);
    }, SAVE_DELAY_MS);
  }

  private currentListVersion(): number {
    return Number(this.table.element.dataset.listVersion ?? 0);
  }

  /** What the page shows, read back from the DOM (tests compare it with the CLI). */
  report(): RenderedReport {
    const stats: Record<string, string> = {};
    this.root.querySelectorAll<HTMLElement>('[data-stat]').forEach((element) => {
      if (!element.closest('[hidden]')) stats[element.dataset.stat!] = element.textContent ?? '';
    });
    return { stats, rows: this.table.visibleRows(), images: document.querySelectorAll('img').length };
  }
}
