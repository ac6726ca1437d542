// The report's consumer-group lab section: the last lab result recorded for the topic (who
// owned which partition, each member's count, the two verdicts), or how to get one.
import { formatCount } from '../format/count';
import type { LabResultRecord } from '../lab/labResultRecord';
import { markdownCell } from './resultsTable';

const verdict = (ok: boolean) => (ok ? 'holds' : 'does NOT hold');

function memberRows(lab: LabResultRecord): string[] {
  const rows = lab.groups.flatMap((g) =>
    g.members.map((m) => [g.groupId, m.name, m.partitions.join(', ') || '–', formatCount(m.messages)]),
  );
  return [
    '| group | member | partitions | messages |',
    '| --- | --- | --- | ---: |',
    ...rows.map((r) => `| ${r.map(markdownCell).join(' | ')} |`),
  ];
}

export function groupLabLines(topic: string, lab: LabResultRecord | undefined): string[] {
  if (!lab) {
    return [
      'No consumer-group lab result is recorded for this topic on this machine; run ' +
        `\`kafka-log-lab lab groups --topic ${topic}\` (or the editor's Consumer Group Lab) to see fanout and load balancing.`,
    ];
  }
  const n = formatCount(lab.messages);
  return [
    `Last lab on this topic, recorded ${lab.recordedAt}: ${formatCount(lab.groups.length)} groups on ` +
      `${formatCount(lab.partitions)} partitions, ${n} messages in the topic.`,
    '',
    `- Load balancing ${verdict(lab.balanceOk)}: in each group the members own different partitions and their counts add up to ${n}.`,
    `- Fanout ${verdict(lab.fanoutOk)}: ${lab.groups.map((g) => `${markdownCell(g.groupId)} received ${formatCount(g.received)}`).join(', ')} of ${n}.`,
    '',
    ...memberRows(lab),
  ];
}
