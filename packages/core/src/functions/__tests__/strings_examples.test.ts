import { expect, it } from 'vitest';
import { FUNCTIONS } from '../catalog/strings.js';
import { describeExamples } from './core_harness.js';

/** Every documented example of the strings/regex/parsing catalogue, run through the engine. */
describeExamples(FUNCTIONS);

it('every strings-catalogue definition documents at least one example', () => {
  expect(FUNCTIONS.filter((d) => d.doc.examples.length === 0).map((d) => d.name)).toEqual([]);
});
