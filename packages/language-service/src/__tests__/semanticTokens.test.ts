import { describe, expect, test } from 'vitest';
import { getSemanticTokens, SEMANTIC_TOKENS_LEGEND, type LanguageServiceOptions } from '../index.js';
import { document } from './harness.js';

/** The tokens decoded from the LSP encoding: `line:char text type[+modifiers]`. */
function tokens(text: string, options: LanguageServiceOptions = {}): string[] {
  const doc = document(text);
  const { data } = getSemanticTokens(doc, options);
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, len, type, mods] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += dl;
    char = dl === 0 ? char + dc : dc;
    const start = doc.offsetAt({ line, character: char });
    const modifiers = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, b) => mods & (1 << b));
    out.push(`${line}:${char} ${doc.getText().slice(start, start + len)} ${SEMANTIC_TOKENS_LEGEND.tokenTypes[type]}${modifiers.map((m) => '+' + m).join('')}`);
  }
  return out;
}

describe('semantic tokens', () => {
  test('the legend', () => {
    expect(SEMANTIC_TOKENS_LEGEND).toMatchInlineSnapshot(`
      {
        "tokenModifiers": [
          "declaration",
        ],
        "tokenTypes": [
          "method",
          "function",
          "property",
          "namespace",
          "enumMember",
          "keyword",
          "string",
          "number",
          "operator",
          "comment",
          "parameter",
        ],
      }
    `);
  });

  test('a rule file', () => {
    expect(
      tokens(
        [
          '# mask',
          'context: span',
          'set(attributes["k"], Concat([resource.attributes["a"], name], "-")) where kind == SPAN_KIND_SERVER and not IsMatch(name, "x")',
          '  or attributes["n"] + 1 >= 0x0A',
          'replace_pattern(name, "a", "b", SHA256, replacementFormat="%s") where name != nil',
          'delete_key(attributes, "x") where trace_id.string == "00" and true',
        ].join('\n'),
      ),
    ).toMatchInlineSnapshot(`
      [
        "0:0 # mask comment",
        "1:0 context keyword",
        "1:9 span namespace+declaration",
        "2:0 set method",
        "2:4 attributes property",
        "2:15 "k" string",
        "2:21 Concat function",
        "2:29 resource namespace",
        "2:38 attributes property",
        "2:49 "a" string",
        "2:55 name property",
        "2:62 "-" string",
        "2:68 where keyword",
        "2:74 kind property",
        "2:79 == operator",
        "2:82 SPAN_KIND_SERVER enumMember",
        "2:99 and keyword",
        "2:103 not keyword",
        "2:107 IsMatch function",
        "2:115 name property",
        "2:121 "x" string",
        "3:2 or keyword",
        "3:5 attributes property",
        "3:16 "n" string",
        "3:21 + operator",
        "3:23 1 number",
        "3:25 >= operator",
        "3:28 0x0A number",
        "4:0 replace_pattern method",
        "4:16 name property",
        "4:22 "a" string",
        "4:27 "b" string",
        "4:32 SHA256 function",
        "4:40 replacementFormat parameter",
        "4:57 = operator",
        "4:58 "%s" string",
        "4:64 where keyword",
        "4:70 name property",
        "4:75 != operator",
        "4:78 nil keyword",
        "5:0 delete_key method",
        "5:11 attributes property",
        "5:23 "x" string",
        "5:28 where keyword",
        "5:34 trace_id property",
        "5:43 string property",
        "5:50 == operator",
        "5:53 "00" string",
        "5:58 and keyword",
        "5:62 true keyword",
      ]
    `);
  });

  test('incomplete text and a string over two lines', () => {
    expect(tokens('set(attributes["a"], IsM\nset(body, "a\nb")', { context: 'log' })).toMatchInlineSnapshot(`
      [
        "0:0 set method",
        "0:4 attributes property",
        "0:15 "a" string",
        "0:21 IsM enumMember",
        "1:0 set method",
        "1:4 body property",
        "1:10 "a string",
        "2:0 b" string",
      ]
    `);
  });
});
