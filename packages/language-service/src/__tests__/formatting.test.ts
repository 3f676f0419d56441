import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatRuleFile } from '@ottl/core';
import { formatDocument } from '../index.js';
import { document, rangeText } from './harness.js';

const messy = [
  '# keep this',
  'context:   log',
  'set( attributes["a"],"x" )   # trailing',
  '',
  '',
  '',
  'delete_key(attributes,"b") where  attributes["c"]==nil',
  'set(attributes["d"], "é😀")',
  '',
].join('\n');

describe('formatting', () => {
  test('one edit over the changed span; applied, it gives the canonical layout', () => {
    const doc = document(messy);
    const edits = formatDocument(doc);
    expect(edits.map((e) => ({ range: rangeText(e.range), newText: e.newText }))).toMatchInlineSnapshot(`
      [
        {
          "newText": "log
      set(attributes["a"], "x") # trailing

      delete_key(attributes, "b") where attributes["c"] == ",
          "range": "1:9-6:51",
        },
      ]
    `);
    expect(TextDocument.applyEdits(doc, edits)).toBe(formatRuleFile(messy));
  });

  test('nothing to do for a canonical file, a file with only broken statements kept as written, or other kinds', () => {
    const canonical = formatRuleFile(messy);
    expect([
      formatDocument(document(canonical)),
      formatDocument(document('set(attributes["a"],\n')),
      formatDocument(document('name  ==  "a"\n'), { kind: 'conditions' }),
    ]).toEqual([[], [], []]);
  });
});
