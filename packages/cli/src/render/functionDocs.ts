/**
 * Function reference for a terminal (`ottl docs`, the REPL's `:help NAME`), from the `doc` data of
 * each function definition — the same data `docs/functions.md` is generated from — and the path
 * list of a context.
 */
import { functionSignature, paramKindText, type ContextSchema, type FunctionDef, type FunctionExample } from '@ottl/core';
import type { Style } from '@ottl/core';

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

function exampleText(ex: FunctionExample): string {
  if (ex.error !== undefined) return `fails: ${ex.error}`;
  if (ex.before !== undefined || ex.after !== undefined) return `attributes ${JSON.stringify(ex.before ?? {})} become ${JSON.stringify(ex.after ?? {})}`;
  if ('result' in ex) return `→ ${JSON.stringify(ex.result)}`;
  return '';
}

export function isEditor(def: FunctionDef): boolean {
  return /^[a-z]/.test(def.name);
}

/** The full entry of one function. */
export function renderFunction(def: FunctionDef, style: Style, width = 96): string {
  const out: string[] = [style.bold(functionSignature(def))];
  const facts = [isEditor(def) ? 'editor' : `converter (${def.doc.category})`];
  if (def.contexts !== undefined) facts.push(`contexts: ${def.contexts.join(', ')}`);
  if (def.gate !== undefined) facts.push(`feature gate: ${def.gate}`);
  out.push(style.dim(facts.join(' · ')), '', wrap(def.doc.summary, width, ''));
  if (def.doc.description !== undefined) out.push('', wrap(def.doc.description, width, ''));
  if (def.params.length > 0) {
    out.push('', style.bold('Parameters:'));
    const nameWidth = Math.max(...def.params.map((p) => p.name.length));
    const kinds = def.params.map((p) => `${paramKindText(p.kind)}${p.optional ? '?' : ''}`);
    const kindWidth = Math.max(...kinds.map((k) => k.length));
    def.params.forEach((p, i) => {
      const detail = [p.description, p.default !== undefined ? `(default ${p.default})` : undefined].filter((x) => x !== undefined).join(' ');
      out.push(`  ${style.cyan(p.name.padEnd(nameWidth))}  ${kinds[i]!.padEnd(kindWidth)}  ${detail}`.trimEnd());
    });
  }
  if (def.doc.returns !== undefined) out.push('', `${style.bold('Returns:')} ${def.doc.returns}`);
  if (def.doc.failures !== undefined && def.doc.failures.length > 0) {
    out.push('', style.bold('Fails when:'), ...def.doc.failures.map((f) => `  - ${f}`));
  }
  if (def.doc.examples.length > 0) {
    out.push('', style.bold('Examples:'));
    for (const ex of def.doc.examples) {
      const result = exampleText(ex);
      out.push(`  ${ex.code}`);
      if (result !== '') out.push(`      ${result}${ex.note !== undefined ? ` (${ex.note})` : ''}`);
    }
  }
  return out.join('\n') + '\n';
}

/** One line per function, grouped: editors, converters, context-specific, gated. */
export function renderFunctionIndex(defs: readonly FunctionDef[], style: Style): string {
  const groups: [string, FunctionDef[]][] = [
    ['Editors', defs.filter((d) => d.gate === undefined && d.contexts === undefined && isEditor(d))],
    ['Converters', defs.filter((d) => d.gate === undefined && d.contexts === undefined && !isEditor(d))],
    ['Context-specific functions', defs.filter((d) => d.gate === undefined && d.contexts !== undefined)],
    ['Behind a feature gate', defs.filter((d) => d.gate !== undefined)],
  ];
  const width = Math.min(24, Math.max(...defs.map((d) => d.name.length)));
  const out: string[] = [];
  for (const [title, list] of groups) {
    if (list.length === 0) continue;
    out.push(style.bold(`${title} (${list.length})`));
    for (const d of list) out.push(`  ${style.cyan(d.name.padEnd(width))}  ${d.doc.summary}`);
    out.push('');
  }
  out.push('Run `ottl docs NAME` for a function\'s parameters and examples.');
  return out.join('\n') + '\n';
}

/** The paths of a context: text, type, read-only flag, doc. */
export function renderPaths(schema: ContextSchema, style: Style): string {
  const paths = schema.listPaths().filter((p) => p.context !== 'instrumentation_scope');
  const width = Math.max(...paths.map((p) => p.text.length + (p.keys ? 5 : 0)));
  const out = [style.bold(`Paths of the ${schema.name} context`)];
  for (const p of paths) {
    const text = p.keys ? `${p.text}[key]` : p.text;
    out.push(`  ${style.cyan(text.padEnd(width))}  ${p.type}${p.readOnly ? ' (read-only)' : ''}  ${p.doc}`);
  }
  if (schema.enums.size > 0) out.push('', style.bold('Enums'), ...[...schema.enums].map(([k, v]) => `  ${k} = ${v}`));
  return out.join('\n') + '\n';
}
