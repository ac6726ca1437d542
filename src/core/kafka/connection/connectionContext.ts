// Errors from a secured connection worded with what the client tried: the user, TLS or plaintext.
import { UserError, describeError, isSecurityError, type ConnectionContext } from '../../errors';
import type { KafkaClient } from '../ports';
import type { ConnectionSpec } from './connectionSpec';
import { usesSasl, usesTls } from './specChecks';

export function connectionContext(spec: ConnectionSpec): ConnectionContext {
  const sasl = usesSasl(spec) ? spec.sasl : undefined;
  return { tls: usesTls(spec), saslMechanism: sasl?.mechanism, username: sasl?.username };
}

function reworded(e: unknown, ctx: ConnectionContext): unknown {
  return isSecurityError(e, ctx) ? new UserError(describeError(e, ctx), undefined, e) : e;
}

/** `port` whose promise-returning methods reject with errors reworded for `ctx` (others pass unchanged). */
function rewordingPort<T extends object>(port: T, ctx: ConnectionContext): T {
  return new Proxy(port, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (result instanceof Promise) return result.catch((e: unknown) => Promise.reject(reworded(e, ctx)));
        return result;
      };
    },
  });
}

/** `client` whose admin, producer and consumer report TLS, SASL and protocol mismatches in words for `spec`. */
export function withConnectionContext(client: KafkaClient, spec: ConnectionSpec): KafkaClient {
  const ctx = connectionContext(spec);
  return {
    admin: () => rewordingPort(client.admin(), ctx),
    producer: (options) => rewordingPort(client.producer(options), ctx),
    consumer: (options) => rewordingPort(client.consumer(options), ctx),
  };
}
