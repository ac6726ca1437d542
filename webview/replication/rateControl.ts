// The produce-rate control: a number field and a Set button (Enter in the field sets it too).
import { MAX_RATE } from '../../src/shared/replicationProtocol';
import { el } from '../dom';
import { t } from '../l10n';

export class RateControl {
  readonly element: HTMLElement;
  readonly input = el('input', {
    type: 'number',
    id: 'rate-input',
    min: 1,
    max: MAX_RATE,
    step: 1,
    class: 'rate-input',
  });
  readonly button = el('button', { type: 'button', text: t('Set rate') });
  private edited = false;

  constructor(onSet: (rate: number, button: HTMLButtonElement) => void, say: (text: string) => void) {
    const submit = () => {
      const rate = Number(this.input.value);
      if (!Number.isInteger(rate) || rate < 1 || rate > MAX_RATE) {
        say(t('The rate is a whole number of messages per second, 1 to {0}.', MAX_RATE));
        return;
      }
      this.edited = false;
      onSet(rate, this.button);
    };
    this.input.addEventListener('input', () => (this.edited = true));
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') submit();
    });
    this.button.addEventListener('click', submit);
    this.element = el(
      'div',
      { class: 'rate' },
      el('label', { for: 'rate-input', text: t('Messages per second') }),
      this.input,
      this.button,
    );
  }

  /** The lab's rate, unless the user is typing a new one. */
  update(rate: number): void {
    if (!this.edited && document.activeElement !== this.input) this.input.value = String(rate);
  }
}
