// Picks a file's format from its first lines: the format whose parser accepts the most
// sample lines wins, provided it accepts at least half of the non-blank ones.
import type { LogFormat } from '../logFormat';
import { isProductEvent, parseJsonLine } from './jsonLine';
import { isBlankLine, stripBomAndCr } from './lineText';
import { parseNginxLine } from './nginxLine';
import { parseWebLine } from './webLine';

const MAX_SAMPLES = 200;

export function detectFormat(sampleLines: string[]): LogFormat {
  let total = 0;
  let web = 0;
  let nginx = 0;
  let json = 0;
  let events = 0;
  for (const raw of sampleLines) {
    if (total >= MAX_SAMPLES) break;
    const line = stripBomAndCr(raw);
    if (isBlankLine(line)) continue;
    total++;
    if (parseWebLine(line)) web++;
    else if (parseNginxLine(line)) nginx++;
    else {
      const record = parseJsonLine(line);
      if (record) {
        json++;
        if (isProductEvent(record)) events++;
      }
    }
  }
  const best = Math.max(web, nginx, json);
  if (total === 0 || best * 2 < total) return 'raw';
  if (best === web) return 'web';
  if (best === nginx) return 'nginx';
  return events * 2 >= json ? 'events' : 'jsonl';
}
