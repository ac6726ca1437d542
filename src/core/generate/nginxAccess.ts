// Nginx access logs in the combined format (seeds 002/003):
//   $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"
// Three kinds of visitors arrive over time: people browsing the shop (pages followed by
// their static assets, 304s for cached assets, redirects after POSTs, returning visits),
// crawlers (robots.txt first, then pages, no assets) and scanners (probes for well-known
// weaknesses, junk request lines). Rare backend incidents turn page requests into 5xx bursts.
// A visitor's requests within a session are at most 10 minutes apart and sessions of the
// same visitor are more than 30 minutes apart, so the 30-minute session rule of the
// statistics finds exactly the sessions generated here. Time runs in whole seconds.
import { ClientAddresses } from './clientAddresses';
import { EncodedTexts, textBytes } from './encodedText';
import { EventQueue, type Scheduled } from './eventQueue';
import {
  ChunkedGenerator,
  DEFAULT_THINK_SECONDS,
  checkArrivalRate,
  visitorLimit,
  round2,
  type GeneratedCounts,
  type GeneratorOptions,
} from './generator';
import {
  BOT_AGENTS,
  BROWSER_AGENTS,
  CATEGORIES,
  ERROR_PAGE_BYTES,
  JUNK_REQUESTS,
  SCANNER_AGENTS,
  SCANNER_PROBES,
  SITE,
} from './nginxCatalog';
import { HumanBrowsing, type PageRequest } from './nginxBrowsing';
import { SeededRandom } from './random';
import { NginxTimestampFormatter } from './timeText';

type VisitorKind = 'human' | 'bot' | 'scanner';

interface NginxVisitor extends Scheduled {
  kind: VisitorKind;
  address: string;
  agent: string;
  protocol: string;
  sessionsLeft: number;
  requestsLeft: number;
  /** Set when the next request opens a new session. */
  startsSession: boolean;
  /** Time of this visitor's last written line. */
  lastLineTime: number;
  lastUrl: string;
  cartItems: number;
  loggedIn: boolean;
  lastWasProduct: boolean;
  /** `$remote_addr - `, encoded once per visitor. */
  head: Uint8Array;
  /** ` $protocol` and `" "$http_user_agent"`, encoded once per distinct text. */
  protocolBytes: Uint8Array;
  agentTail: Uint8Array;
}

const MEAN_ARRIVAL_SECONDS = 2;
const MAX_THINK_SECONDS = 600;
const MIN_SESSION_GAP_SECONDS = 31 * 60;
const ascii = (text: string) => Buffer.from(text, 'latin1');
const NO_USER = ascii('- [');
const SPACE_BRACKET = ascii(' [');
const BRACKET_QUOTE = ascii('] "');
const QUOTE_SPACE = ascii('" ');
const SPACE_QUOTE = ascii(' "');
const NO_AGENT_TAIL = ascii('" "-"');
const GET = ascii('GET ');
const SITE_BYTES = ascii(SITE);
const EMPTY = new Uint8Array(0);

export class NginxAccessGenerator extends ChunkedGenerator {
  readonly format = 'nginx' as const;
  private readonly random: SeededRandom;
  private readonly addresses: ClientAddresses;
  private readonly browsing: HumanBrowsing;
  private readonly formatter = new NginxTimestampFormatter();
  private readonly queue = new EventQueue<NginxVisitor>();
  private readonly maxVisitors: number;
  private readonly meanThink: number;
  private arrivalClock: number;
  private visitors = 0;
  private incidentStart: number;
  private incidentEnd: number;
  private sessions = 0;
  private sessionSeconds = 0;
  private lastTime: number;
  private meanArrivalSeconds = MEAN_ARRIVAL_SECONDS;
  // Few distinct texts, each encoded once with what surrounds it.
  private readonly agentTails = new EncodedTexts('" "', '"');
  private readonly protocols = new EncodedTexts(' ');
  private readonly methods = new EncodedTexts('', ' ');
  /** `$status ` per status code, encoded once. */
  private readonly statusBytes: Uint8Array[] = [];

