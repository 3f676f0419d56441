import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { allFunctionDefs } from '../docs/catalog.js';
import { functionsForContext, getFunctionDef, standardFunctions } from '../registry.js';

/** The OTTL reference the team implements (GitHub issue #5): §12 counts and §7.8 tables. */
const REFERENCE = readFileSync('/work/shared/docs/ottl-reference.md', 'utf8');

function section(start: string, end: string): string {
  const from = REFERENCE.indexOf(start);
  const to = REFERENCE.indexOf(end, from + start.length);
  if (from < 0 || to < 0) throw new Error(`reference section ${start} not found`);
  return REFERENCE.slice(from, to);
}

/** Names listed after `label` up to `stop`, separated by commas. */
function namesAfter(text: string, label: string, stop: string): string[] {
  const from = text.indexOf(label) + label.length;
  const list = text.slice(from, text.indexOf(stop, from));
  return list
    .split(',')
    .map((n) => n.replace(/[`\s]+/g, ' ').trim())
    .filter((n) => n !== '');
}

const counts = section('## 12. Counts summary', '- Processor-specific');
const EDITORS = namesAfter(counts, 'Editors (standard, newest): 17 — ', ' (');
const CONVERTERS = namesAfter(counts, 'Converters (standard, newest registration list): 96 — ', ' (+');
/** §7.8: first cells of the transform processor table, and the filter processor converters. */
const specific = section('### 7.8', '### 7.9');
const CONTEXT_SPECIFIC = [
  ...specific
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| function') && !line.startsWith('|---'))
    .flatMap((line) => line.split('|')[1]!.replace('[NEW]', '').trim().split(' / ')),
  ...[...specific.matchAll(/`(HasAttr\w+)\(/g)].map((m) => m[1]!),
];

describe('the registry covers the reference catalogue', () => {
  test('the reference lists 17 editors, 96 converters and the context-specific functions', () => {
    expect(EDITORS).toHaveLength(17);
    expect(CONVERTERS).toHaveLength(96);
    expect(CONTEXT_SPECIFIC).toHaveLength(22);
    expect(CONTEXT_SPECIFIC).toEqual(expect.arrayContaining(['convert_sum_to_gauge', 'ParseCEF', 'ParseLEEF', 'IsRootSpan', 'HasAttrOnDatapoint']));
  });

  test('every standard editor and converter is in the standard set', () => {
    const standard = new Set(standardFunctions().map((d) => d.name));
    expect([...EDITORS, ...CONVERTERS].filter((n) => !standard.has(n))).toEqual([]);
  });

  test('every context-specific function is registered for its contexts', () => {
    expect(CONTEXT_SPECIFIC.filter((n) => getFunctionDef(n) === undefined)).toEqual([]);
    for (const name of CONTEXT_SPECIFIC) {
      const def = getFunctionDef(name)!;
      const processor = name.startsWith('HasAttr') ? 'filter' : 'transform';
      for (const ctx of def.contexts ?? []) {
        expect(functionsForContext(ctx, { processor }).map((d) => d.name), `${name} in ${ctx}`).toContain(name);
      }
    }
  });

  test('context-specific functions stay out of the standard set', () => {
    const standard = new Set(standardFunctions().map((d) => d.name));
    expect(CONTEXT_SPECIFIC.filter((n) => standard.has(n))).toEqual([]);
  });

  test('every definition has a unique name', () => {
    const names = allFunctionDefs().map((d) => d.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
