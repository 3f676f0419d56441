import { describe, expect, test } from 'vitest';
import { getHover, type LanguageServiceOptions } from '../index.js';
import { marked, rangeText } from './harness.js';

/** The hover at the `|`: the range it covers and its Markdown. */
function hover(text: string, options: LanguageServiceOptions = { context: 'span' }): { range: string; markdown: string } | null {
  const m = marked(text);
  const h = getHover(m.doc, m.position, options);
  if (h === null) return null;
  return { range: rangeText(h.range!), markdown: (h.contents as { value: string }).value };
}

describe('hover', () => {
  test('an editor: signature, summary, parameters, example', () => {
    expect(hover('se|t(attributes["a"], 1)')).toMatchInlineSnapshot(`
      {
        "markdown": "\`\`\`ottl
      set(target: path, value: any)
      \`\`\`

      Sets a telemetry field to a value.

      - \`target\` (path): the path to write
      - \`value\` (any): the value to write

      Example: \`set(attributes["env"], "prod")\`: attributes \`{}\` become \`{"env":"prod"}\`",
        "range": "0:0-0:3",
      }
    `);
  });

  test('a converter, also when passed by name', () => {
    expect([hover('set(attributes["a"], Len|(name))')?.range, hover('replace_pattern(name, "a", "b", SHA2|56)')?.markdown.split('\n')[1]]).toMatchInlineSnapshot(`
      [
        "0:21-0:24",
        "SHA256(target: string) → string",
      ]
    `);
  });

  test('a path segment: the form it denotes', () => {
    expect([
      hover('set(attri|butes["a"], 1)'),
      hover('set(attributes["a"], 1) where status.co|de == 1')?.markdown,
      hover('set(attributes["a"], 1) where sta|tus.code == 1')?.markdown.split('\n')[1],
    ]).toMatchInlineSnapshot(`
      [
        {
          "markdown": "\`\`\`ottl
      span.attributes
      \`\`\`

      map · [string] → any

      the span attributes",
          "range": "0:4-0:14",
        },
        "\`\`\`ottl
      span.status.code
      \`\`\`

      int

      the status code (STATUS_CODE_* enums)",
        "span.status",
      ]
    `);
  });

  test('a context prefix; a path inside a key', () => {
    expect([hover('set(resou|rce.attributes["a"], 1)'), hover('set(attributes[na|me], 1)')?.markdown.split('\n')[1]]).toMatchInlineSnapshot(`
      [
        {
          "markdown": "\`\`\`ottl
      resource
      \`\`\`

      The \`resource\` context: paths written \`resource.…\` read its fields.",
          "range": "0:4-0:12",
        },
        "span.name",
      ]
    `);
  });

  test('a legacy path whose first name is no context', () => {
    expect(hover('set(attributes["a"], trace_id.str|ing)')?.markdown).toMatchInlineSnapshot(`
      "\`\`\`ottl
      span.trace_id.string
      \`\`\`

      string

      the trace id as 32 lowercase hex characters; setting parses hex"
    `);
  });

  test('an enum symbol', () => {
    expect(hover('set(attributes["a"], 1) where kind == SPAN_KIND_SER|VER')).toMatchInlineSnapshot(`
      {
        "markdown": "\`\`\`ottl
      SPAN_KIND_SERVER = 2
      \`\`\`

      Enum symbol (int).",
        "range": "0:38-0:54",
      }
    `);
  });

  test('a named argument: its parameter', () => {
    expect(hover('replace_pattern(name, "a", "b", replacement|Format="$1")', { context: 'span' })).toMatchInlineSnapshot(`
      {
        "markdown": "\`replacementFormat\` (string, optional): a format with one \`%s\` for the function result (only with \`function\`)",
        "range": "0:32-0:49",
      }
    `);
  });

  test('the context declaration', () => {
    expect(hover('context: lo|g\nset(attributes["a"], 1)', {})?.markdown).toMatchInlineSnapshot(`
      "\`\`\`ottl
      log
      \`\`\`

      The \`log\` context: paths written \`log.…\` read its fields."
    `);
  });

  test('nothing on literals, punctuation, unknown names and blank space', () => {
    expect([
      hover('set(attributes["a"], "x|y")'),
      hover('set(attributes["a"],| 1)'),
      hover('set(attributes["a"], Lenn|(name))'),
      hover('set(attributes["a"], 1)\n|\n'),
    ]).toEqual([null, null, null, null]);
  });

  test('a statement with syntax errors still has hovers', () => {
    expect(hover('set(attributes["a"], Len|(name) where', { context: 'span' })?.range).toMatchInlineSnapshot(`"0:21-0:24"`);
  });
});
