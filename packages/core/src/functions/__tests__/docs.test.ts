import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createEnvironment } from '../../engine/environment.js';
import { allFunctionDefs } from '../docs/catalog.js';
import { FUNCTION_DOCS_HEADER, functionSignature, renderFunctionDocs } from '../docs/render.js';
import { functionsForContext } from '../registry.js';
import { loadLocation, parseGoTime } from '../internal/goTime.js';
import type { ContextName, FunctionDef, FunctionExample } from '../../types/signature.js';
import { expectExample } from './core_harness.js';

const DEFS = allFunctionDefs();
const DOCS_FILE = new URL('../../../../../docs/functions.md', import.meta.url);

describe('docs/functions.md', () => {
  test('is what `node scripts/gen-function-docs.mjs` generates from the definitions', () => {
    const current = readFileSync(DOCS_FILE, 'utf8');
    expect(current === renderFunctionDocs(DEFS), 'docs/functions.md is stale: run `npx tsc -b packages/core && node scripts/gen-function-docs.mjs`').toBe(true);
  });

  test('names the command that rebuilds it and documents every function once', () => {
    const text = renderFunctionDocs(DEFS);
    expect(text.startsWith(FUNCTION_DOCS_HEADER)).toBe(true);
    for (const def of DEFS) expect(text.split('\n').filter((l) => l === `### ${def.name}`)).toHaveLength(1);
  });

  test('signatures come from the parameters', () => {
    const time = DEFS.find((d) => d.name === 'Time')!;
    expect(functionSignature(time)).toBe(
      'Time(time: string, format: literal string, location?: literal string, locale?: literal string) → time',
    );
  });
});

/** `{"$time": RFC 3339}` → `{"$time": "<epoch ns>"}`, the form the engine harness reports. */
function normalizeTimes(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(normalizeTimes);
  if (x === null || typeof x !== 'object') return x;
  const o = x as Record<string, unknown>;
  if (typeof o.$time === 'string' && Object.keys(o).length === 1) {
    const zoned = /(Z|[+-][0-9]{2}:[0-9]{2})$/.test(o.$time);
    const layout = zoned ? '2006-01-02T15:04:05.999999999Z07:00' : '2006-01-02T15:04:05.999999999';
    return { $time: String(parseGoTime(layout, o.$time, loadLocation('Local')).epochNanos) };
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, normalizeTimes(v)]));
}

const runnable = (ex: FunctionExample): boolean =>
  ex.error !== undefined || 'result' in ex || ex.before !== undefined || ex.after !== undefined;

/** Context-specific examples are checked in their own context with that processor's functions. */
function checkInContext(def: FunctionDef, code: string): string[] {
  const context = def.contexts![0] as ContextName;
  const processor = def.name.startsWith('HasAttr') ? 'filter' : 'transform';
  const env = createEnvironment({ functions: functionsForContext(context, { processor }) });
  const kind = code[0]! >= 'a' && code[0]! <= 'z' ? 'statement' : 'condition';
  return env.check(code, { kind, context }).map((d) => `${d.severity}: ${d.message}`);
}

describe.each(DEFS.map((def) => [def.name, def] as const))('%s', (_name, def) => {
  test('documents at least one example', () => {
    expect(def.doc.examples.length).toBeGreaterThan(0);
  });
  test.each(def.doc.examples.map((ex) => [ex.code, ex] as const))('example %s', (code, ex) => {
    if (!runnable(ex)) {
      expect(def.contexts, 'an example without an expected outcome must be context-specific').toBeDefined();
      expect(checkInContext(def, code).filter((d) => d.startsWith('error'))).toEqual([]);
      return;
    }
    expectExample(def, ex, normalizeTimes);
  });
});
