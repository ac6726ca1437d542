// Product events as JSON lines (seed 001), one shopper action per line:
//   {"event_id":"<uuid>","timestamp":"2025-10-16T21:16:47.779Z","user_id":"3f9a2c1b","session_id":"3f9a2c1b-1",
//    "event_type":"view","product":{"id":"P0042","name":"Pro Tent","category":"sports"},"price":189.99}
// Shoppers arrive over time and follow sessions: search and view products (popular ones
// more often), add to and remove from the cart, begin checkout and purchase each cart
// item (one `purchase` line per item, sharing an order_id). Some come back later for
// another session. Time runs in milliseconds.
import { EventQueue, type Scheduled } from './eventQueue';
import {
  ChunkedGenerator,
  DEFAULT_THINK_SECONDS,
  checkArrivalRate,
  visitorLimit,
  type GeneratedCounts,
  type GeneratorOptions,
} from './generator';
import { hex8, writeHexWord, writeUuid4 } from './ids';
import { CATALOG, SEARCH_QUERIES, type Product } from './productCatalog';
import { SeededRandom, permute32 } from './random';
import { IsoTimestampFormatter } from './timeText';

type Step = 'view' | 'search' | 'add_to_cart' | 'remove_from_cart' | 'begin_checkout' | 'purchase' | 'end';
/** The steps that write a line. */
type EventType = Exclude<Step, 'end'>;

interface Shopper extends Scheduled {
  /** `","user_id":"<id>","session_id":"<id>-`, encoded once per shopper. */
  idBytes: Uint8Array;
  sessionsLeft: number;
  session: number;
  last: Step;
  viewing: Product | undefined;
  cart: Product[];
  eventsInSession: number;
}

const MEAN_ARRIVAL_MS = 2000;
const MIN_THINK_MS = 1000;
const MAX_THINK_MS = 10 * 60 * 1000;
const MAX_EVENTS_PER_SESSION = 60;
const ascii = (text: string) => Buffer.from(text, 'latin1');
const EVENT_ID = ascii('{"event_id":"');
const TIMESTAMP = ascii('","timestamp":"');
/** The label and the timestamp, at most. */
const TIMESTAMP_BYTES = TIMESTAMP.length + 24;
const QUOTE_BRACE = ascii('"}');
const ITEMS = ascii(',"items":');
/** What follows the session id up to the event's own fields, per event type (encoded once). */
const TYPE_HEADS: Record<EventType, Buffer> = {
  view: ascii('","event_type":"view",'),
  search: ascii('","event_type":"search","query":"'),
  add_to_cart: ascii('","event_type":"add_to_cart",'),
  remove_from_cart: ascii('","event_type":"remove_from_cart",'),
  begin_checkout: ascii('","event_type":"begin_checkout","cart_value":'),
  purchase: ascii('","event_type":"purchase",'),
};
const BRACE = ascii('}');
const QUANTITY_BRACE = ascii(',"quantity":1}');
const ORDER_ID = ascii(',"order_id":"ORD-');

export class ProductEventGenerator extends ChunkedGenerator {
  readonly format = 'events' as const;
  private readonly random: SeededRandom;
  private readonly formatter = new IsoTimestampFormatter(TIMESTAMP);
  private readonly queue = new EventQueue<Shopper>();
  private readonly maxVisitors: number;
  private readonly meanThinkMs: number;
  private readonly idSalt: number;
  private arrivalClock: number;
  private visitors = 0;
  private purchases = 0;
  private revenueCents = 0;
  private lastMs: number;
  private meanArrivalMs = MEAN_ARRIVAL_MS;

