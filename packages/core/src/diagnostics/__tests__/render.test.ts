import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostic.js';
import { LineIndex } from '../lines.js';
import { makeStyle, renderDiagnostic, summaryLine } from '../render.js';

const plain = makeStyle(false);

function diag(text: string, start: number, end: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  const lines = new LineIndex(text);
  return { code: 'unexpected-token', severity: 'error', message: 'm', range: lines.range(start, end), label: 'here', ...extra };
}

describe('diagnostic rendering', () => {
  it('draws related ranges with - under their own line', () => {
    const text = 'set(attributes["a"],\n  1 where';
    const d = diag(text, 25, 30, { related: [{ range: new LineIndex(text).range(3, 4), message: "'(' opened here" }] });
    expect(renderDiagnostic(d, { name: 'f.ottl', lines: new LineIndex(text) }, plain)).toBe(
      ['error[unexpected-token]: m', '  --> f.ottl:2:5', '   |', ' 1 | set(attributes["a"],', "   |    - '(' opened here", ' 2 |   1 where', '   |     ^^^^^ here', ''].join('\n') + '\n',
    );
  });

  it('marks every line of a multi-line range and puts the label on the last', () => {
    const text = 'set(x,\n  Concat(["a",\n    "b"], ""))';
    const d = diag(text, 9, 36);
    expect(renderDiagnostic(d, { name: 'f', lines: new LineIndex(text) }, plain)).toBe(
      ['error[unexpected-token]: m', '  --> f:2:3', '   |', ' 2 |   Concat(["a",', '   |   ^^^^^^^^^^^^', ' 3 |     "b"], ""))', '   |     ^^^^^^^^^^ here', ''].join('\n') + '\n',
    );
  });

  it('expands tabs so carets line up; an empty range gets one caret', () => {
    const text = '\tset(x,';
    expect(renderDiagnostic(diag(text, 7, 7), { name: 'f', lines: new LineIndex(text) }, plain)).toContain(' 1 |     set(x,\n   |           ^ here\n');
  });

  it('colours with the ANSI style, and the plain style is the coloured text stripped', () => {
    const text = 'x';
    const coloured = renderDiagnostic(diag(text, 0, 1), { name: 'f', lines: new LineIndex(text) }, makeStyle(true));
    expect(coloured).toContain('\u001b[1m\u001b[31merror[unexpected-token]\u001b[39m\u001b[22m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderDiagnostic(diag(text, 0, 1), { name: 'f', lines: new LineIndex(text) }, plain));
  });

  it('summarises', () => {
    expect(summaryLine({ errors: 2, warnings: 1, infos: 0 }, 1)).toBe('2 errors, 1 warning in 1 file');
    expect(summaryLine({ errors: 1, warnings: 0, infos: 2 }, 3)).toBe('1 error, 2 info in 3 files');
  });
});
