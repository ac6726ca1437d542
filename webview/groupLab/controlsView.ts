// The lab's actions that are not about one group: produce N more messages, add a group. The
// status line (a polite live region) says what happened, or why it did not.
import { produceQuestion } from '../../src/core/lab/produceQuestion';
import { MAX_PRODUCE_AT_ONCE, type LabSnapshot } from '../../src/shared/groupLabProtocol';
import { el, setText } from '../dom';
import { formatCount } from '../format';
import { t } from '../l10n';

export interface ControlActions {
  produce(count: number, button: HTMLButtonElement): void;
  addGroup(button: HTMLButtonElement): void;
}

const formatLines = (format: string): string => {
  switch (format) {
    case 'web':
      return t('web session lines');
    case 'nginx':
      return t('nginx access-log lines');
    case 'events':
      return t('product event lines');
    default:
      return t('{0} lines', format);
  }
};

/** What Produce will write, stated before anyone presses it. */
export function produceHint(plan: LabSnapshot['produceAs'], topic: string): string {
  if (!plan) return '';
  const lines = formatLines(plan.format);
  if (plan.confirm) return t('Produce asks first: {0}', produceQuestion(topic, plan.topicFormat, t));
  if (plan.topicFormat) return t("Produce writes {0}, the topic's own format.", lines);
  return t("Produce writes {0} into the lab's topic.", lines);
}

export class ControlsView {
  readonly element: HTMLElement;
  private readonly hint = el('p', { class: 'produce-hint muted', 'data-produce-hint': '' });
  readonly status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  readonly produceButton = el('button', { type: 'button', text: t('Produce') });
  readonly addGroupButton = el('button', { type: 'button', class: 'secondary', text: t('Add group') });
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
        this.say(t('Enter a whole number of messages from 1 to {0}.', formatCount(MAX_PRODUCE_AT_ONCE)), true);
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
      el('label', { for: 'produce-count', text: t('Messages to produce') }),
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
  setPlan(plan: LabSnapshot['produceAs'], topic: string): void {
    setText(this.hint, produceHint(plan, topic));
  }
}
