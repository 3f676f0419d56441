import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../catalog/strings.js';
import { evaluate, run } from './core_harness.js';

/** Every documented example of the strings/regex/parsing catalogue, run through the engine. */
describe.each(FUNCTIONS.map((def) => [def.name, def] as const))('%s examples', (_name, def) => {
  it.each(def.doc.examples.map((ex) => [ex.code, ex] as const))('%s', (code, ex) => {
    const editor = def.name[0]! >= 'a' && def.name[0]! <= 'z';
    const outcome = editor ? run(code, ex.before ?? {}) : evaluate(code);
    if (ex.error !== undefined) {
      expect(outcome).toHaveProperty('error');
      expect((outcome as { error: string }).error).toContain(ex.error);
    } else if (editor) {
      expect(outcome).toEqual({ value: ex.after });
    } else {
      expect(outcome).toEqual({ value: ex.result });
    }
  });
});

it('every strings-catalogue definition documents at least one example', () => {
  expect(FUNCTIONS.filter((d) => d.doc.examples.length === 0).map((d) => d.name)).toEqual([]);
});
