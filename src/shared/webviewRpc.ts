// What every panel's protocol between the extension host and its webview shares. Types only.
//
// The webview sends `ready` first; the host posts nothing before it, and again nothing after
// the panel was hidden until the new document says `ready`. A request carries an `id`; its
// answer carries the same number as `requestId`. A request the host failed to handle is
// answered with `requestFailed`. The host can ask the webview what it shows
// (`reportRendered`, answered by `rendered`): the extension tests read the DOM that way.

export interface ReadyMessage {
  type: 'ready';
}

export interface ReportRenderedRequest {
  type: 'reportRendered';
  id: number;
}

export interface RenderedResponse<Report> {
  type: 'rendered';
  requestId: number;
  report: Report;
}

export interface RequestFailedResponse {
  type: 'requestFailed';
  requestId: number;
  /** Why, in words for the user. */
  error: string;
}

/** One panel's protocol, as the typed client (webview) and channel (host) see it. */
export interface PanelProtocol {
  /** Webview -> host: notifications, and requests (they carry `id`). */
  toHost: { type: string };
  /** Host -> webview: notifications, and responses (they carry `requestId`). */
  toWebview: { type: string };
  /** The response of each request type. */
  responses: { [requestType: string]: { type: string; requestId: number } };
  /** What the webview reports it shows. */
  rendered: unknown;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A request as the webview writes it: the client numbers it. */
export type RequestOf<P extends PanelProtocol> = DistributiveOmit<Extract<P['toHost'], { id: number }>, 'id'>;

/** The response to a request of type `T`. */
export type ResponseTo<P extends PanelProtocol, T> = T extends keyof P['responses'] ? P['responses'][T] : never;

/** Webview -> host messages the app sends without expecting an answer. */
export type WebviewNotice<P extends PanelProtocol> = Exclude<
  P['toHost'],
  { id: number } | { type: 'ready' | 'rendered' }
>;

/** Host -> webview messages the app handles (everything but responses and `reportRendered`). */
export type HostNotice<P extends PanelProtocol> = Exclude<
  P['toWebview'],
  { requestId: number } | ReportRenderedRequest
>;

/** Webview -> host messages the host's app handles (everything but `ready` and `rendered`). */
export type AppMessage<P extends PanelProtocol> = Exclude<P['toHost'], { type: 'ready' | 'rendered' }>;