  constructor(options: GeneratorOptions) {
    super(options);
    this.random = new SeededRandom(`nginx:${options.seed}`);
    this.addresses = new ClientAddresses(this.random);
    this.browsing = new HumanBrowsing(this.random);
    this.maxVisitors = visitorLimit(options);
    if (options.arrivalsPerSecond !== undefined) this.meanArrivalSeconds = 1 / options.arrivalsPerSecond;
    this.meanThink = options.meanThinkSeconds ?? DEFAULT_THINK_SECONDS;
    this.arrivalClock = Math.floor(options.startMs / 1000);
    this.lastTime = this.arrivalClock;
    this.incidentStart = this.arrivalClock + Math.floor(this.random.exponential(4 * 3600));
    this.incidentEnd = this.incidentStart + this.random.between(60, 600);
  }

  protected emitNext(): boolean {
    const arrivalTime = Math.floor(this.arrivalClock);
    if (this.visitors < this.maxVisitors && arrivalTime <= this.queue.peekTime()) {
      const visitor = this.arrive(arrivalTime);
      this.arrivalClock += this.random.exponential(this.meanArrivalSeconds);
      this.request(visitor);
      return true;
    }
    const visitor = this.queue.pop();
    if (!visitor) return false;
    this.request(visitor);
    return true;
  }

  protected pendingEventMs(): number | undefined {
    const visit = this.queue.peek()?.time ?? Number.POSITIVE_INFINITY;
    const arrival = this.visitors < this.maxVisitors ? Math.floor(this.arrivalClock) : Number.POSITIVE_INFINITY;
    const next = Math.min(visit, arrival);
    return Number.isFinite(next) ? next * 1000 : undefined;
  }

  setArrivalsPerSecond(rate: number): void {
    checkArrivalRate(rate);
    this.meanArrivalSeconds = 1 / rate;
  }

  postpone(ms: number): void {
    // Whole seconds: the log's timestamps have no finer unit.
    const delta = Math.ceil(ms / 1000);
    this.queue.shift(delta);
    this.arrivalClock += delta;
    this.incidentStart += delta;
    this.incidentEnd += delta;
  }

  private arrive(time: number): NginxVisitor {
    const random = this.random;
    this.visitors++;
    const roll = random.next();
    const kind: VisitorKind = roll < 0.84 ? 'human' : roll < 0.96 ? 'bot' : 'scanner';
    const ipv6Share = kind === 'human' ? 0.15 : kind === 'bot' ? 0.1 : 0.05;
    const visitor: NginxVisitor = {
      time,
      order: 0,
      kind,
      address: this.addresses.next(random.chance(ipv6Share)),
      agent: random.pick(kind === 'human' ? BROWSER_AGENTS : kind === 'bot' ? BOT_AGENTS : SCANNER_AGENTS),
      protocol: kind === 'human' && random.chance(0.6) ? 'HTTP/2.0' : random.chance(0.9) ? 'HTTP/1.1' : 'HTTP/1.0',
      sessionsLeft:
        kind === 'scanner' ? 1 : kind === 'bot' ? random.between(1, 3) : random.chance(0.25) ? random.between(2, 3) : 1,
      requestsLeft: 0,
      startsSession: true,
      lastLineTime: time,
      lastUrl: '-',
      cartItems: 0,
      loggedIn: false,
      lastWasProduct: false,
      head: EMPTY,
      protocolBytes: EMPTY,
      agentTail: EMPTY,
    };
    visitor.head = textBytes(visitor.address + ' - ');
    visitor.protocolBytes = this.protocols.get(visitor.protocol);
    visitor.agentTail = this.agentTails.get(visitor.agent);
    return visitor;
  }

  /** Writes the visitor's next request (with what follows it at once) and schedules the one after. */
  private request(visitor: NginxVisitor): void {
    const random = this.random;
    if (visitor.startsSession) {
      visitor.requestsLeft =
        visitor.kind === 'human'
          ? Math.min(25, 1 + random.geometric(0.22))
          : visitor.kind === 'bot'
            ? random.between(5, 40)
            : random.between(3, 15);
      visitor.sessionsLeft--;
      visitor.lastUrl = '-';
    }
    if (visitor.kind === 'human') this.humanPage(visitor);
    else if (visitor.kind === 'bot') this.crawl(visitor);
    else this.probe(visitor);

    visitor.requestsLeft--;
    if (visitor.requestsLeft > 0) {
      const think =
        visitor.kind === 'human'
          ? 1 + Math.floor(random.exponential(Math.max(0, this.meanThink - 1)))
          : visitor.kind === 'bot'
            ? random.between(1, 15)
            : random.between(0, 2);
      visitor.time += Math.min(think, MAX_THINK_SECONDS);
    } else if (visitor.sessionsLeft > 0) {
      visitor.startsSession = true;
      visitor.time +=
        MIN_SESSION_GAP_SECONDS + Math.floor(random.exponential(visitor.kind === 'bot' ? 4 * 3600 : 20 * 3600));
    } else {
      return;
    }
    this.queue.push(visitor);
  }

