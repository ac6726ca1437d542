// The lab report's editor command.
import type * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import type { KafkaDeps } from '../deps';
import { registerCommand } from '../runCommand';
import { exportLabReport } from './exportLabReport';

export function registerReportCommands(deps: KafkaDeps): vscode.Disposable[] {
  return [registerCommand(deps, COMMANDS.exportLabReport, (arg?) => exportLabReport(deps, arg))];
}
