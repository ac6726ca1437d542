// Typed access to the dashboard's settings, with a change event.
import * as vscode from 'vscode';

export const BUFFER_SIZE_SETTING = 'kafkaLogLab.dashboard.bufferSize';
export const DEFAULT_BUFFER_SIZE = 100_000;
export const MIN_BUFFER_SIZE = 1_000;
export const MAX_BUFFER_SIZE = 1_000_000;

/** The ring buffer capacity, clamped to what the setting allows (a hand-edited value may not). */
export function bufferSize(): number {
  const value = vscode.workspace.getConfiguration().get<number>(BUFFER_SIZE_SETTING, DEFAULT_BUFFER_SIZE);
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_BUFFER_SIZE;
  return Math.min(MAX_BUFFER_SIZE, Math.max(MIN_BUFFER_SIZE, Math.round(value)));
}

export function onBufferSizeChanged(listener: (size: number) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(BUFFER_SIZE_SETTING)) listener(bufferSize());
  });
}
