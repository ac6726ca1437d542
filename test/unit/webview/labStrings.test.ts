// The lab panels' words that are made in the webview from the host's data: in English they read
// exactly as the engine words them (the CLI, the extension tests and the UI checks read the same),
// and with the French table they are French, with the numbers and names filled in.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import path from 'node:path';
import type { LabGroupView } from '../../../src/core/lab/labTypes';
import { producePlan } from '../../../src/core/lab/labProducePlan';
import { describeEvent, type TimelineEvent } from '../../../src/core/replication/timeline';
import { produceHint } from '../../../webview/groupLab/controlsView';
import { groupVerdict } from '../../../webview/groupLab/groupLane';
import { setTranslations } from '../../../webview/l10n';
import { timelineText } from '../../../webview/replication/timelineText';

const root = path.resolve(__dirname, '../../../..');
const french = JSON.parse(fs.readFileSync(path.join(root, 'l10n/bundle.l10n.fr.json'), 'utf8')) as Record<
  string,
  string
>;

const EVENTS: TimelineEvent[] = [
  { kind: 'action', atMs: 1, action: 'stop', nodeId: 2, text: 'stop 2' },
  { kind: 'action', atMs: 1, action: 'kill', nodeId: 1, text: 'kill 1@10s' },
  { kind: 'action', atMs: 1, action: 'start', nodeId: 3, text: 'start 3' },
  { kind: 'action-failed', atMs: 1, text: 'kill 2', error: 'not started by the lab' },
  { kind: 'broker-down', atMs: 1, nodeId: 2 },
  { kind: 'broker-up', atMs: 1, nodeId: 2 },
  { kind: 'controller', atMs: 1, from: 1, to: 3 },
  { kind: 'leader', atMs: 1, partition: 0, from: 2, to: -1 },
  { kind: 'isr-shrink', atMs: 1, partition: 1, isr: [1, 3], removed: [2] },
  { kind: 'isr-expand', atMs: 1, partition: 1, isr: [1, 2, 3], added: [2] },
  { kind: 'producer-error', atMs: 1, partition: 2, error: 'NOT_ENOUGH_REPLICAS', messages: 12, waitedMs: 1500 },
  { kind: 'producer-recovered', atMs: 1, partition: 2, blockedMs: 4250, failedSends: 3 },
  { kind: 'consumer-error', atMs: 1, error: 'connection refused' },
];

/** The panel's words for `event` (timelineText words the event again with the page's table). */
const panelText = (event: TimelineEvent) => timelineText({ atMs: event.atMs, kind: event.kind, text: '', event });

const group = (check: Partial<LabGroupView['check']>): LabGroupView => ({
  groupId: 'g1',
  state: 'Stable',
  members: [],
  rebalances: 1,
  check: {
    disjoint: true,
    shared: [],
    covered: true,
    unowned: [],
    received: 800,
    expected: 800,
    everyMessageOnce: true,
    ...check,
  },
});
const partitions = [0, 1, 2, 3].map((partition) => ({ partition, messages: 200 }));

describe('lab panel words (group lab and replication lab webviews)', () => {
  afterEach(() => setTranslations({}));

  it('words every replication timeline event in English exactly as the engine does', () => {
    for (const e of EVENTS) assert.equal(panelText(e), describeEvent(e), e.kind);
    const line = { atMs: 5, kind: 'broker-down', text: 'as sent' };
    assert.equal(timelineText(line), 'as sent', 'a line without its event reads as the host sent it');
    assert.equal(timelineText({ ...line, event: EVENTS[4] }), 'node 2 is down');
  });

  it('words every replication timeline event in French', () => {
    setTranslations(french);
    const words = EVENTS.map(panelText);
    for (const [i, text] of words.entries()) {
      assert.notEqual(text, describeEvent(EVENTS[i]), EVENTS[i].kind);
      assert.doesNotMatch(text, /\{\d\}/);
    }
    assert.equal(words[1], 'arrêt brutal (SIGKILL) du nœud 1 (kill 1@10s)');
    assert.equal(words[7], 'partition 0\u00a0: leader nœud 2 -> aucun (élection)');
    assert.equal(
      words[10],
      "partition 2\u00a0: producteur refusé, NOT_ENOUGH_REPLICAS, 12 messages non acquittés après 1.5 s d'attente",
    );
  });

  it("states the group lab's produce question as the engine's plan does, and in French", () => {
    for (const sample of [
      ['{"a":1}', '{"b":2}'],
      ['hello there', 'just text'],
    ]) {
      const plan = producePlan('notes', sample, false);
      assert.ok(plan.confirm);
      assert.equal(produceHint(plan, 'notes'), `Produce asks first: ${plan.confirm}`);
    }
    assert.equal(
      produceHint({ format: 'nginx' }, 'lab'),
      "Produce writes nginx access-log lines into the lab's topic.",
    );
    setTranslations(french);
    assert.equal(
      produceHint(producePlan('notes', ['hello there', 'just text'], false), 'notes'),
      'Avant de produire, le labo demande confirmation\u00a0: Le topic « notes » contient des messages en texte brut, ' +
        "un format que le labo ne sait pas écrire. Produire y ajouterait des lignes de journal d'accès nginx.",
    );
  });

  it("words a group's verdict in English for the tests and in French for the reader", () => {
    assert.deepEqual(groupVerdict(group({}), partitions), {
      ok: true,
      text: '✓ all 800 messages, each once · partitions 0–3 each owned once',
    });
    const split = group({
      disjoint: false,
      shared: [1],
      covered: false,
      unowned: [3],
      received: 650,
      everyMessageOnce: false,
    });
    assert.equal(
      groupVerdict(split, partitions).text,
      '✗ 650 of 800 messages · partitions 1 owned twice, partitions 3 unowned',
    );
    setTranslations(french);
    assert.equal(
      groupVerdict(group({}), partitions).text,
      '✓ les 800 messages, chacun une fois · partitions 0–3 détenues chacune une fois',
    );
    assert.equal(
      groupVerdict(split, partitions).text,
      '✗ 650 messages sur 800 · partitions 1 détenues deux fois, partitions 3 sans propriétaire',
    );
  });
});
