// Context keys the walkthrough's completion events watch (`onContext:` in package.json):
// a step is ticked when the thing it asks for actually happened, not when its button was hit.
import * as vscode from 'vscode';

export type WalkthroughMilestone =
  'clusterReachable' | 'logsGenerated' | 'fileProduced' | 'dashboardOpened' | 'groupsViewed';

export function markDone(milestone: WalkthroughMilestone): void {
  void vscode.commands.executeCommand('setContext', `kafkaLogLab.walkthrough.${milestone}`, true);
}
