import { describe, expect, it } from 'vitest';
import { checkAst } from '../../check.js';
import type { CallNode, StatementNode } from '../../../language/ast.js';
import { parseStatement } from '../../../language/parse.js';
import { getContextSchema } from '../../../contexts/registry.js';
import { standardFunctions } from '../../../functions/registry.js';
import { compact } from '../../__tests__/harness.js';
import { FunctionKindRule } from '../FunctionKindRule.js';

// The parser already rejects these shapes, so the rule is exercised on ASTs edited after parsing
// (as a language service recovering from errors would hand them over).
function statement(text: string): StatementNode {
  const { ast } = parseStatement(text);
  return ast!;
}

function run(ast: StatementNode): string[] {
  const options = { functions: new Map(standardFunctions().map((d) => [d.name, d])), schema: getContextSchema('log'), prefixed: false, featureGates: new Set<string>() };
  return checkAst(ast, 'statement', options, [FunctionKindRule]).diagnostics.map(compact);
}

describe('FunctionKindRule', () => {
  it('reports a converter at the head of a statement', () => {
    const s = statement('set(attributes["a"], "b")');
    const head: CallNode = { ...s.editor, name: 'Concat', isEditor: false };
    expect(run({ ...s, editor: head })).toMatchInlineSnapshot(`
      [
        "error editor-name-case 1:1-1:4 a statement must start with an editor, but \`Concat\` is a converter [hint: editors start with a lower-case letter; use a converter inside an editor call such as \`set(target, Converter(...))\`]",
      ]
    `);
  });
  it('reports an editor used as a value', () => {
    const s = statement('set(attributes["a"], Len("b"))');
    const arg = s.editor.args[1]!;
    const inner: CallNode = { ...(arg.value as CallNode), name: 'delete_key', isEditor: true };
    expect(run({ ...s, editor: { ...s.editor, args: [s.editor.args[0]!, { ...arg, value: inner }] } })).toMatchInlineSnapshot(`
      [
        "error converter-name-case 1:22-1:25 the editor \`delete_key\` cannot be used as a value [hint: values come from converters, whose names start with an upper-case letter]",
      ]
    `);
  });
  it('accepts editors at the head and converters as values', () => {
    expect(run(statement('set(attributes["a"], Len("b"))'))).toEqual([]);
  });
});
