// Writes a rendered report and its charts: `report.md` and `report-<chart>.svg` beside it.
import fs from 'node:fs';
import path from 'node:path';
import { renderMarkdown } from './renderMarkdown';
import { reportCharts } from './reportCharts';
import type { LabReport } from './reportModel';

export interface WrittenReport {
  markdownFile: string;
  /** SVG files written beside it. */
  chartFiles: string[];
  /** Charts replaced by a sentence, with the reason. */
  chartsWithoutData: Array<{ title: string; reason: string }>;
}

/** The files a report at `out` consists of, for asking before anything is replaced. */
export function reportFiles(report: LabReport, out: string): string[] {
  const base = path.basename(out).replace(/\.md$/i, '');
  return [
    out,
    ...reportCharts(report, base)
      .filter((c) => c.svg)
      .map((c) => path.join(path.dirname(out), c.file)),
  ];
}

/** `shownOut`: the report's path as the reader should retype it (default: as given). */
export function writeReport(report: LabReport, out: string, shownOut = out): WrittenReport {
  const dir = path.dirname(out);
  const base = path.basename(out).replace(/\.md$/i, '');
  const charts = reportCharts(report, base);
  fs.mkdirSync(dir, { recursive: true });
  const chartFiles: string[] = [];
  for (const c of charts) {
    if (!c.svg) continue;
    const target = path.join(dir, c.file);
    fs.writeFileSync(target, c.svg);
    chartFiles.push(target);
  }
  fs.writeFileSync(out, renderMarkdown(report, charts, shownOut));
  return {
    markdownFile: out,
    chartFiles,
    chartsWithoutData: charts.filter((c) => !c.svg).map((c) => ({ title: c.title, reason: c.reason ?? '' })),
  };
}
