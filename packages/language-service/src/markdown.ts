/**
 * The Markdown shown for functions, parameters, paths, contexts and enums, shared by hover and
 * completion documentation. Code blocks are tagged `ottl`.
 */
import { functionSignature, paramKindText, type FunctionDef, type FunctionExample, type ParamDef, type PathInfo } from '@ottl/core';

function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`';
  return `${ticks}${text}${ticks}`;
}

function block(text: string): string {
  return '```ottl\n' + text + '\n```';
}

function exampleLine(ex: FunctionExample): string {
  let line = code(ex.code);
  if (ex.error !== undefined) line += ` fails: ${ex.error}`;
  else if (ex.after !== undefined) line += `: attributes ${code(JSON.stringify(ex.before ?? {}))} become ${code(JSON.stringify(ex.after))}`;
  else if ('result' in ex) line += ` → ${code(JSON.stringify(ex.result))}`;
  return line;
}

/** A parameter as one Markdown line: name, kind, optional/default, description. */
export function paramMarkdown(p: ParamDef): string {
  let line = `${code(p.name)} (${paramKindText(p.kind)}${p.optional ? ', optional' : ''}${p.default !== undefined ? `, default ${p.default}` : ''})`;
  if (p.description !== undefined) line += `: ${p.description}`;
  return line;
}

/** Signature, summary, parameters and the first example that does not fail. */
export function functionMarkdown(def: FunctionDef): string {
  const parts = [block(functionSignature(def)), def.doc.summary];
  if (def.params.length > 0) parts.push(def.params.map((p) => `- ${paramMarkdown(p)}`).join('\n'));
  if (def.contexts !== undefined) parts.push(`Contexts: ${def.contexts.join(', ')}`);
  if (def.gate !== undefined) parts.push(`Feature gate: ${code(def.gate)}`);
  const example = def.doc.examples.find((e) => e.error === undefined);
  if (example) parts.push(`Example: ${exampleLine(example)}`);
  return parts.join('\n\n');
}

/** `type` · `read-only` · `keys`: the facts shown as a completion's detail and in hovers. */
export function pathDetail(info: PathInfo): string {
  const facts: string[] = [info.type];
  if (info.keys) facts.push(`[${info.keys.kind === 'list' ? 'int' : 'string'}] → ${info.keys.type}`);
  if (info.readOnly) facts.push('read-only');
  return facts.join(' · ');
}

export function pathMarkdown(info: PathInfo): string {
  return [block(info.text), `${pathDetail(info)}`, info.doc].join('\n\n');
}

export function contextMarkdown(name: string): string {
  return `${block(name)}\n\nThe ${code(name)} context: paths written ${code(name + '.…')} read its fields.`;
}

export function enumMarkdown(name: string, value: bigint): string {
  return `${block(`${name} = ${value}`)}\n\nEnum symbol (int).`;
}
