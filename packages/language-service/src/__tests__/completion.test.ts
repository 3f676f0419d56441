import { describe, expect, test } from 'vitest';
import { CompletionItemKind, type TextEdit } from 'vscode-languageserver-types';
import { complete, getCompletions, type CompletionOptions } from '../index.js';
import { firstOf, marked, rangeText } from './harness.js';

/** What `complete` offers at the `|`: the text it replaces and the first insert texts. */
function offers(text: string, options: CompletionOptions = { context: 'log' }, n = 12): { replaces: string; items: string } {
  const m = marked(text);
  const r = complete(m.text, m.offset, options);
  return { replaces: m.text.slice(r.from, r.to), items: firstOf(r.items.map((i) => i.insertText!), n) };
}

describe('statement start', () => {
  test('editors, then the context declaration in an empty file', () => {
    expect(offers('|', { context: 'log' }, 30)).toMatchInlineSnapshot(`
      {
        "items": "append( clear( delete_index( delete_key( delete_matching_keys( delete_matching_values( flatten( keep_keys( keep_matching_keys( limit( merge_maps( replace_all_matches( replace_all_patterns( replace_match( replace_pattern( set( stringify_all( truncate_all( context: ",
        "replaces": "",
      }
    `);
  });

  test('a typed prefix filters (case matters)', () => {
    expect([offers('se|'), offers('de|'), offers('Se|')]).toMatchInlineSnapshot(`
      [
        {
          "items": "set(",
          "replaces": "se",
        },
        {
          "items": "delete_index( delete_key( delete_matching_keys( delete_matching_values(",
          "replaces": "de",
        },
        {
          "items": "",
          "replaces": "Se",
        },
      ]
    `);
  });

  test('a line in column 1 after a complete statement starts a new one', () => {
    expect(offers('set(attributes["a"], 1)\nde|')).toMatchInlineSnapshot(`
      {
        "items": "delete_index( delete_key( delete_matching_keys( delete_matching_values(",
        "replaces": "de",
      }
    `);
  });

  test('an indented line continues the statement', () => {
    expect(offers('set(attributes["a"], 1)\n  wh|')).toMatchInlineSnapshot(`
      {
        "items": "where",
        "replaces": "wh",
      }
    `);
  });

  test('between statements', () => {
    expect(offers('set(attributes["a"], 1)\n\nkee|\nset(attributes["b"], 2)\n')).toMatchInlineSnapshot(`
      {
        "items": "keep_keys( keep_matching_keys(",
        "replaces": "kee",
      }
    `);
  });

  test('no declaration offered after the first statement', () => {
    expect(offers('set(attributes["a"], 1)\nco|')).toMatchInlineSnapshot(`
      {
        "items": "",
        "replaces": "co",
      }
    `);
  });
});

describe('context declaration', () => {
  test('context names', () => {
    expect([offers('context: |'), offers('# rules\ncontext: sp|')]).toMatchInlineSnapshot(`
      [
        {
          "items": "datapoint exemplar log metric profile resource scope span spanevent spanlink",
          "replaces": "",
        },
        {
          "items": "span spanevent spanlink",
          "replaces": "sp",
        },
      ]
    `);
  });
});