  private humanPage(visitor: NginxVisitor): void {
    const page = this.browsing.nextPage(visitor, visitor.startsSession);
    const status = this.pageStatus(visitor.time, page);
    this.writeRequest(
      visitor,
      page.method,
      page.url,
      status,
      status === 200 ? page.bytes : (ERROR_PAGE_BYTES[status] ?? 0),
      page.referrer,
    );
    if (status === 302 || status === 301) {
      const target = page.redirectTo as PageRequest;
      if (this.full) return;
      this.writeRequest(visitor, 'GET', target.url, 200, target.bytes, page.referrer);
      this.assets(visitor, target, page.firstOfSession);
      visitor.lastUrl = SITE + target.url;
    } else if (status === 200 && page.html) {
      this.assets(visitor, page, page.firstOfSession);
      visitor.lastUrl = SITE + page.url;
    }
  }

  /**
   * The page's assets, requested at the page's time with the page as referrer. Their lines
   * differ only in path, status and size: the first one is written piece by piece, the
   * others copy its start (up to `GET `) and its end (from the referrer on).
   */
  private assets(visitor: NginxVisitor, page: PageRequest, firstOfSession: boolean): void {
    let headStart = -1;
    let headEnd = 0;
    let tailStart = 0;
    let tailEnd = 0;
    for (const asset of this.browsing.assetsFor(page, firstOfSession)) {
      if (this.full) return;
      const cached = !firstOfSession && asset.cacheable && this.random.chance(0.85);
      if (headStart < 0) {
        headStart = this.written;
        this.beginLine(visitor, '-');
        this.writeEncoded(GET);
        headEnd = this.written;
      } else {
        // beginLine's session count would add nothing: same visitor, same second.
        this.repeatWritten(headStart, headEnd);
      }
      this.writeEncoded(asset.pathBytes);
      this.writeEncoded(visitor.protocolBytes);
      this.writeStatus(cached ? 304 : 200, cached ? 0 : asset.bytes);
      if (tailStart === tailEnd) {
        tailStart = this.written;
        this.writeEncoded(SPACE_QUOTE);
        this.writeEncoded(SITE_BYTES);
        this.writeText(page.url);
        this.writeEncoded(visitor.agentTail);
        tailEnd = this.written;
      } else {
        this.repeatWritten(tailStart, tailEnd);
      }
      this.endLine();
    }
  }

  private crawl(visitor: NginxVisitor): void {
    const random = this.random;
    if (visitor.startsSession) {
      this.writeRequest(visitor, 'GET', '/robots.txt', 200, 412, '-');
      return;
    }
    const x = random.next();
    if (x < 0.05) {
      this.writeRequest(visitor, 'GET', `/shop/item.php?id=${random.between(1, 400)}`, 301, ERROR_PAGE_BYTES[301], '-');
    } else if (x < 0.09) {
      this.writeRequest(visitor, 'GET', `/products/${random.between(401, 520)}`, 404, ERROR_PAGE_BYTES[404], '-');
    } else {
      const url =
        x < 0.7
          ? `/products/${random.between(1, 400)}`
          : x < 0.85
            ? `/category/${random.pick(CATEGORIES)}`
            : '/sitemap.xml';
      const method = random.chance(0.05) ? 'HEAD' : 'GET';
      const status = this.incidentStatus(visitor.time) ?? 200;
      this.writeRequest(
        visitor,
        method,
        url,
        status,
        method === 'HEAD' ? 0 : status === 200 ? random.between(9000, 52000) : ERROR_PAGE_BYTES[status],
        '-',
      );
    }
  }

