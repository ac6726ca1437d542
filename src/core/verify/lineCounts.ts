// How many messages stood for each line number of one file, with running totals, so a live
// view reads "distinct lines" and "extra copies" without walking the lines. Line numbers are
// dense and 1-based: a growable typed array holds them up to DENSE_LINES, a map holds the rare
// ones beyond (a stray header then costs one entry, not gigabytes).

/** Line numbers up to this are counted in the typed array (64 MiB at the most). */
const DENSE_LINES = 1 << 24;

export class LineCounts {
  private dense = new Uint32Array(1 << 12);
  private sparse: Map<number, number> | undefined;
  /** Line numbers read at least once. */
  distinct = 0;
  /** Reads of a line number beyond its first. */
  duplicates = 0;

  add(line: number): void {
    const before = this.get(line);
    if (before === 0) this.distinct++;
    else this.duplicates++;
    if (line < DENSE_LINES) this.setDense(line, before + 1);
    else (this.sparse ??= new Map()).set(line, before + 1);
  }

  get(line: number): number {
    if (line < this.dense.length) return this.dense[line];
    return this.sparse?.get(line) ?? 0;
  }

  copy(): LineCounts {
    const copy = new LineCounts();
    copy.dense = this.dense.slice();
    if (this.sparse) copy.sparse = new Map(this.sparse);
    copy.distinct = this.distinct;
    copy.duplicates = this.duplicates;
    return copy;
  }

  private setDense(line: number, count: number): void {
    if (line >= this.dense.length) {
      let size = this.dense.length * 2;
      while (size <= line) size *= 2;
      const grown = new Uint32Array(size);
      grown.set(this.dense);
      this.dense = grown;
    }
    this.dense[line] = count;
  }
}