describe('arguments', () => {
  test('a path parameter takes paths: own fields (legacy paths), then context prefixes', () => {
    expect(offers('set(|', { context: 'log' }, 30)).toMatchInlineSnapshot(`
      {
        "items": "attributes body cache dropped_attributes_count event_name flags observed_time observed_time_unix_nano severity_number severity_text span_id time time_unix_nano trace_id instrumentation_scope. log. resource. scope.",
        "replaces": "",
      }
    `);
  });

  test('a value parameter takes paths, converters and literals', () => {
    expect(offers('set(attributes["a"], |', { context: 'log' }, 24)).toMatchInlineSnapshot(`
      {
        "items": "attributes body cache dropped_attributes_count event_name flags observed_time observed_time_unix_nano severity_number severity_text span_id time time_unix_nano trace_id instrumentation_scope. log. resource. scope. Base64Decode( Base64Encode( Bool( Coalesce( CommunityID( Concat( … (123)",
        "replaces": "",
      }
    `);
  });

  test('converters by prefix', () => {
    expect(offers('set(attributes["a"], Is|')).toMatchInlineSnapshot(`
      {
        "items": "IsBool( IsDouble( IsEmpty( IsInCIDR( IsInt( IsList( IsMap( IsMatch( IsString( IsValidLuhn(",
        "replaces": "Is",
      }
    `);
  });

  test('nested call arguments', () => {
    expect(offers('set(attributes["a"], Concat([attributes["b"], Str|')).toMatchInlineSnapshot(`
      {
        "items": "String(",
        "replaces": "Str",
      }
    `);
  });

  test('a converter-name parameter takes converter names without parentheses; optional parameters by name', () => {
    expect([offers('replace_pattern(body, "a", "b", SHA2|'), offers('replace_pattern(body, "a", "b", rep|')]).toMatchInlineSnapshot(`
      [
        {
          "items": "SHA256",
          "replaces": "SHA2",
        },
        {
          "items": "replacementFormat=",
          "replaces": "rep",
        },
      ]
    `);
  });

  test('after name=: the named parameter', () => {
    expect(offers('replace_pattern(body, "a", "b", function=SH|')).toMatchInlineSnapshot(`
      {
        "items": "SHA1 SHA256 SHA512",
        "replaces": "SH",
      }
    `);
  });

  test('after a named argument only names remain', () => {
    expect(offers('replace_pattern(body, "a", replacement="b", |')).toMatchInlineSnapshot(`
      {
        "items": "function= replacementFormat=",
        "replaces": "",
      }
    `);
  });

  test('documented choices of a string parameter', () => {
    expect(offers('merge_maps(attributes, cache, |')).toMatchInlineSnapshot(`
      {
        "items": ""insert" "update" "upsert" """,
        "replaces": "",
      }
    `);
  });

  test('an int parameter takes enum symbols too', () => {
    expect(offers('set(attributes["a"], Int(SEVERITY_NUMBER_W|')).toMatchInlineSnapshot(`
      {
        "items": "SEVERITY_NUMBER_WARN SEVERITY_NUMBER_WARN2 SEVERITY_NUMBER_WARN3 SEVERITY_NUMBER_WARN4",
        "replaces": "SEVERITY_NUMBER_W",
      }
    `);
  });

  test('an unknown function takes any value', () => {
    expect(offers('set(attributes["a"], Foo(bo|')).toMatchInlineSnapshot(`
      {
        "items": "body",
        "replaces": "bo",
      }
    `);
  });
});

describe('paths', () => {
  test('segments after a context prefix', () => {
    expect(offers('set(span.|', { context: 'span' }, 30)).toMatchInlineSnapshot(`
      {
        "items": "attributes cache dropped_attributes_count dropped_events_count dropped_links_count end_time end_time_unix_nano events kind links name parent_span_id span_id start_time start_time_unix_nano status trace_id trace_state",
        "replaces": "",
      }
    `);
  });

  test('sub-paths', () => {
    expect([offers('set(attributes["a"], trace_id.|'), offers('set(attributes["a"], span.status.|', { context: 'span' })]).toMatchInlineSnapshot(`
      [
        {
          "items": "string",
          "replaces": "",
        },
        {
          "items": "code message",
          "replaces": "",
        },
      ]
    `);
  });

  test('ancestor contexts', () => {
    expect(offers('set(resource.attributes["a"], scope.|', { context: 'log' })).toMatchInlineSnapshot(`
      {
        "items": "attributes dropped_attributes_count name schema_url version",
        "replaces": "",
      }
    `);
  });

  test('without a context, path starts are context prefixes and a prefix picks its context', () => {
    expect([offers('set(|', {}, 20), offers('set(log.|', {}, 6), offers('set(span.|', {}, 6)]).toMatchInlineSnapshot(`
      [
        {
          "items": "datapoint. exemplar. instrumentation_scope. log. metric. profile. resource. scope. span. spanevent. spanlink.",
          "replaces": "",
        },
        {
          "items": "attributes body cache dropped_attributes_count event_name flags … (14)",
          "replaces": "",
        },
        {
          "items": "attributes cache dropped_attributes_count dropped_events_count dropped_links_count end_time … (18)",
          "replaces": "",
        },
      ]
    `);
  });

  test('nothing after keys or a call', () => {
    expect([offers('set(attributes["a"], attributes["b"].|'), offers('set(attributes["a"], Len(body).|')]).toMatchInlineSnapshot(`
      [
        {
          "items": "",
          "replaces": "",
        },
        {
          "items": "",
          "replaces": "",
        },
      ]
    `);
  });

  test('keys: those the document uses with the same path, then an empty string', () => {
    const doc = 'set(attributes["http.method"], "GET") where attributes["http.route"] != nil and attributes["http.method"] == nil\n';
    expect([
      offers(doc + 'set(attributes[|'),
      offers(doc + 'set(attributes["http.r|'),
      offers(doc + 'set(resource.attributes[|'),
      offers(doc + 'set(span_id[|'),
    ]).toMatchInlineSnapshot(`
      [
        {
          "items": ""http.method" "http.route" """,
          "replaces": "",
        },
        {
          "items": ""http.route"",
          "replaces": ""http.r",
        },
        {
          "items": """",
          "replaces": "",
        },
        {
          "items": "",
          "replaces": "",
        },
      ]
    `);
  });
});

