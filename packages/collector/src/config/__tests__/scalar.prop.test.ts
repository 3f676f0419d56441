import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, Scalar, isScalar, isSeq, parseDocument } from 'yaml';
import { scalarMap } from '../scalar.js';

type Style = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/** YAML text holding `value` in one scalar of the given style (the yaml package writes it). */
function yamlWith(value: string, style: Style, lineWidth: number): string {
  const doc = new Document({ processors: { transform: { log_statements: ['set(x, 1)', value] } } });
  const seq = doc.getIn(['processors', 'transform', 'log_statements'], true);
  if (!isSeq(seq)) throw new Error('no seq');
  const s = seq.items[1] as Scalar;
  s.type = style;
  return doc.toString({ lineWidth, minContentWidth: 10 });
}

function scalarIn(text: string): Scalar | undefined {
  const doc = parseDocument(text, { keepSourceTokens: true });
  const seq = doc.getIn(['processors', 'transform', 'log_statements'], true);
  return isSeq(seq) && isScalar(seq.items[1]) ? (seq.items[1] as Scalar) : undefined;
}

const ottlish = fc.stringMatching(/^[a-zA-Z0-9_()[\]{}"'\\ .,=<>!#:$é€😀\n\t-]{0,60}$/);

describe('scalarMap', () => {
  it.each([
    ['plain', '      - set(attributes["a"], "b")\n', 'set(attributes["a"], "b")', 'attributes', 12],
    ['single-quoted', `      - 'set(attributes[''q''], "b")'\n`, `set(attributes['q'], "b")`, "'q'", 24],
    ['double-quoted escapes', '      - "set(x, \\"\\x41\\u00e9\\")"\n', 'set(x, "Aé")', 'A', 18],
    ['plain folded over lines', '      - set(body,\n          "multi")\n', 'set(body, "multi")', '"multi"', 28],
    ['literal block', '      - |\n        set(a,\n          b)\n', 'set(a,\n  b)\n', 'b', 35],
    ['folded block', '      - >-\n        set(a,\n        b)\n', 'set(a, b)', 'b', 34],
  ])('%s', (_name, item, value, needle, at) => {
    const text = `processors:\n  transform:\n    log_statements:\n      - set(x, 1)\n${item}`;
    const node = scalarIn(text)!;
    expect(node.value).toBe(value);
    const m = scalarMap(text, node);
    expect(m.exact).toBe(true);
    const i = value.indexOf(needle);
    expect(m.starts[i]! - text.indexOf(item)).toBe(at);
  });

  it('maps every character back to the source that produced it, in every style (property)', () => {
    fc.assert(
      fc.property(ottlish, fc.constantFrom<Style>('PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'), fc.integer({ min: 20, max: 80 }), (value, style, width) => {
        const text = yamlWith(value, style, width);
        const node = scalarIn(text);
        fc.pre(node !== undefined && typeof node.value === 'string');
        const m = scalarMap(text, node!);
        expect(m.exact).toBe(true);
        const v = String(node!.value);
        for (let i = 0; i < v.length; i++) {
          const src = text.slice(m.starts[i], m.ends[i]);
          const ch = v[i]!;
          if (src === ch) continue;
          // Produced by an escape, a doubled quote or line folding.
          const ok =
            src.startsWith('\\') || // \" \\ \xNN \uNNNN \UNNNNNNNN \t …
            (src === "''" && ch === "'") ||
            ((ch === ' ' || ch === '\n') && (src === '\n' || src === '\r')) ||
            (ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff && src.length === 2);
          expect(ok, `char ${JSON.stringify(ch)} at ${i} came from ${JSON.stringify(src)} in ${JSON.stringify(text)}`).toBe(true);
        }
        // Positions never decrease and stay inside the scalar.
        for (let i = 1; i < v.length; i++) expect(m.starts[i]!).toBeGreaterThanOrEqual(m.starts[i - 1]!);
        if (v.length > 0) {
          expect(m.starts[0]!).toBeGreaterThanOrEqual(node!.range![0]);
          expect(m.ends[v.length - 1]!).toBeLessThanOrEqual(node!.range![1]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
