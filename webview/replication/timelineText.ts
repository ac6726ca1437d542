// A timeline line in the display language. The host sends each line in English words and, with
// it, the event it describes; the panel words the event again with the engine's describeEvent
// and the page's table, so a French panel reads French (English reads exactly as the CLI prints
// it). A line without its event is shown as sent.
import { describeEvent } from '../../src/core/replication/timeline';
import type { TimelineLine } from '../../src/shared/replicationProtocol';
import { t } from '../l10n';

/** The line's words: from its event when the panel knows the event, else as the host wrote them. */
export const timelineText = (line: TimelineLine): string => (line.event ? describeEvent(line.event, t) : line.text);
