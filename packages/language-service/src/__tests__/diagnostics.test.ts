import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { documentDiagnostics, getDiagnostics, type LanguageServiceOptions } from '../index.js';
import { document, rangeText } from './harness.js';

/** `line:char-line:char severity code message [hint]`, 0-based positions as LSP has them. */
function compact(d: Diagnostic): string {
  const hint = (d.data as { hint?: string } | undefined)?.hint;
  return `${rangeText(d.range)} ${d.severity} ${d.code} ${d.message}${hint ? ` [${hint}]` : ''}`;
}

function diagnose(text: string, options: LanguageServiceOptions = {}): string[] {
  return getDiagnostics(document(text), options).map(compact);
}

describe('rule files', () => {
  test('syntax errors on some statements, checker errors on the others', () => {
    expect(
      diagnose(
        [
          '# redact',
          'context: log',
          'set(attributes["a"], Lenn(body))',
          'set(attributes["b"], 1) where attributes["c"] = 1',
          'set(attributes["d"], Len(bod))   # typo',
          'replace_pattern(body, "(", "x")',
          '',
        ].join('\n'),
      ),
    ).toMatchInlineSnapshot(`
      [
        "2:21-2:25 1 unknown-function there is no converter named \`Lenn\` [did you mean \`Len\`?]",
        "3:46-3:47 1 assignment-in-condition '=' is not a comparison operator [write == to compare; = only names an argument]",
        "4:25-4:28 1 unknown-path segment "bod" from path "bod" is not a valid path nor a valid OTTL keyword for the log context - review https://github.com/open-telemetry/opentelemetry-collector-contrib/tree/main/pkg/ottl/contexts/ottllog to see all valid paths [did you mean \`body\`?]",
        "5:0-5:31 1 invalid-regex couldn't create function \`replace_pattern\`: the regex pattern supplied to replace_pattern '"("' is not a valid pattern: error parsing regexp: missing closing ): \`(\`",
      ]
    `);
  });

  test('no diagnostics for a good file', () => {
    expect(diagnose('context: span\nset(attributes["k"], "v") where kind == SPAN_KIND_SERVER\n')).toEqual([]);
  });

  test('an unknown declared context', () => {
    expect(diagnose('context: spam\nset(attributes["a"], 1)\n')).toMatchInlineSnapshot(`
      [
        "0:9-0:13 1 unknown-context there is no context named \`spam\` [did you mean \`span\`?]",
      ]
    `);
  });

  test('the options context applies when the file declares none; the declaration wins', () => {
    const text = 'set(attributes["a"], 1) where kind == SPAN_KIND_SERVER\n';
    expect([diagnose(text, { context: 'span' }), diagnose(text, { context: 'log' }), diagnose('context: span\n' + text, { context: 'log' })]).toMatchInlineSnapshot(`
      [
        [],
        [
          "0:30-0:34 1 unknown-path segment "kind" from path "kind" is not a valid path nor a valid OTTL keyword for the log context - review https://github.com/open-telemetry/opentelemetry-collector-contrib/tree/main/pkg/ottl/contexts/ottllog to see all valid paths [\`kind\` is a path of the span context, which log statements cannot reach; run the statement in that context]",
          "0:38-0:54 1 unknown-enum the log context has no enum symbol \`SPAN_KIND_SERVER\`",
        ],
        [],
      ]
    `);
  });

  test('without any context, it is inferred from path prefixes, which are then required', () => {
    expect([
      diagnose('set(span.attributes["a"], 1)\n'),
      diagnose('set(span.attributes["a"], name)\n'),
      diagnose('set(attributes["a"], 1)\n'),
    ]).toMatchInlineSnapshot(`
      [
        [],
        [
          "0:26-0:30 1 missing-context missing context name for path "name", possibly valid options are: "span.name", "resource.name", "scope.name", "instrumentation_scope.name" [write \`span.name\`]",
        ],
        [
          "0:0-0:23 1 context-inference unable to infer context from statements, path's first segment must be a valid context name: ["resource" "scope" "span" "spanevent" "spanlink" "metric" "datapoint" "exemplar" "log" "profile"], and at least one context must be capable of parsing all statements [start every path with a context name, e.g. \`profile.attributes\`]",
        ],
      ]
    `);
  });

  test('pathContextNames: prefixes required with a given context', () => {
    expect(diagnose('set(attributes["a"], 1)\n', { context: 'log', pathContextNames: true })).toMatchInlineSnapshot(`
      [
        "0:4-0:19 1 missing-context missing context name for path "attributes[a]", possibly valid options are: "log.attributes[a]", "resource.attributes[a]", "scope.attributes[a]", "instrumentation_scope.attributes[a]" [write \`log.attributes["a"]\`]",
      ]
    `);
  });

  test('feature gates', () => {
    const text = 'set(attributes, MapKeys(attributes, (k, v) => ToUpperCase(k)))\n';
    const gates = ['ottl.functions.enableLambda', 'pkg.ottl.functions.enableExperimental'];
    expect([diagnose(text, { context: 'log' }), diagnose(text, { context: 'log', featureGates: gates })]).toMatchInlineSnapshot(`
      [
        [
          "0:16-0:23 1 unknown-function there is no converter named \`MapKeys\`",
          "0:36-0:60 1 lambda-not-allowed a lambda is only allowed as the argument of a parameter that takes one",
          "0:36-0:60 1 lambda-disabled lambda expressions are disabled [enable the feature gate \`ottl.functions.enableLambda\`]",
        ],
        [],
      ]
    `);
  });

  test('function sets', () => {
    expect([
      diagnose('set(attributes["a"], Len(body))\n', { context: 'log', functions: 'filter' }),
      diagnose('IsMatch(body, "a")\n', { context: 'log', functions: 'filter', kind: 'conditions' }),
    ]).toMatchInlineSnapshot(`
      [
        [
          "0:0-0:3 1 unknown-function there is no editor named \`set\`",
        ],
        [],
      ]
    `);
  });
});

