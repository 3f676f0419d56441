// Rule files: splitting, comments, the context declaration, ranges into the file, formatting.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { printStatement } from '../printer.js';
import { blankSpans, formatRuleFile, parseRuleFile } from '../ruleFile.js';
import { gapsArb, relayout, statementArb, strip } from './astArbitraries.js';

const FILE = `# redact secrets
context: log

set(attributes["a"], 1) # first
set(attributes["b"], Concat([
    "x", # inner
    "y"
  ], "-"))
  where name == "n"
    and severity_number > 8

delete_key(attributes, "secret")
`;

describe('parseRuleFile', () => {
  test('splits statements, keeps comments, reads the context', () => {
    const r = parseRuleFile(FILE);
    expect(r.diagnostics).toEqual([]);
    expect(r.context).toBe('log');
    expect(r.contextRange).toEqual({ start: { offset: 26, line: 2, column: 10 }, end: { offset: 29, line: 2, column: 13 } });
    expect(r.statements.map((s) => printStatement(s.ast!))).toEqual([
      'set(attributes["a"], 1)',
      'set(attributes["b"], Concat(["x", "y"], "-")) where name == "n" and severity_number > 8',
      'delete_key(attributes, "secret")',
    ]);
    expect(r.comments.map((c) => `${c.range.start.line}:${c.range.start.column} ${c.text}`)).toEqual([
      '1:1 # redact secrets',
      '4:25 # first',
      '6:10 # inner',
    ]);
  });

  test('ranges point into the file, statement texts parse on their own', () => {
    const r = parseRuleFile(FILE);
    const second = r.statements[1]!;
    expect(second.range.start).toEqual({ offset: FILE.indexOf('set(attributes["b"]'), line: 5, column: 1 });
    expect(second.range.end.line).toBe(10);
    expect(FILE.slice(second.range.start.offset, second.range.end.offset)).toContain('# inner');
    expect(second.text).not.toContain('#');
    expect(second.text.length).toBe(second.range.end.offset - second.range.start.offset);
    const where = second.ast!.where!;
    expect(FILE.slice(where.range.start.offset, where.range.end.offset)).toBe('name == "n"\n    and severity_number > 8');
  });

  test('one broken statement does not hide the next; diagnostics point into the file', () => {
    const r = parseRuleFile('set(attributes["a"], 1\nset(attributes["b"], "x") where name = "y"\nSet(x, 1)\n');
    expect(r.statements).toHaveLength(3);
    expect(r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual([
      '1:23 unclosed-delimiter',
      '2:38 assignment-in-condition',
      '3:1 editor-name-case',
    ]);
    expect(r.statements.map((s) => s.hasErrors)).toEqual([true, true, true]);
  });

  test('a misplaced or malformed context declaration is reported', () => {
    expect(parseRuleFile('set(x, 1)\ncontext: log\n').diagnostics.map((d) => d.code)).toEqual(['invalid-context-declaration']);
    expect(parseRuleFile('context: Log\n').diagnostics.map((d) => d.message)).toEqual(['a context declaration is `context: <name>`']);
  });

  test('# inside a string is not a comment', () => {
    const r = parseRuleFile('set(attributes["#x"], "a # b") # real\n');
    expect(r.comments.map((c) => c.text)).toEqual(['# real']);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('formatRuleFile', () => {
  test('canonical layout', () => {
    expect(formatRuleFile(FILE)).toBe(`# redact secrets
context: log

set(attributes["a"], 1) # first
# inner
set(attributes["b"], Concat(["x", "y"], "-")) where name == "n" and severity_number > 8

delete_key(attributes, "secret")
`);
  });

  test('keeps literal spellings, collapses blank lines, keeps broken statements as written', () => {
    expect(formatRuleFile('\n\n  set(x,0x0A,1.50)\n\n\n\nset(y, 1\n   # c\n')).toBe('set(x, 0x0A, 1.50)\n\nset(y, 1\n# c\n');
  });

  test('is idempotent over generated files', () => {
    const comment = fc.stringMatching(/^[ -~]{0,12}$/).map((t) => `# ${t}`);
    const line = fc.oneof(
      { weight: 3, arbitrary: statementArb.map((s) => printStatement(s)) },
      { weight: 1, arbitrary: comment },
      { weight: 1, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: fc.tuple(statementArb, comment).map(([s, c]) => `${printStatement(s)}   ${c}`) },
      { weight: 2, arbitrary: fc.tuple(statementArb, gapsArb).map(([s, gaps]) => relayout(printStatement(s), gaps)) },
    );
    fc.assert(
      fc.property(fc.option(fc.constantFrom('log', 'span'), { nil: undefined }), fc.array(line, { maxLength: 8 }), (context, body) => {
        const file = (context ? [`context: ${context}`, ...body] : body).join('\n');
        const once = formatRuleFile(file);
        expect(formatRuleFile(once), file).toBe(once);
        const before = parseRuleFile(file);
        const after = parseRuleFile(once);
        expect(before.diagnostics, file).toEqual([]);
        expect(after.diagnostics).toEqual([]);
        expect(after.context).toBe(before.context);
        expect(after.statements.map((s) => strip(s.ast))).toEqual(before.statements.map((s) => strip(s.ast)));
        expect(after.comments.map((c) => c.text.trimEnd())).toEqual(before.comments.map((c) => c.text.trimEnd()));
      }),
      { numRuns: 200 },
    );
  });
});

describe('blankSpans', () => {
  test('replaces each span with spaces inside the slice, keeping offsets aligned', () => {
    const text = 'ab # c\nde # f\ng';
    const spans = [{ start: 3, end: 6 }, { start: 10, end: 13 }];
    expect(blankSpans(text, spans)).toBe('ab    \nde    \ng');
    expect(blankSpans(text, spans, 2, 11)).toBe('    \nde  ');
    expect(blankSpans(text, [])).toBe(text);
  });

  test('is linear: many comments in a large file', () => {
    const line = 'set(attributes["a"], 1) # comment\n';
    const text = line.repeat(20_000);
    const spans = Array.from({ length: 20_000 }, (_, i) => ({ start: i * line.length + 24, end: (i + 1) * line.length - 1 }));
    const started = performance.now();
    const out = blankSpans(text, spans);
    expect(performance.now() - started).toBeLessThan(500);
    expect(out.length).toBe(text.length);
    expect(out.includes('#')).toBe(false);
  });
});
