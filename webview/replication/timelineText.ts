// A timeline line in the display language. The host sends each line in English words and, with
// it, the event it describes; the same words are made here from the event, so a French panel
// reads French (English reads exactly as the CLI prints it). A line without its event is shown
// as sent.
import type { TimelineEvent, TimelineLine } from '../../src/shared/replicationProtocol';
import { t } from '../l10n';

/** Kafka reports "no leader" as -1. */
const NO_LEADER = -1;

const nodeName = (id: number): string => (id === NO_LEADER ? t('none') : t('node {0}', id));

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export function describeTimelineEvent(e: TimelineEvent): string | undefined {
  switch (e.kind) {
    case 'action':
      switch (e.action) {
        case 'stop':
          return t('stopping (SIGTERM) node {0} ({1})', e.nodeId, e.text);
        case 'kill':
          return t('killing (SIGKILL) node {0} ({1})', e.nodeId, e.text);
        case 'start':
          return t('starting node {0} ({1})', e.nodeId, e.text);
      }
      return undefined;
    case 'action-failed':
      return t('script step "{0}" failed: {1}', e.text, e.error);
    case 'broker-down':
      return t('node {0} is down', e.nodeId);
    case 'broker-up':
      return t('node {0} is up', e.nodeId);
    case 'controller':
      return t('active controller {0} -> {1}', nodeName(e.from), nodeName(e.to));
    case 'leader':
      return t('partition {0}: leader {1} -> {2} (election)', e.partition, nodeName(e.from), nodeName(e.to));
    case 'isr-shrink':
      return t('partition {0}: ISR shrank to [{1}] (left: {2})', e.partition, e.isr.join(','), e.removed.join(','));
    case 'isr-expand':
      return t('partition {0}: ISR grew to [{1}] (caught up: {2})', e.partition, e.isr.join(','), e.added.join(','));
    case 'producer-error':
      return t(
        'partition {0}: producer refused, {1}, {2} messages not acknowledged after waiting {3}',
        e.partition,
        e.error,
        e.messages,
        seconds(e.waitedMs),
      );
    case 'producer-recovered':
      return t(
        'partition {0}: producer acknowledged again after {1} ({2} failed sends)',
        e.partition,
        seconds(e.blockedMs),
        e.failedSends,
      );
    case 'consumer-error':
      return t('consumer error: {0}', e.error);
    default:
      return undefined;
  }
}

/** The line's words: from its event when the panel knows the event, else as the host wrote them. */
export const timelineText = (line: TimelineLine): string =>
  (line.event && describeTimelineEvent(line.event)) ?? line.text;
