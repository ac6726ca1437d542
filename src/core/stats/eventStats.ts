// Statistics of product events (seed 001) and of generic JSON lines. Price buckets follow
// seed 001: low < 50 <= medium < 200 <= high, over every event that carries a price.
// Revenue sums purchase prices in whole cents, so it adds up exactly.
import { eventPrice, eventType, jsonVisitor, parseJsonLine, type JsonRecord } from '../parse/jsonLine';
import { ownCopy } from '../parse/lineText';
import { BoundedCounter } from './boundedCounter';
import { LineStats, type BaseSnapshot } from './lineStats';

export interface EventsSnapshot extends BaseSnapshot {
  format: 'events';
  priceBuckets: { low: number; medium: number; high: number };
  revenue: number;
  eventTypes: Record<string, number>;
}

export interface JsonLinesSnapshot extends BaseSnapshot {
  format: 'jsonl';
}

export const LOW_PRICE_BELOW = 50;
export const HIGH_PRICE_FROM = 200;

export class EventStats extends LineStats<JsonRecord, EventsSnapshot> {
  readonly format = 'events' as const;
  private readonly visitors = new Set<string>();
  private readonly eventTypes = new BoundedCounter();
  private low = 0;
  private medium = 0;
  private high = 0;
  private revenueCents = 0;

  protected parse(line: string): JsonRecord | undefined {
    return parseJsonLine(line);
  }

  protected count(record: JsonRecord): void {
    const visitor = jsonVisitor(record, ['user_id', 'userId']);
    if (visitor !== undefined && !this.visitors.has(visitor)) this.visitors.add(ownCopy(visitor));
    const type = eventType(record);
    if (type !== undefined) this.eventTypes.add(type);
    const price = eventPrice(record);
    if (price === undefined) return;
    if (price < LOW_PRICE_BELOW) this.low++;
    else if (price < HIGH_PRICE_FROM) this.medium++;
    else this.high++;
    if (type === 'purchase') this.revenueCents += Math.round(price * 100);
  }

  snapshot(): EventsSnapshot {
    return this.compose(
      this.visitors.size,
      {
        priceBuckets: { low: this.low, medium: this.medium, high: this.high },
        revenue: this.revenueCents / 100,
        eventTypes: this.eventTypes.toObject(),
      },
      this.eventTypes.approximate,
    ) as EventsSnapshot;
  }
}

/** Any JSON object per line: counts and visitors (user_id, userId, visitor_id, client_ip, remote_addr, ip). */
export class JsonLinesStats extends LineStats<JsonRecord, JsonLinesSnapshot> {
  readonly format = 'jsonl' as const;
  private readonly visitors = new Set<string>();

  protected parse(line: string): JsonRecord | undefined {
    return parseJsonLine(line);
  }

  protected count(record: JsonRecord): void {
    const visitor = jsonVisitor(record);
    if (visitor !== undefined && !this.visitors.has(visitor)) this.visitors.add(ownCopy(visitor));
  }

  snapshot(): JsonLinesSnapshot {
    return this.compose(this.visitors.size, {}) as JsonLinesSnapshot;
  }
}