describe('conditions', () => {
  test('after a complete editor call: where', () => {
    expect([offers('set(attributes["a"], 1) |'), offers('set(attributes["a"], 1) w|')]).toMatchInlineSnapshot(`
      [
        {
          "items": "where",
          "replaces": "",
        },
        {
          "items": "where",
          "replaces": "w",
        },
      ]
    `);
  });

  test('after where: values and not', () => {
    expect(offers('set(attributes["a"], 1) where |', { context: 'log' }, 24)).toMatchInlineSnapshot(`
      {
        "items": "attributes body cache dropped_attributes_count event_name flags observed_time observed_time_unix_nano severity_number severity_text span_id time time_unix_nano trace_id instrumentation_scope. log. resource. scope. Base64Decode( Base64Encode( Bool( Coalesce( CommunityID( Concat( … (123)",
        "replaces": "",
      }
    `);
  });

  test('after a comparison operator on an int path: its enum family first', () => {
    expect([
      offers('set(attributes["a"], 1) where severity_number >= |', { context: 'log' }, 4),
      offers('set(attributes["a"], 1) where kind == SPAN_KIND_S|', { context: 'span' }),
      offers('set(attributes["a"], 1) where span.status.code != |', { context: 'span' }, 4),
    ]).toMatchInlineSnapshot(`
      [
        {
          "items": "SEVERITY_NUMBER_DEBUG SEVERITY_NUMBER_DEBUG2 SEVERITY_NUMBER_DEBUG3 SEVERITY_NUMBER_DEBUG4 … (147)",
          "replaces": "",
        },
        {
          "items": "SPAN_KIND_SERVER",
          "replaces": "SPAN_KIND_S",
        },
        {
          "items": "STATUS_CODE_ERROR STATUS_CODE_OK STATUS_CODE_UNSET attributes … (126)",
          "replaces": "",
        },
      ]
    `);
  });

  test('after a complete comparison: and, or', () => {
    expect([
      offers('set(attributes["a"], 1) where name == "x" |', { context: 'span' }),
      offers('set(attributes["a"], 1) where (name == "x" o|', { context: 'span' }),
      offers('set(attributes["a"], 1) where not |', { context: 'span' }, 3),
    ]).toMatchInlineSnapshot(`
      [
        {
          "items": "and or",
          "replaces": "",
        },
        {
          "items": "or",
          "replaces": "o",
        },
        {
          "items": "attributes cache dropped_attributes_count … (124)",
          "replaces": "",
        },
      ]
    `);
  });

  test('a conditions document', () => {
    const options = { context: 'span', kind: 'conditions' } as const;
    expect([
      offers('|', options, 3),
      offers('name == "a"\nkind == SPAN_KIND_CL|', options),
      offers('name == "a"\n  an|', options),
      offers('name == "a" |', options),
    ]).toMatchInlineSnapshot(`
      [
        {
          "items": "attributes cache dropped_attributes_count … (124)",
          "replaces": "",
        },
        {
          "items": "SPAN_KIND_CLIENT",
          "replaces": "SPAN_KIND_CL",
        },
        {
          "items": "and",
          "replaces": "an",
        },
        {
          "items": "and or",
          "replaces": "",
        },
      ]
    `);
  });

  test('a values document (repl expressions)', () => {
    expect(offers('Len(|', { context: 'log', kind: 'values' }, 3)).toMatchInlineSnapshot(`
      {
        "items": "attributes body cache … (123)",
        "replaces": "",
      }
    `);
  });
});

