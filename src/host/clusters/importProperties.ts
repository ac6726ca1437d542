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

const TITLE = 'Kafka Log Lab: Import from client.properties';

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
    title: TITLE,
    openLabel: 'Import',
    filters: { 'Client properties': ['properties', 'conf', 'config'], 'All files': ['*'] },
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

/** Asks for the name and what the file leaves out; fills it into `spec`. */
function missingSteps(
  p: Prompter,
  file: string,
  spec: ConnectionSpec,
  validName: (n: string) => string | undefined,
): Array<WizardStep<ImportState>> {
  const missing = missingLogin(spec);
  const where = path.basename(file);
  const secret = "kept in VS Code's secret storage, never in settings";
  const sasl = () => spec.sasl!;
  return [
    textStep(
      p,
      () => ({
        title: `${TITLE}: bootstrap servers`,
        prompt: `${where} has no bootstrap.servers: HOST:PORT,…`,
        validate: bootstrapProblem,
      }),
      (v) => (spec.bootstrapServers = (parseBootstrapServers(v) as { brokers: string[] }).brokers),
      () => !spec.bootstrapServers?.length,
    ),
    textStep(
      p,
      (s) => ({
        title: `${TITLE}: name`,
        prompt: `A name for the cluster of ${where}`,
        value: s.name ?? suggestedName(file, spec),
        validate: validName,
      }),
      (v, s) => (s.name = v.trim()),
    ),
    textStep(
      p,
      () => ({
        title: `${TITLE}: user name`,
        prompt: `${where} has no user name for ${sasl().mechanism}`,
        validate: (t) => (t.trim() ? undefined : 'Enter a user name'),
      }),
      (v) => (sasl().username = v.trim()),
      () => missing.includes('username'),
    ),
    textStep(
      p,
      () => ({
        title: `${TITLE}: password`,
        prompt: `${where} has no password for ${sasl().username ?? 'the user'} (${secret})`,
        password: true,
      }),
      (v) => (sasl().password = v),
      () => missing.includes('password'),
    ),
    textStep(
      p,
      () => ({ title: `${TITLE}: token`, prompt: `${where} has no OAUTHBEARER token (${secret})`, password: true }),
      (v) => (sasl().token = v.trim()),
      () => missing.includes('token'),
    ),
  ];
}

function tellImported(deps: KafkaDeps, result: ImportResult, file: string, warnings: string[]): void {
  const ignored = result.notes.length ? ` ${result.notes.length} setting(s) ignored (listed in the logs).` : '';
  void vscode.window
    .showInformationMessage(
      `Kafka Log Lab: cluster "${result.name}" (${result.security}) imported from ${path.basename(file)} and selected.${ignored}`,
      ...(result.notes.length ? ['Open Logs'] : []),
    )
    .then((choice) => choice && executeCommand(COMMANDS.showLogs));
  for (const warning of warnings)
    void vscode.window.showWarningMessage(`Kafka Log Lab: cluster "${result.name}": ${warning}`);
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
