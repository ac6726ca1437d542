// The editor's one live run at a time: it is owned by the extension's background work (closing
// the window stops it) and always visible in the status bar while it runs, so nothing keeps
// writing or sending unseen.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import type { KafkaDeps } from '../deps';
import { count } from '../explorer/explorerNode';
import { ActionableError } from '../runCommand';
import { LivePipeline } from '../../core/live/livePipeline';
import type { LiveRequest, LiveResult, LiveSession, LiveSnapshot } from './liveSession';

export const LIVE_CONTEXT_KEY = 'kafkaLogLab.liveTraffic';

export class LiveTrafficController implements vscode.Disposable {
  private session: LiveSession | undefined;
  private release: (() => void) | undefined;
  private readonly item = vscode.window.createStatusBarItem(
    'kafkaLogLab.liveTraffic',
    vscode.StatusBarAlignment.Left,
    48,
  );

  constructor(private readonly deps: KafkaDeps) {
    this.item.name = vscode.l10n.t('Kafka Log Lab: live traffic');
    this.item.command = COMMANDS.liveTrafficMenu.id;
  }

  get running(): LiveSession | undefined {
    return this.session;
  }

  snapshot(): LiveSnapshot | undefined {
    return this.session?.snapshot();
  }

  async start(request: LiveRequest): Promise<LiveSession> {
    if (this.session) {
      const stop = { title: vscode.l10n.t('Stop Live Traffic'), command: COMMANDS.liveTrafficMenu.id };
      throw new ActionableError(
        vscode.l10n.t(
          'Live traffic already runs into {0}: stop it before starting another',
          this.session.request.topic,
        ),
        [{ ...stop, args: [{ action: 'stop' }] }],
      );
    }
    const session = await LivePipeline.start(request, () => this.render());
    this.session = session;
    this.release = this.deps.work.own(`live traffic → ${request.topic}`, { stop: () => this.stop().then(() => {}) });
    void session.endedByItself.then((problem) => this.endedByItself(session, problem));
    this.deps.log.info(
      `[live] ${request.format} into ${request.file} at ${request.rate} lines/s → ${request.topic} (seed ${request.seed})`,
    );
    this.render();
    return session;
  }

  /** Stops the run (generator, then producer once it has sent every written line) and reports the account. */
  async stop(problem?: string): Promise<LiveResult | undefined> {
    const session = this.session;
    if (!session) return undefined;
    this.item.text = `$(loading~spin) ${vscode.l10n.t('Live: stopping → {0}', session.request.topic)}`;
    try {
      const result = await session.stop(problem);
      this.report(session, result);
      return result;
    } finally {
      if (this.session === session) {
        this.session = undefined;
        this.release?.();
        this.release = undefined;
      }
      this.render();
    }
  }

  render(): void {
    const session = this.session;
    void vscode.commands.executeCommand('setContext', LIVE_CONTEXT_KEY, session !== undefined);
    if (!session) return this.item.hide();
    if (session.stopped) return;
    const s = session.snapshot();
    this.item.text = s.paused
      ? `$(debug-pause) ${vscode.l10n.t('Live: paused → {0}', s.topic)}`
      : `$(pulse) ${vscode.l10n.t('Live: {0} lines/s → {1}', count(s.linesPerSecond), s.topic)}`;
    this.item.tooltip = vscode.l10n.t(
      '{0} ({1}) grows and is sent to {2}: {3} lines written, {4} delivered.\nClick to change the rate, pause or stop.',
      path.basename(s.file),
      s.format,
      s.topic,
      count(s.lines),
      count(s.acked),
    );
    this.item.show();
  }

  private endedByItself(session: LiveSession, problem: string): void {
    if (session.stopped || this.session !== session) return;
    this.deps.log.warn(`[live] ended by itself: ${problem}`);
    void this.stop(problem);
  }

  private report(session: LiveSession, r: LiveResult): void {
    const { topic, file } = session.request;
    const text = vscode.l10n.t(
      'Live traffic stopped: {0} lines written to {1}, {2} delivered to {3}',
      count(r.written),
      path.basename(file),
      count(r.acked),
      topic,
    );
    const ok = !r.problem && r.failed === 0 && r.acked === r.written;
    const logged = `[live] ${text}${r.problem ? `; ${r.problem}` : ''}`;
    if (ok) this.deps.log.info(logged);
    else this.deps.log.warn(logged);
    this.deps.explorer.refresh();
    if (ok) return void vscode.window.showInformationMessage(`Kafka Log Lab: ${text}.`);
    const why = r.problem ?? vscode.l10n.t('{0} written lines were not delivered', count(r.written - r.acked));
    const openLogs = vscode.l10n.t('Open Logs');
    void vscode.window
      .showWarningMessage(`Kafka Log Lab: ${text} (${why}).`, openLogs)
      .then((choice) => choice === openLogs && this.deps.log.show());
  }

  dispose(): void {
    void this.stop();
    this.item.dispose();
  }
}