describe('line documents', () => {
  test('conditions: one per line, indented lines continue, comments', () => {
    expect(
      diagnose('name == "a"   # first\nkind == SPAN_KIND_SERVR\nattributes["a"] == 1\n  and Lenn(name) > 1\n\nname = "b"\n', {
        context: 'span',
        kind: 'conditions',
      }),
    ).toMatchInlineSnapshot(`
      [
        "1:8-1:23 1 unknown-enum the span context has no enum symbol \`SPAN_KIND_SERVR\` [did you mean \`SPAN_KIND_SERVER\`?]",
        "3:6-3:10 1 unknown-function there is no converter named \`Lenn\` [did you mean \`Len\`?]",
        "5:5-5:6 1 assignment-in-condition '=' is not a comparison operator [write == to compare; = only names an argument]",
      ]
    `);
  });

  test('values', () => {
    expect(diagnose('Len(body)\nConcat([body, "x"]\nattributes["a"] + 1\n', { context: 'log', kind: 'values' })).toMatchInlineSnapshot(`
      [
        "1:18-1:18 1 unclosed-delimiter expected ')' to close the call to Concat (opened at 1:7), found end of input",
      ]
    `);
  });

  test('mixed: statements, conditions and values', () => {
    expect(diagnose('set(attributes["a"], 1)\nseverity_number > SEVERITY_NUMBER_WARM\nLen(bod)\nbody\n', { context: 'log', kind: 'mixed' })).toMatchInlineSnapshot(`
      [
        "1:18-1:38 1 unknown-enum the log context has no enum symbol \`SEVERITY_NUMBER_WARM\` [did you mean \`SEVERITY_NUMBER_WARN\`, \`SEVERITY_NUMBER_WARN2\` or \`SEVERITY_NUMBER_WARN3\`?]",
        "2:4-2:7 1 unknown-path segment "bod" from path "bod" is not a valid path nor a valid OTTL keyword for the log context - review https://github.com/open-telemetry/opentelemetry-collector-contrib/tree/main/pkg/ottl/contexts/ottllog to see all valid paths [did you mean \`body\`?]",
      ]
    `);
  });
});

