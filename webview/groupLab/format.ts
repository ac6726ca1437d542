// Numbers and times as the lab shows them.

export const count = (n: number): string => n.toLocaleString('en-US');

export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

export const clockTime = (ms: number): string => new Date(ms).toLocaleTimeString('en-GB', { hour12: false });

/** "P0 P3" style labels, always with the numbers as text (colour is only a second cue). */
export const partitionLabel = (p: number): string => `P${p}`;

/** 0,1,2,4 -> "0–2, 4" */
export function partitionRanges(partitions: number[]): string {
  const sorted = [...partitions].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i + 1 ? `${sorted[i]}–${sorted[j]}` : j === i + 1 ? `${sorted[i]}, ${sorted[j]}` : `${sorted[i]}`);
    i = j;
  }
  return parts.join(', ');
}
