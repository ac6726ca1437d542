// The lab report: gathered from the engine's computations, rendered as Markdown with SVG charts.
export { collectReport, type CollectReportOptions, type ReportStep } from './collectReport';
export { renderMarkdown } from './renderMarkdown';
export { reportCharts, type ReportChart } from './reportCharts';
export { reportFiles, writeReport, type WrittenReport } from './writeReport';
export type { LabReport } from './reportModel';
