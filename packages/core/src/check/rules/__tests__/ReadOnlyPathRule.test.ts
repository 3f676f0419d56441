import { describe, expect, it } from 'vitest';
import { check } from '../../__tests__/harness.js';
import { ReadOnlyPathRule } from '../ReadOnlyPathRule.js';

describe('ReadOnlyPathRule', () => {
  it('warns about an editor writing a read-only path', () => {
    expect(check('set(event_index, 1)', [ReadOnlyPathRule], { context: 'spanevent' })).toMatchInlineSnapshot(`
      [
        "warning read-only-path 1:5-1:16 the path \`spanevent.event_index\` is read-only [hint: write to a settable path instead]",
      ]
    `);
  });
  it('accepts writable paths and reads of read-only ones', () => {
    expect(check('set(attributes["i"], event_index)', [ReadOnlyPathRule], { context: 'spanevent' })).toEqual([]);
  });
});
