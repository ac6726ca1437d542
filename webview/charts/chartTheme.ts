// Chart colours and fonts come from the editor theme's CSS variables (with fallbacks in
// webview/dashboard/dashboard.css), read once and again whenever VS Code switches theme (it changes the
// body's class: vscode-light, vscode-dark, vscode-high-contrast...).

export interface ChartTheme {
  foreground: string;
  muted: string;
  grid: string;
  series: string[];
  good: string;
  info: string;
  warn: string;
  bad: string;
  font: string;
  /** High contrast themes: outline bars so they stand out from the background. */
  outline: string | undefined;
}

let cached: ChartTheme | undefined;
const listeners = new Set<() => void>();

function read(): ChartTheme {
  const style = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const contrast =
    document.body.classList.contains('vscode-high-contrast') ||
    document.body.classList.contains('vscode-high-contrast-light');
  return {
    foreground: v('--chart-foreground', '#cccccc'),
    muted: v('--chart-muted', '#999999'),
    grid: v('--chart-grid', 'rgba(128,128,128,0.25)'),
    series: ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6'].map((n, i) =>
      v(n, ['#3794ff', '#89d185', '#cca700', '#d18616', '#f14c4c', '#b180d7'][i]),
    ),
    good: v('--chart-good', '#89d185'),
    info: v('--chart-info', '#3794ff'),
    warn: v('--chart-warn', '#cca700'),
    bad: v('--chart-bad', '#f14c4c'),
    font: `${v('--chart-font-size', '12px')} ${v('--chart-font-family', 'sans-serif')}`,
    outline: contrast ? v('--chart-outline', '#ffffff') : undefined,
  };
}

export function chartTheme(): ChartTheme {
  cached ??= read();
  return cached;
}

export function onThemeChange(listener: () => void): void {
  listeners.add(listener);
  if (listeners.size > 1) return;
  new MutationObserver(() => {
    cached = undefined;
    listeners.forEach((l) => l());
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
