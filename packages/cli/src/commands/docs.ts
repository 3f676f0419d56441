/**
 * `ottl docs [FUNCTION]`: the function reference (every function with its summary, or one
 * function's signature, parameters, failures and examples) from the functions' doc data;
 * `--paths CONTEXT` lists a context's paths and enums.
 */
import { Command, Option } from 'commander';
import { CONTEXT_NAMES, allFunctionDefs, didYouMeanHint, functionSignature, getContextSchema, suggestNames, type ContextName } from '@ottl/core';
import { CliError, colorOption, examples, type CommonOptions } from '../cli/common.js';
import { renderFunction, renderFunctionIndex, renderPaths } from '../render/functionDocs.js';
import { styleFor } from '../render/style.js';

interface DocsOptions extends CommonOptions {
  format: 'text' | 'json';
  paths?: ContextName;
}

export function runDocs(name: string | undefined, opts: DocsOptions): number {
  const style = styleFor(process.stdout, opts.color);
  if (opts.paths) {
    const schema = getContextSchema(opts.paths);
    if (opts.format === 'json') process.stdout.write(JSON.stringify({ context: schema.name, paths: schema.listPaths(), enums: Object.fromEntries([...schema.enums].map(([k, v]) => [k, Number(v)])) }, null, 2) + '\n');
    else process.stdout.write(renderPaths(schema, style));
    return 0;
  }
  const defs = allFunctionDefs();
  if (name === undefined) {
    if (opts.format === 'json') process.stdout.write(JSON.stringify(defs.map((d) => ({ name: d.name, signature: functionSignature(d), summary: d.doc.summary })), null, 2) + '\n');
    else process.stdout.write(renderFunctionIndex(defs, style));
    return 0;
  }
  const def = defs.find((d) => d.name === name) ?? defs.find((d) => d.name.toLowerCase() === name.toLowerCase());
  if (!def) {
    const hint = didYouMeanHint(suggestNames(name, defs.map((d) => d.name)));
    throw new CliError(`there is no function named \`${name}\`${hint ? `; ${hint}` : ''} (ottl docs lists them all)`, 1);
  }
  if (opts.format === 'json') {
    const { create: _create, ...data } = def;
    process.stdout.write(JSON.stringify({ ...data, signature: functionSignature(def) }, null, 2) + '\n');
  } else process.stdout.write(renderFunction(def, style));
  return 0;
}

export function registerDocsCommand(program: Command): Command {
  return program
    .command('docs')
    .description('function reference (all functions, or one with its parameters and examples) and context paths')
    .argument('[function]', 'a function name, e.g. replace_pattern or ParseJSON')
    .addOption(new Option('--paths <context>', 'list the paths and enums of a context instead').choices([...CONTEXT_NAMES]))
    .addOption(new Option('--format <format>', 'text, or json for tools').choices(['text', 'json']).default('text'))
    .addOption(colorOption())
    .addHelpText(
      'after',
      examples(['$ ottl docs                      # every function with its summary', '$ ottl docs replace_pattern      # one function', '$ ottl docs --paths span         # the paths of the span context', '$ ottl docs ParseJSON --format json']),
    )
    .action((name: string | undefined, opts: DocsOptions) => {
      process.exitCode = runDocs(name, opts);
    });
}
