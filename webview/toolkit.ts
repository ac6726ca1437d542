// The only module that knows the UI component library (@vscode/webview-ui-toolkit, no longer
// maintained upstream). Everything else asks these factories for controls, so replacing
// the library means rewriting this one file.
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeCheckbox,
  vsCodeDivider,
  vsCodeDropdown,
  vsCodeOption,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';

/** A control with a text value (dropdowns, text fields); fires `change` (and `input` for text). */
export interface ValueControl extends HTMLElement {
  value: string;
  disabled: boolean;
}

export interface CheckControl extends HTMLElement {
  checked: boolean;
}

export interface ButtonControl extends HTMLElement {
  disabled: boolean;
}

let registered = false;

export function registerToolkit(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(
    vsCodeButton(),
    vsCodeCheckbox(),
    vsCodeDivider(),
    vsCodeDropdown(),
    vsCodeOption(),
    vsCodeTextField(),
  );
}

export function createButton(label: string, options: { secondary?: boolean; title?: string } = {}): ButtonControl {
  const button = document.createElement('vscode-button') as ButtonControl;
  button.textContent = label;
  if (options.secondary) button.setAttribute('appearance', 'secondary');
  if (options.title) button.title = options.title;
  return button;
}

export function createDropdown(
  choices: Array<{ value: string; label: string }>,
  ariaLabel: string,
  value?: string,
): ValueControl {
  const dropdown = document.createElement('vscode-dropdown') as ValueControl;
  dropdown.setAttribute('aria-label', ariaLabel);
  for (const choice of choices) {
    const option = document.createElement('vscode-option');
    option.setAttribute('value', choice.value);
    option.textContent = choice.label;
    if (choice.value === value) option.setAttribute('selected', '');
    dropdown.append(option);
  }
  return dropdown;
}

export function createTextField(
  ariaLabel: string,
  options: { placeholder?: string; value?: string; size?: number } = {},
): ValueControl {
  const field = document.createElement('vscode-text-field') as ValueControl;
  field.setAttribute('aria-label', ariaLabel);
  if (options.placeholder) field.setAttribute('placeholder', options.placeholder);
  if (options.size) field.setAttribute('size', String(options.size));
  if (options.value !== undefined) field.setAttribute('value', options.value);
  return field;
}

export function createCheckbox(label: string, checked = false): CheckControl {
  const box = document.createElement('vscode-checkbox') as CheckControl;
  box.textContent = label;
  if (checked) box.setAttribute('checked', '');
  return box;
}

/** A plain element styled as a VS Code badge: the toolkit's badge writes an inline style the CSP refuses. */
export function createBadge(text = ''): HTMLElement {
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = text;
  return badge;
}

export function createDivider(): HTMLElement {
  return document.createElement('vscode-divider');
}
