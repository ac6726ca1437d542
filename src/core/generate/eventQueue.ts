// A binary min-heap of scheduled visitor events, ordered by time and then by the order they
// were scheduled in, so ties resolve the same way on every run (determinism).
// The keys live in typed arrays beside the items: sifting compares contiguous numbers instead
// of reading scattered objects, which is most of the cost once many visitors are waiting.

export interface Scheduled {
  /** When the event happens, in the generator's time unit. */
  time: number;
  /** Tie-breaker assigned by the queue. */
  order: number;
}

const INITIAL_CAPACITY = 1024;

export class EventQueue<T extends Scheduled> {
  private items: T[] = [];
  private times = new Float64Array(INITIAL_CAPACITY);
  private orders = new Float64Array(INITIAL_CAPACITY);
  private length = 0;
  private scheduled = 0;

  get size(): number {
    return this.length;
  }

  peek(): T | undefined {
    return this.length > 0 ? this.items[0] : undefined;
  }

  /** Time of the earliest event; +Infinity when the queue is empty. */
  peekTime(): number {
    return this.length > 0 ? this.times[0] : Number.POSITIVE_INFINITY;
  }

  push(item: T): void {
    const order = (item.order = this.scheduled++);
    const time = item.time;
    if (this.length === this.times.length) this.grow();
    const { times, orders, items } = this;
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const t = times[parent];
      if (time > t || (time === t && order > orders[parent])) break;
      times[i] = t;
      orders[i] = orders[parent];
      items[i] = items[parent];
      i = parent;
    }
    times[i] = time;
    orders[i] = order;
    items[i] = item;
  }

  /** Adds `delta` to every event's time; the order stays the same. */
  shift(delta: number): void {
    for (let i = 0; i < this.length; i++) {
      this.times[i] += delta;
      this.items[i].time += delta;
    }
  }

  pop(): T | undefined {
    if (this.length === 0) return undefined;
    const { times, orders, items } = this;
    const top = items[0];
    const n = --this.length;
    const time = times[n];
    const order = orders[n];
    const last = items[n];
    items[n] = undefined as unknown as T; // no reference kept to a visitor that left
    if (n > 0) {
      let i = 0;
      for (let left = 1; left < n; left = 2 * i + 1) {
        const right = left + 1;
        const child = right < n && before(times, orders, right, left) ? right : left;
        const t = times[child];
        if (t > time || (t === time && orders[child] > order)) break;
        times[i] = t;
        orders[i] = orders[child];
        items[i] = items[child];
        i = child;
      }
      times[i] = time;
      orders[i] = order;
      items[i] = last;
    }
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const orders = new Float64Array(this.times.length * 2);
    times.set(this.times);
    orders.set(this.orders);
    this.times = times;
    this.orders = orders;
  }
}

function before(times: Float64Array, orders: Float64Array, a: number, b: number): boolean {
  return times[a] < times[b] || (times[a] === times[b] && orders[a] < orders[b]);
}