  constructor(options: GeneratorOptions) {
    super(options);
    this.random = new SeededRandom(`events:${options.seed}`);
    this.maxVisitors = visitorLimit(options);
    if (options.arrivalsPerSecond !== undefined) this.meanArrivalMs = 1000 / options.arrivalsPerSecond;
    this.meanThinkMs = (options.meanThinkSeconds ?? DEFAULT_THINK_SECONDS) * 1000;
    this.idSalt = this.random.uint32();
    this.arrivalClock = Math.round(options.startMs);
    this.lastMs = this.arrivalClock;
  }

  protected emitNext(): boolean {
    const arrival = Math.floor(this.arrivalClock);
    if (this.visitors < this.maxVisitors && arrival <= this.queue.peekTime()) {
      const shopper = this.arrive(arrival);
      this.arrivalClock += this.random.exponential(this.meanArrivalMs);
      this.act(shopper);
      return true;
    }
    const shopper = this.queue.pop();
    if (!shopper) return false;
    this.act(shopper);
    return true;
  }

  protected pendingEventMs(): number | undefined {
    const visit = this.queue.peek()?.time ?? Number.POSITIVE_INFINITY;
    const arrival = this.visitors < this.maxVisitors ? Math.floor(this.arrivalClock) : Number.POSITIVE_INFINITY;
    const next = Math.min(visit, arrival);
    return Number.isFinite(next) ? next : undefined;
  }

  setArrivalsPerSecond(rate: number): void {
    checkArrivalRate(rate);
    this.meanArrivalMs = 1000 / rate;
  }

  postpone(ms: number): void {
    const delta = Math.round(ms);
    this.queue.shift(delta);
    this.arrivalClock += delta;
  }

  private arrive(time: number): Shopper {
    const index = this.visitors++;
    return {
      time,
      order: 0,
      idBytes: idBytesOf(permute32((index ^ this.idSalt) >>> 0)),
      sessionsLeft: this.random.chance(0.3) ? this.random.between(2, 3) : 1,
      session: 0,
      last: 'end',
      viewing: undefined,
      cart: [],
      eventsInSession: 0,
    };
  }

  private act(shopper: Shopper): void {
    if (shopper.last === 'end') {
      shopper.session++;
      shopper.sessionsLeft--;
      shopper.eventsInSession = 0;
      shopper.cart = [];
    }
    const step = this.nextStep(shopper);
    this.write(shopper, step);
    shopper.last = step;
    shopper.eventsInSession++;
    const ends = step === 'purchase' ? this.random.chance(0.8) : this.random.chance(endChance(step));
    if (!ends && shopper.eventsInSession < MAX_EVENTS_PER_SESSION) {
      const think = MIN_THINK_MS + Math.floor(this.random.exponential(Math.max(0, this.meanThinkMs - MIN_THINK_MS)));
      shopper.time += Math.min(think, MAX_THINK_MS);
    } else if (shopper.sessionsLeft > 0) {
      shopper.last = 'end';
      shopper.time += 3_600_000 + Math.floor(this.random.exponential(24 * 3_600_000));
    } else {
      return;
    }
    this.queue.push(shopper);
  }

  private nextStep(shopper: Shopper): EventType {
    const x = this.random.next();
    switch (shopper.last) {
      case 'end':
        return x < 0.75 ? 'view' : 'search';
      case 'search':
        return x < 0.85 ? 'view' : 'search';
      case 'add_to_cart':
        if (x < 0.3) return 'begin_checkout';
        if (x < 0.37) return 'remove_from_cart';
        return 'view';
      case 'begin_checkout':
        return 'purchase';
      case 'view':
        if (x < 0.28) return 'add_to_cart';
        if (x < 0.4) return 'search';
        if (x < 0.55 && shopper.cart.length > 0) return 'begin_checkout';
        return 'view';
      default:
        return 'view';
    }
  }

