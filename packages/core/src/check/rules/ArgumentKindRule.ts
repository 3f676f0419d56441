import type { LambdaNode } from '../../language/ast.js';
import { literalArgument, literalListArgument, literalRequirement } from '../params.js';
import { didYouMeanHint, suggestNames } from '../names.js';
import { isConverterName } from '../analysis.js';
import { diagnostic, type CheckRule } from '../rule.js';

/**
 * Each argument has the form its parameter demands (reference §4.8, §5.3, §5.4): a path for a
 * path parameter, a literal of the right type for a literal parameter, a list for list
 * parameters, an enum symbol, a converter name, or a lambda; lambdas appear nowhere else.
 */
export const ArgumentKindRule: CheckRule = ({ analysis, report }) => {
  const lambdaArgs = new Set<LambdaNode>();
  for (const [call, info] of analysis.calls) {
    if (!info.def || !info.bound) continue;
    info.bound.forEach((arg, i) => {
      if (!arg) return;
      const param = info.def!.params[i]!;
      const v = arg.value;
      const where = `the parameter \`${param.name}\` of \`${call.name}\``;
      switch (param.kind.kind) {
        case 'getter':
          if (v.kind === 'FunctionName') {
            report(diagnostic('type-mismatch', 'error', `${where} takes a value, not a function name`, v.range, {
              label: 'function name',
              hint: `call it: \`${v.name}(…)\``,
            }));
          }
          return;
        case 'getsetter':
          if (v.kind !== 'Path' || analysis.lambdaRefs.has(v)) {
            report(diagnostic('path-required', 'error', `${where} must be a path`, v.range, {
              label: 'not a path',
              hint: 'write the path to change, such as `attributes["key"]`',
            }));
          }
          return;
        case 'literal':
          if (literalArgument(v, param.kind.type) === undefined) {
            report(diagnostic('literal-required', 'error', `${where} ${literalRequirement(param.kind.type)} literal`, v.range, {
              label: `not a ${param.kind.type} literal`,
              hint: `write the ${param.kind.type} directly; this parameter is fixed when the statement is compiled`,
            }));
          }
          return;
        case 'literalList':
          if (literalListArgument(v, param.kind.type) === undefined) {
            report(diagnostic('literal-required', 'error', `${where} must be a list of ${param.kind.type} literals`, v.range, {
              label: `not a list of ${param.kind.type} literals`,
            }));
          }
          return;
        case 'getterList':
          if (v.kind !== 'List') {
            report(diagnostic('type-mismatch', 'error', `${where} must be a list`, v.range, {
              label: 'not a list',
              hint: 'wrap the values in `[ ]`',
            }));
          }
          return;
        case 'enum':
          if (v.kind !== 'Enum') {
            report(diagnostic('type-mismatch', 'error', `${where} must be an enum symbol`, v.range, { label: 'must be an Enum' }));
          }
          return;
        case 'function': {
          if (v.kind !== 'FunctionName' && v.kind !== 'Enum') {
            report(diagnostic('function-required', 'error', `${where} must be the name of a converter`, v.range, {
              label: 'not a function name',
              hint: 'write the converter name without parentheses, such as `SHA256`',
            }));
          } else if (!analysis.functionRefs.get(arg)) {
            const converters = [...analysis.options.functions.keys()].filter(isConverterName);
            report(diagnostic('unknown-function', 'error', `there is no converter named \`${v.name}\``, v.range, {
              label: 'undefined function',
              hint: didYouMeanHint(suggestNames(v.name, converters)),
            }));
          }
          return;
        }
        case 'lambda':
          if (v.kind !== 'Lambda') {
            report(diagnostic('type-mismatch', 'error', `${where} must be a lambda such as \`(v) => …\``, v.range, {
              label: 'not a lambda',
            }));
          } else {
            lambdaArgs.add(v);
            if (v.params.length > param.kind.arity) {
              report(diagnostic('wrong-arity', 'error',
                `${where} is called with ${param.kind.arity} argument${param.kind.arity === 1 ? '' : 's'}, but the lambda declares ${v.params.length}`,
                v.range, { label: `${v.params.length} parameters` }));
            }
          }
          return;
      }
    });
  }
  for (const lambda of analysis.lambdas) {
    if (lambdaArgs.has(lambda)) continue;
    report(diagnostic('lambda-not-allowed', 'error', 'a lambda is only allowed as the argument of a parameter that takes one', lambda.range, {
      label: 'lambda',
    }));
  }
};