describe('mixed documents (the repl)', () => {
  const options = { context: 'log', kind: 'mixed' } as const;
  test('at the start: editors, values and not', () => {
    expect([offers('se|', options), offers('|', options, 200).items.split(' ').length]).toMatchInlineSnapshot(`
      [
        {
          "items": "severity_number severity_text set(",
          "replaces": "se",
        },
        141,
      ]
    `);
  });

  test('a line that starts with an editor call is a statement, any other a condition', () => {
    expect([
      offers('set(attributes["a"], 1) |', options),
      offers('severity_number > 3 |', options),
      offers('IsMatch(body, "a") |', options),
      offers('not |', options, 3),
    ]).toMatchInlineSnapshot(`
      [
        {
          "items": "where",
          "replaces": "",
        },
        {
          "items": "and or",
          "replaces": "",
        },
        {
          "items": "and or",
          "replaces": "",
        },
        {
          "items": "attributes body cache … (123)",
          "replaces": "",
        },
      ]
    `);
  });
});

describe('no completion', () => {
  test('in comments, strings and numbers', () => {
    expect([offers('# se|'), offers('set(attributes["a"], "se|'), offers('set(attributes["a"], 12|')]).toMatchInlineSnapshot(`
      [
        {
          "items": "",
          "replaces": "",
        },
        {
          "items": "",
          "replaces": ""se",
        },
        {
          "items": "",
          "replaces": "12",
        },
      ]
    `);
  });
});

describe('LSP items', () => {
  test('kind, detail, documentation and the edit replacing the typed word', () => {
    const m = marked('set(attributes["a"], IsM|)');
    const list = getCompletions(m.doc, m.position, { context: 'log' });
    const item = list.items.find((i) => i.label === 'IsMatch')!;
    expect({ ...item, textEdit: rangeText((item.textEdit as TextEdit).range) }).toMatchInlineSnapshot(`
      {
        "detail": "IsMatch(target: stringlike, pattern: string) → bool",
        "documentation": {
          "kind": "markdown",
          "value": "\`\`\`ottl
      IsMatch(target: stringlike, pattern: string) → bool
      \`\`\`

      Tells whether a value matches a regular expression anywhere (RE2 syntax).

      - \`target\` (stringlike): the value to test
      - \`pattern\` (string): an RE2 regular expression

      Example: \`IsMatch("string", ".*ring")\` → \`true\`",
        },
        "insertText": "IsMatch(",
        "kind": 3,
        "label": "IsMatch",
        "sortText": "3IsMatch",
        "textEdit": "0:21-0:24",
      }
    `);
  });

  test('every candidate comes back (the client filters), with a kind per category', () => {
    const m = marked('set(attributes["a"], |');
    const list = getCompletions(m.doc, m.position, { context: 'span' });
    expect(list.isIncomplete).toBe(false);
    const kinds = new Map<number, string[]>();
    for (const i of list.items) kinds.set(i.kind!, [...(kinds.get(i.kind!) ?? []), i.label]);
    const kindName = (k: number) => Object.entries(CompletionItemKind).find(([, v]) => v === k)![0];
    expect(Object.fromEntries([...kinds].map(([k, v]) => [kindName(k), firstOf(v, 4)]))).toMatchInlineSnapshot(`
      {
        "Constant": "true false nil """,
        "Field": "trace_id span_id parent_span_id trace_state … (18)",
        "Function": "Concat ConvertCase Format HasPrefix … (98)",
        "Module": "span resource scope instrumentation_scope",
      }
    `);
  });

  test('snippets', () => {
    const m = marked('se|');
    const item = getCompletions(m.doc, m.position, { context: 'log', snippets: true }).items.find((i) => i.label === 'set')!;
    expect([item.insertText, item.insertTextFormat]).toMatchInlineSnapshot(`
      [
        "set($0)",
        2,
      ]
    `);
  });

  test('context prefixes ask the client to complete again', () => {
    const m = marked('set(|');
    const item = getCompletions(m.doc, m.position, { context: 'span' }).items.find((i) => i.label === 'resource')!;
    expect(item).toMatchInlineSnapshot(`
      {
        "command": {
          "command": "editor.action.triggerSuggest",
          "title": "Complete the path",
        },
        "detail": "context",
        "documentation": {
          "kind": "markdown",
          "value": "\`\`\`ottl
      resource
      \`\`\`

      The \`resource\` context: paths written \`resource.…\` read its fields.",
        },
        "insertText": "resource.",
        "kind": 9,
        "label": "resource",
        "sortText": "2resource",
        "textEdit": {
          "newText": "resource.",
          "range": {
            "end": {
              "character": 4,
              "line": 0,
            },
            "start": {
              "character": 4,
              "line": 0,
            },
          },
        },
      }
    `);
  });
});
