// A binary min-heap of scheduled visitor events, ordered by time and then by the order they
// were scheduled in, so ties resolve the same way on every run (determinism).

export interface Scheduled {
  /** When the event happens, in the generator's time unit. */
  time: number;
  /** Tie-breaker assigned by the queue. */
  order: number;
}

export class EventQueue<T extends Scheduled> {
  private readonly heap: T[] = [];
  private scheduled = 0;

  get size(): number {
    return this.heap.length;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  push(item: T): void {
    item.order = this.scheduled++;
    const heap = this.heap;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = item;
  }

  /** Adds `delta` to every event's time; the order stays the same. */
  shift(delta: number): void {
    for (const item of this.heap) item.time += delta;
  }

  pop(): T | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop() as T;
    if (heap.length > 0) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && before(heap[right], heap[left]) ? right : left;
        if (!before(heap[child], last)) break;
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}

function before(a: Scheduled, b: Scheduled): boolean {
  return a.time < b.time || (a.time === b.time && a.order < b.order);
}
