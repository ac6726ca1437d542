// "Import from client.properties…": core reads the file (both dialects; errors name file and
// line), the editor asks only for what the file leaves out (a name; the login when absent),
// stores the secrets in SecretStorage and selects the new cluster.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  describeSecurity,
  readClientPropertiesFile,
  securityWarnings,
  type ConnectionSpec,
} from '../../core/kafka/connection/connectionSpec';
import { checkSpec } from '../../core/kafka/connection/specChecks';
import { COMMANDS } from '../commands';
import type { KafkaDeps } from '../deps';
import { executeCommand } from '../runCommand';
import { bootstrapProblem, parseBootstrapServers } from './clusterRegistry';
import { clusterFromSpec, missingLogin, resolveClusterPath } from './clusterSecurity';
import { BACK, runWizard, type Answer, type Prompter, type TextQuestion, type WizardStep } from './prompts';

const importTitle = () => vscode.l10n.t('Kafka Log Lab: Import from client.properties');
const title = (step: string) => vscode.l10n.t('Kafka Log Lab: Import from client.properties: {0}', step);

export interface ImportResult {
  name: string;
  /** The security in words, as the cluster row's tooltip shows it. */
  security: string;
  /** Settings of the file that were ignored (with file and line). */
  notes: string[];
}

const workspaceRoot = (): string | undefined => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;

/** The file from an Explorer right-click (a Uri), `{ file }`, or the open dialog. */
async function propertiesFile(p: Prompter, arg: unknown): Promise<string> {
  if (arg instanceof vscode.Uri) return arg.fsPath;
  const given = (arg as { file?: unknown } | undefined)?.file;
  if (typeof given === 'string' && given) return resolveClusterPath(given, workspaceRoot());
  const chosen = await p.file({
    title: importTitle(),
    openLabel: vscode.l10n.t('Import'),
    filters: {
      [vscode.l10n.t('Client properties')]: ['properties', 'conf', 'config'],
      [vscode.l10n.t('All files')]: ['*'],
    },
  });
  if (chosen === BACK) throw new vscode.CancellationError();
  return chosen;
}

function suggestedName(file: string, spec: ConnectionSpec): string {
  const base = path.basename(file).replace(/\.[^.]*$/, '');
  if (base && !/^(client|config|kafka|consumer|producer)$/i.test(base)) return base;
  return spec.bootstrapServers?.[0]?.split(':')[0].split('.')[0] ?? base;
}

async function take(answer: Promise<Answer<string>>, apply: (value: string) => void): Promise<Answer<void>> {
  const value = await answer;
  if (value === BACK) return BACK;
  apply(value);
  return undefined;
}

type ImportState = { name?: string };

/** A step that asks one text question and applies the answer. */
function textStep(
  p: Prompter,
  question: (s: ImportState) => TextQuestion,
  apply: (value: string, s: ImportState) => void,
  when?: () => boolean,
): WizardStep<ImportState> {
  return { when, run: (s, back) => take(p.text(question(s), back), (v) => apply(v, s)) };
}

function bootstrapStep(p: Prompter, where: string, spec: ConnectionSpec): WizardStep<ImportState> {
  return textStep(
    p,
    () => ({
      title: title(vscode.l10n.t('bootstrap servers')),
      prompt: vscode.l10n.t('{0} has no bootstrap.servers: HOST:PORT,…', where),
      validate: bootstrapProblem,
    }),
    (v) => (spec.bootstrapServers = (parseBootstrapServers(v) as { brokers: string[] }).brokers),
    () => !spec.bootstrapServers?.length,
  );
}

/** Asks for the name and what the file leaves out; fills it into `spec`. */
function missingSteps(
  p: Prompter,
  file: string,
  spec: ConnectionSpec,
  validName: (n: string) => string | undefined,
): Array<WizardStep<ImportState>> {
  const missing = missingLogin(spec);
  const where = path.basename(file);
  const secret = vscode.l10n.t("kept in VS Code's secret storage, never in settings");
  const sasl = () => spec.sasl!;
  return [
    bootstrapStep(p, where, spec),
    textStep(
      p,
      (s) => ({
        title: title(vscode.l10n.t('name')),
        prompt: vscode.l10n.t('A name for the cluster of {0}', where),
        value: s.name ?? suggestedName(file, spec),
        validate: validName,
      }),
      (v, s) => (s.name = v.trim()),
    ),
    textStep(
      p,
      () => ({
        title: title(vscode.l10n.t('user name')),
        prompt: vscode.l10n.t('{0} has no user name for {1}', where, sasl().mechanism),
        validate: (t) => (t.trim() ? undefined : vscode.l10n.t('Enter a user name')),
      }),
      (v) => (sasl().username = v.trim()),
      () => missing.includes('username'),
    ),
    textStep(
      p,
      () => ({
        title: title(vscode.l10n.t('password')),
        prompt: vscode.l10n.t(
          '{0} has no password for {1} ({2})',
          where,
          sasl().username ?? vscode.l10n.t('the user'),
          secret,
        ),
        password: true,
      }),
      (v) => (sasl().password = v),
      () => missing.includes('password'),
    ),
    textStep(
      p,
      () => ({
        title: title(vscode.l10n.t('token')),
        prompt: vscode.l10n.t('{0} has no OAUTHBEARER token ({1})', where, secret),
        password: true,
      }),
      (v) => (sasl().token = v.trim()),
      () => missing.includes('token'),
    ),
  ];
}

function tellImported(deps: KafkaDeps, result: ImportResult, file: string, warnings: string[]): void {
  const ignored = result.notes.length
    ? ` ${vscode.l10n.t('{0} setting(s) ignored (listed in the logs).', result.notes.length)}`
    : '';
  const imported = vscode.l10n.t(
    'Kafka Log Lab: cluster "{0}" ({1}) imported from {2} and selected.',
    result.name,
    result.security,
    path.basename(file),
  );
  void vscode.window
    .showInformationMessage(`${imported}${ignored}`, ...(result.notes.length ? [vscode.l10n.t('Open Logs')] : []))
    .then((choice) => choice && executeCommand(COMMANDS.showLogs));
  for (const warning of warnings)
    void vscode.window.showWarningMessage(vscode.l10n.t('Kafka Log Lab: cluster "{0}": {1}', result.name, warning));
}

export async function importClusterProperties(
  deps: KafkaDeps,
  arg: unknown,
  validName: (n: string) => string | undefined,
): Promise<ImportResult> {
  const p = deps.clusters.prompter;
  const file = await propertiesFile(p, arg);
  const { spec, notes } = readClientPropertiesFile(file);
  const { name } = await runWizard<{ name?: string }>({}, missingSteps(p, file, spec, validName));
  checkSpec(spec, file);
  const { config, secrets } = clusterFromSpec(name!, spec, workspaceRoot());
  await deps.clusters.save(config, secrets);
  await deps.clusters.select(config.name);
  deps.explorer.refresh();
  const result: ImportResult = { name: config.name, security: describeSecurity(spec), notes };
  deps.log.info(`[clusters] imported "${config.name}" from ${file}: ${result.security}`);
  for (const note of notes) deps.log.info(`[clusters] ${note}`);
  tellImported(deps, result, file, securityWarnings(spec));
  return result;
}