  private probe(visitor: NginxVisitor): void {
    const random = this.random;
    const x = random.next();
    if (x < 0.15) {
      const junk = random.pick(JUNK_REQUESTS);
      this.beginLine(visitor, '-');
      this.writeText(junk);
      this.endLineWith(400, junk === '-' ? 0 : ERROR_PAGE_BYTES[400], '-', NO_AGENT_TAIL);
      return;
    }
    const probe = random.pick(SCANNER_PROBES);
    const user = probe.status === 401 && random.chance(0.5) ? 'admin' : '-';
    const bytes = probe.status === 200 ? random.between(35000, 60000) : (ERROR_PAGE_BYTES[probe.status] ?? 0);
    this.beginLine(visitor, user);
    this.writeRequestLine(probe.method, probe.path, visitor.protocolBytes);
    this.endLineWith(probe.status, bytes, '-', visitor.agentTail);
  }

  /** Status of a dynamic page: mostly 200, rare 500s, bursts of 5xx during an incident. */
  private pageStatus(time: number, page: PageRequest): number {
    if (page.status !== 200) return page.status;
    return this.incidentStatus(time) ?? (this.random.chance(0.002) ? 500 : 200);
  }

  private incidentStatus(time: number): number | undefined {
    while (time >= this.incidentEnd) {
      this.incidentStart = this.incidentEnd + Math.floor(this.random.exponential(4 * 3600));
      this.incidentEnd = this.incidentStart + this.random.between(60, 600);
    }
    if (time < this.incidentStart || !this.random.chance(0.6)) return undefined;
    const x = this.random.next();
    return x < 0.6 ? 502 : x < 0.85 ? 504 : 503;
  }

  private writeRequest(
    visitor: NginxVisitor,
    method: string,
    url: string,
    status: number,
    bytes: number,
    referrer: string,
  ): void {
    this.beginLine(visitor, '-');
    this.writeRequestLine(method, url, visitor.protocolBytes);
    this.endLineWith(status, bytes, referrer, visitor.agentTail);
  }

  /** Writes `$remote_addr - $remote_user [$time_local] "` and counts the line into its session. */
  private beginLine(visitor: NginxVisitor, user: string): void {
    const time = visitor.time;
    if (visitor.startsSession) {
      visitor.startsSession = false;
      this.sessions++;
    } else {
      this.sessionSeconds += time - visitor.lastLineTime;
    }
    visitor.lastLineTime = time;
    this.lastTime = time;
    this.writeEncoded(visitor.head);
    if (user === '-') {
      this.writeEncoded(NO_USER);
    } else {
      this.writeText(user);
      this.writeEncoded(SPACE_BRACKET);
    }
    this.writeFormatted(26, this.formatter, time);
    this.writeEncoded(BRACKET_QUOTE);
  }

  /** `METHOD URL PROTOCOL`, the request inside the quotes. */
  private writeRequestLine(method: string, url: string, protocol: Uint8Array): void {
    this.writeEncoded(this.methods.get(method));
    this.writeText(url);
    this.writeEncoded(protocol);
  }

  /**
   * Writes `" $status $body_bytes_sent "$http_referer` then `agentTail` (`" "$http_user_agent"`)
   * and the newline.
   */
  private endLineWith(status: number, bytes: number, referrer: string, agentTail: Uint8Array): void {
    this.writeStatus(status, bytes);
    this.writeEncoded(SPACE_QUOTE);
    this.writeText(referrer);
    this.writeEncoded(agentTail);
    this.endLine();
  }

  /** `" $status $body_bytes_sent`, after the request line. */
  private writeStatus(status: number, bytes: number): void {
    this.writeEncoded(QUOTE_SPACE);
    this.writeEncoded((this.statusBytes[status] ??= ascii(`${status} `)));
    this.writeInt(bytes);
  }

  counts(): GeneratedCounts {
    return {
      lines: this.linesWritten,
      visitors: this.visitors,
      endMs: this.lastTime * 1000,
      sessions: {
        count: this.sessions,
        averageDurationSeconds: this.sessions === 0 ? 0 : round2(this.sessionSeconds / this.sessions),
      },
    };
  }
}
