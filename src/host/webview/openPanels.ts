// The open panels of one kind, one per cluster and topic: opening the same again reveals the
// open one, and a panel leaves the list when it closes.

interface OpenPanel {
  readonly topic: string;
  dispose(): Promise<void>;
}

/** The key of a panel: its cluster's bootstrap servers and its topic. */
export const panelKey = (target: { brokers: string[]; topic: string }): string =>
  `${target.brokers.join(',')}/${target.topic}`;

export class OpenPanels<T extends OpenPanel> {
  private readonly panels = new Map<string, T>();

  /** `kind` names the panels in errors: "dashboard", "group lab". */
  constructor(private readonly kind: string) {}

  get(key: string): T | undefined {
    return this.panels.get(key);
  }

  all(): T[] {
    return [...this.panels.values()];
  }

  /** Adds the panel `create` makes; it gets the callback its panel calls once closed. */
  add(key: string, create: (closed: () => void) => T): T {
    const panel: T = create(() => {
      if (this.panels.get(key) === panel) this.panels.delete(key);
    });
    this.panels.set(key, panel);
    return panel;
  }

  /** The open panel on `topic` (test commands name panels by topic). */
  byTopic(topic: unknown): T {
    const found = this.all().find((p) => p.topic === topic);
    if (!found) throw new Error(`no ${this.kind} is open for topic ${String(topic)}`);
    return found;
  }

  topics(): string[] {
    return this.all().map((p) => p.topic);
  }

  /** Closes every panel (the extension is deactivated). */
  async dispose(): Promise<void> {
    await Promise.all(this.all().map((p) => p.dispose()));
  }
}
