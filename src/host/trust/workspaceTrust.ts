// Restricted Mode: commands that start programs on this machine (Java, Docker) stay off until the
// folder is trusted, because a folder's settings take part in choosing what runs. The menus hide
// them with `isWorkspaceTrusted`; this check covers the other ways in (links, other extensions).
import * as vscode from 'vscode';
import { ActionableError } from '../runCommand';

export function requireWorkspaceTrust(action: string): void {
  if (vscode.workspace.isTrusted) return;
  throw new ActionableError(
    vscode.l10n.t(
      '{0} is off in Restricted Mode: it starts programs on this machine. Trust this folder to use it.',
      action,
    ),
    [{ title: vscode.l10n.t('Manage Workspace Trust'), command: 'workbench.trust.manage' }],
  );
}
