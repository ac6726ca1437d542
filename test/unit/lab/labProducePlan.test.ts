import assert from 'node:assert/strict';
import { producePlan } from '../../../src/core/lab/labProducePlan';
import { generatedLines } from '../fixtures/engineStats';

describe('the lab produce plan', () => {
  it("writes the lab's nginx lines into its own or an empty topic", () => {
    assert.deepEqual(producePlan('lab-groups', [], true), { format: 'nginx' });
    assert.deepEqual(producePlan('log_web', ['', ' '], false), { format: 'nginx' });
  });

  it("writes a user's topic in the topic's own format when the lab can write it", () => {
    const web = generatedLines('web', 'plan', 20).filter(Boolean);
    assert.deepEqual(producePlan('log_web', web, false), { format: 'web', topicFormat: 'web' });
    const events = generatedLines('events', 'plan', 20).filter(Boolean);
    assert.equal(producePlan('events', events, false).format, 'events');
  });

  it('asks first, saying what would be written, for a format the lab cannot write', () => {
    const plan = producePlan('notes', ['hello there', 'just text'], false);
    assert.equal(plan.topicFormat, 'raw');
    assert.match(plan.confirm ?? '', /"notes" holds plain text messages.*nginx access-log lines/);
  });
});
