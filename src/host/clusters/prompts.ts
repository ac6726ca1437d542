// The questions the cluster commands ask: input boxes and picks with a Back button, and file
// pickers. Escape cancels the whole command. In the extension tests the answers can be given
// in advance (`answer`), so the same interactive flow runs without a person.
import * as vscode from 'vscode';

export const BACK = Symbol('back');
export type Answer<T> = T | typeof BACK;

export interface TextQuestion {
  title: string;
  prompt: string;
  value?: string;
  placeholder?: string;
  password?: boolean;
  /** A problem with the text, or undefined when it is acceptable. */
  validate?: (text: string) => string | undefined;
}

export interface PickQuestion<T extends vscode.QuickPickItem> {
  title: string;
  placeholder: string;
  items: T[];
  /** The item selected when the pick opens (the default). */
  active?: T;
}

export interface FileQuestion {
  title: string;
  openLabel: string;
  filters?: Record<string, string[]>;
}

/** A prepared answer: text, a pick's label, a file path; or go back / cancel. */
export type ScriptedAnswer = string | { back: true } | { cancel: true };

export interface AskedQuestion {
  kind: 'text' | 'pick' | 'file';
  title: string;
  /** The prompt or placeholder shown. */
  prompt: string;
}

export class Prompter {
  private readonly scripted: ScriptedAnswer[] = [];
  private readonly log: AskedQuestion[] = [];

  /** Answers for the next questions, in order (used by the extension tests). */
  answer(...answers: ScriptedAnswer[]): void {
    this.scripted.push(...answers);
  }

  /** The questions asked since the last call (and forgets them). */
  asked(): AskedQuestion[] {
    return this.log.splice(0);
  }

  /** Drops prepared answers that were not used. */
  clear(): number {
    return this.scripted.splice(0).length;
  }

  async text(q: TextQuestion, canGoBack = false): Promise<Answer<string>> {
    this.log.push({ kind: 'text', title: q.title, prompt: q.prompt });
    const scripted = this.next();
    if (scripted === undefined) return askText(q, canGoBack);
    if (typeof scripted !== 'string') return scripted;
    const problem = q.validate?.(scripted);
    // The value itself is left out of the message: it may be a password.
    if (problem) throw new Error(`the prepared answer to "${q.title}" was refused: ${problem}`);
    return scripted;
  }

  async pick<T extends vscode.QuickPickItem>(q: PickQuestion<T>, canGoBack = false): Promise<Answer<T>> {
    this.log.push({ kind: 'pick', title: q.title, prompt: q.placeholder });
    const scripted = this.next();
    if (scripted === undefined) return askPick(q, canGoBack);
    if (typeof scripted !== 'string') return scripted;
    const found = q.items.find((i) => i.label === scripted || i.label.replace(/^\$\([\w-]+\)\s*/, '') === scripted);
    if (!found)
      throw new Error(
        `the prepared answer "${scripted}" is not among ${q.items.map((i) => `"${i.label}"`).join(', ')} of "${q.title}"`,
      );
    return found;
  }

  /** A file chosen in the open dialog; closing the dialog goes back. */
  async file(q: FileQuestion): Promise<Answer<string>> {
    this.log.push({ kind: 'file', title: q.title, prompt: q.openLabel });
    const scripted = this.next();
    if (scripted !== undefined) return scripted;
    const chosen = await vscode.window.showOpenDialog({
      title: q.title,
      openLabel: q.openLabel,
      canSelectMany: false,
      filters: q.filters,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    return chosen?.[0]?.fsPath ?? BACK;
  }

  /** The next prepared answer: a cancel ends the command here. */
  private next(): Answer<string> | undefined {
    const answer = this.scripted.shift();
    if (answer === undefined || typeof answer === 'string') return answer;
    if ('cancel' in answer) throw new vscode.CancellationError();
    return BACK;
  }
}

function askText(q: TextQuestion, canGoBack: boolean): Promise<Answer<string>> {
  const box = vscode.window.createInputBox();
  Object.assign(box, {
    title: q.title,
    prompt: q.prompt,
    value: q.value ?? '',
    placeholder: q.placeholder,
    password: q.password === true,
  });
  box.ignoreFocusOut = true;
  box.buttons = canGoBack ? [vscode.QuickInputButtons.Back] : [];
  return settle(box, (finish) => [
    box.onDidChangeValue((text) => void (box.validationMessage = q.validate?.(text))),
    box.onDidAccept(() => {
      const problem = q.validate?.(box.value);
      if (problem) box.validationMessage = problem;
      else finish(box.value);
    }),
  ]);
}

function askPick<T extends vscode.QuickPickItem>(q: PickQuestion<T>, canGoBack: boolean): Promise<Answer<T>> {
  const pick = vscode.window.createQuickPick<T>();
  Object.assign(pick, { title: q.title, placeholder: q.placeholder, items: q.items });
  pick.ignoreFocusOut = true;
  if (q.active) pick.activeItems = [q.active];
  pick.buttons = canGoBack ? [vscode.QuickInputButtons.Back] : [];
  return settle(pick, (finish) => [
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (chosen) finish(chosen);
    }),
  ]);
}

/** Shows `input` until it is answered, Back is pressed (BACK) or it is hidden (cancelled). */
function settle<T>(
  input: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>,
  wire: (finish: (value: Answer<T>) => void) => vscode.Disposable[],
): Promise<Answer<T>> {
  return new Promise<Answer<T>>((resolve, reject) => {
    let done = false;
    const finish = (value: Answer<T>) => {
      done = true;
      resolve(value);
      input.hide();
    };
    const subscriptions = [
      ...wire(finish),
      input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(BACK)),
      input.onDidHide(() => {
        subscriptions.forEach((s) => s.dispose());
        input.dispose();
        if (!done) reject(new vscode.CancellationError());
      }),
    ];
    input.show();
  });
}

/** One step of a multi-step flow: skipped when `when` says so; BACK returns to the step before. */
export interface WizardStep<S> {
  when?: (state: S) => boolean;
  run: (state: S, canGoBack: boolean) => Promise<Answer<void>>;
}

/** Runs the steps in order with Back support; the state keeps earlier answers as defaults. */
export async function runWizard<S>(state: S, steps: Array<WizardStep<S>>): Promise<S> {
  const history: number[] = [];
  let i = 0;
  while (i < steps.length) {
    const step = steps[i];
    if (step.when && !step.when(state)) {
      i++;
      continue;
    }
    if ((await step.run(state, history.length > 0)) === BACK) {
      i = history.pop() ?? 0;
      continue;
    }
    history.push(i);
    i++;
  }
  return state;
}
