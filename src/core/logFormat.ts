// The log formats the engine knows. `jsonl` is any JSON object per line, `raw` is plain text.

export type LogFormat = 'web' | 'nginx' | 'events' | 'jsonl' | 'raw';

/** The formats the generators can write. */
export type GeneratedFormat = 'web' | 'nginx' | 'events';

export const LOG_FORMATS: readonly LogFormat[] = ['web', 'nginx', 'events', 'jsonl', 'raw'];
export const GENERATED_FORMATS: readonly GeneratedFormat[] = ['web', 'nginx', 'events'];

export function isLogFormat(value: string): value is LogFormat {
  return (LOG_FORMATS as readonly string[]).includes(value);
}

export function isGeneratedFormat(value: string): value is GeneratedFormat {
  return (GENERATED_FORMATS as readonly string[]).includes(value);
}