describe('shapes', () => {
  test('an LSP diagnostic: related ranges, the hint as related information, label/hint/fix in data', () => {
    const doc = document('set(attributes["a"], Concat([body, "x"], "")\n  where attributes["b"] = (1\n');
    expect(getDiagnostics(doc, { context: 'log' })).toMatchInlineSnapshot(`
      [
        {
          "code": "unclosed-delimiter",
          "data": {
            "hint": "separate arguments with commas and close the call with )",
            "label": "expected ')'",
          },
          "message": "expected ')' to close the call to set (opened at 1:4), found 'where'",
          "range": {
            "end": {
              "character": 7,
              "line": 1,
            },
            "start": {
              "character": 2,
              "line": 1,
            },
          },
          "relatedInformation": [
            {
              "location": {
                "range": {
                  "end": {
                    "character": 4,
                    "line": 0,
                  },
                  "start": {
                    "character": 3,
                    "line": 0,
                  },
                },
                "uri": "file:///test.ottl",
              },
              "message": "'(' opened here",
            },
            {
              "location": {
                "range": {
                  "end": {
                    "character": 7,
                    "line": 1,
                  },
                  "start": {
                    "character": 2,
                    "line": 1,
                  },
                },
                "uri": "file:///test.ottl",
              },
              "message": "hint: separate arguments with commas and close the call with )",
            },
          ],
          "severity": 1,
          "source": "ottl",
        },
        {
          "code": "assignment-in-condition",
          "data": {
            "fix": [
              {
                "newText": "==",
                "range": {
                  "end": {
                    "character": 25,
                    "line": 1,
                  },
                  "start": {
                    "character": 24,
                    "line": 1,
                  },
                },
              },
            ],
            "hint": "write == to compare; = only names an argument",
            "label": "did you mean ==?",
          },
          "message": "'=' is not a comparison operator",
          "range": {
            "end": {
              "character": 25,
              "line": 1,
            },
            "start": {
              "character": 24,
              "line": 1,
            },
          },
          "relatedInformation": [
            {
              "location": {
                "range": {
                  "end": {
                    "character": 25,
                    "line": 1,
                  },
                  "start": {
                    "character": 24,
                    "line": 1,
                  },
                },
                "uri": "file:///test.ottl",
              },
              "message": "hint: write == to compare; = only names an argument",
            },
          ],
          "severity": 1,
          "source": "ottl",
        },
        {
          "code": "unclosed-delimiter",
          "data": {
            "label": "expected ')'",
          },
          "message": "expected ')' to close the parenthesis opened at 2:27, found end of input",
          "range": {
            "end": {
              "character": 28,
              "line": 1,
            },
            "start": {
              "character": 28,
              "line": 1,
            },
          },
          "relatedInformation": [
            {
              "location": {
                "range": {
                  "end": {
                    "character": 27,
                    "line": 1,
                  },
                  "start": {
                    "character": 26,
                    "line": 1,
                  },
                },
                "uri": "file:///test.ottl",
              },
              "message": "'(' opened here",
            },
          ],
          "severity": 1,
          "source": "ottl",
        },
      ]
    `);
  });

  test('the core shape: 1-based line:column and offsets into the document', () => {
    const doc = document('context: log\n\nset(attributes["a"], Len(bod))\n');
    expect(documentDiagnostics(doc).map((d) => ({ code: d.code, range: d.range, label: d.label, hint: d.hint }))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown-path",
          "hint": "did you mean \`body\`?",
          "label": "unknown path of the log context",
          "range": {
            "end": {
              "column": 29,
              "line": 3,
              "offset": 42,
            },
            "start": {
              "column": 26,
              "line": 3,
              "offset": 39,
            },
          },
        },
      ]
    `);
  });
});
