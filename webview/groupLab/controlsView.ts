// The lab's actions that are not about one group: produce N more messages, add a group. The
// status line (a polite live region) says what happened, or why it did not.
import { MAX_PRODUCE_AT_ONCE, type LabSnapshot } from '../../src/shared/groupLabProtocol';
import { el, setText } from '../dom';
import { formatCount } from '../format';

export interface ControlActions {
  produce(count: number, button: HTMLButtonElement): void;
  addGroup(button: HTMLButtonElement): void;
}

const FORMAT_NAMES: Record<string, string> = {
  web: 'web session lines',
  nginx: 'nginx access-log lines',
  events: 'product event lines',
};

/** What Produce will write, stated before anyone presses it. */
function produceHint(plan: LabSnapshot['produceAs']): string {
  if (!plan) return '';
  const lines = FORMAT_NAMES[plan.format] ?? `${plan.format} lines`;
  if (plan.confirm) return `Produce asks first: ${plan.confirm}`;
  if (plan.topicFormat) return `Produce writes ${lines}, the topic's own format.`;
  return `Produce writes ${lines} into the lab's topic.`;
}

export class ControlsView {
  readonly element: HTMLElement;
  private readonly hint = el('p', { class: 'produce-hint muted', 'data-produce-hint': '' });
  readonly status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  readonly produceButton = el('button', { type: 'button', text: 'Produce' });
  readonly addGroupButton = el('button', { type: 'button', class: 'secondary', text: 'Add group' });
  private readonly countInput = el('input', {
    id: 'produce-count',
    type: 'number',
    min: 1,
    max: MAX_PRODUCE_AT_ONCE,
    step: 1,
    value: 500,
    inputmode: 'numeric',
  });

  constructor(actions: ControlActions) {
    const produce = () => {
      const n = Number(this.countInput.value);
      if (!Number.isInteger(n) || n < 1 || n > MAX_PRODUCE_AT_ONCE) {
        this.say(`Enter a whole number of messages from 1 to ${formatCount(MAX_PRODUCE_AT_ONCE)}.`, true);
        this.countInput.focus();
        return;
      }
      actions.produce(n, this.produceButton);
    };
    this.produceButton.addEventListener('click', produce);
    this.countInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') produce();
    });
    this.addGroupButton.addEventListener('click', () => actions.addGroup(this.addGroupButton));
    this.element = el(
      'div',
      { class: 'controls' },
      el('label', { for: 'produce-count', text: 'Messages to produce' }),
      this.countInput,
      this.produceButton,
      this.addGroupButton,
      this.hint,
      this.status,
    );
  }

  say(text: string, problem = false): void {
    setText(this.status, text);
    this.status.classList.toggle('problem', problem);
  }

  /** States what Produce writes into the topic. */
  setPlan(plan: LabSnapshot['produceAs']): void {
    setText(this.hint, produceHint(plan));
  }
}