  private write(shopper: Shopper, step: EventType): void {
    this.lastMs = shopper.time;
    if (step === 'purchase') {
      this.writePurchase(shopper);
      return;
    }
    const random = this.random;
    this.writeHead(shopper, step);
    switch (step) {
      case 'search':
        this.writeText(random.pick(SEARCH_QUERIES));
        this.writeEncoded(QUOTE_BRACE);
        break;
      case 'view':
        shopper.viewing = CATALOG[Math.floor(CATALOG.length * random.next() ** 2)]; // popular products first
        this.writeProduct(shopper.viewing, BRACE);
        break;
      case 'add_to_cart': {
        const product = shopper.viewing ?? CATALOG[0];
        shopper.cart.push(product);
        this.writeProduct(product, QUANTITY_BRACE);
        break;
      }
      case 'remove_from_cart':
        this.writeProduct(shopper.cart.pop() ?? CATALOG[0], BRACE);
        break;
      case 'begin_checkout': {
        const cents = shopper.cart.reduce((sum, p) => sum + p.priceCents, 0);
        this.writeText(String(cents / 100));
        this.writeEncoded(ITEMS);
        this.writeInt(shopper.cart.length);
        this.writeEncoded(BRACE);
        break;
      }
    }
    this.endLine();
  }

  /** One line per cart item, all at checkout time, sharing an order id. */
  private writePurchase(shopper: Shopper): void {
    const orderId = hex8(this.random.uint32()).toUpperCase();
    for (const product of shopper.cart) {
      if (this.full) break;
      this.purchases++;
      this.revenueCents += product.priceCents;
      this.writeHead(shopper, 'purchase');
      this.writeEncoded(product.jsonBytes);
      this.writeEncoded(ORDER_ID);
      this.writeText(orderId);
      this.writeEncoded(QUOTE_BRACE);
      this.endLine();
    }
    shopper.cart = [];
  }

  /** `<product>` and the line's end `tail`. */
  private writeProduct(product: Product, tail: Uint8Array): void {
    this.writeEncoded(product.jsonBytes);
    this.writeEncoded(tail);
  }

  /**
   * Every line up to its event type: `{"event_id":"<uuid>","timestamp":"…","user_id":"…",
   * "session_id":"…","event_type":"<step>"` and what opens the type's own fields.
   */
  private writeHead(shopper: Shopper, step: EventType): void {
    this.writeEncoded(EVENT_ID);
    this.writeBytes(36, this.writeUuid);
    this.writeFormatted(TIMESTAMP_BYTES, this.formatter, shopper.time);
    this.writeEncoded(shopper.idBytes);
    this.writeInt(shopper.session);
    this.writeEncoded(TYPE_HEADS[step]);
  }

  private readonly writeUuid = (target: Buffer, offset: number) => writeUuid4(target, offset, this.random);

  counts(): GeneratedCounts {
    return {
      lines: this.linesWritten,
      visitors: this.visitors,
      endMs: this.lastMs,
      purchases: { count: this.purchases, revenue: this.revenueCents / 100 },
    };
  }
}

const USER_ID = '","user_id":"';
const SESSION_ID = '","session_id":"';
const ID_TEMPLATE = ascii(`${USER_ID}00000000${SESSION_ID}00000000-`);

/**
 * What follows the timestamp up to the session number, the same on every line of a shopper:
 * the template with the id's digits filled in (cheaper than encoding a new string per shopper).
 */
function idBytesOf(word: number): Uint8Array {
  const bytes = new Uint8Array(ID_TEMPLATE.length);
  bytes.set(ID_TEMPLATE);
  writeHexWord(bytes, USER_ID.length, word, 8);
  writeHexWord(bytes, USER_ID.length + 8 + SESSION_ID.length, word, 8);
  return bytes;
}

/** Chance that a session ends right after `step` (purchase is handled apart). */
function endChance(step: Step): number {
  switch (step) {
    case 'view':
      return 0.2;
    case 'search':
      return 0.1;
    case 'add_to_cart':
      return 0.12;
    case 'remove_from_cart':
      return 0.35;
    case 'begin_checkout':
      return 0.25;
    default:
      return 0.2;
  }
}
