/**
 * Signature help: the signature of the innermost call around the cursor, with the parameter the
 * argument at the cursor binds to (by position, or by its `name=`).
 */
import { functionSignature, getFunctionDef, paramKindText, toCamel } from '@ottl/core';
import type { ParameterInformation, Position, SignatureHelp } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cursorContext } from './cursor.js';
import { analyzeDocument, inComment } from './document.js';
import { paramMarkdown } from './markdown.js';
import type { LanguageServiceOptions } from './options.js';

/**
 * The signature help at `position`, or null outside a call of a known function. Parameter labels
 * are `[start, end)` offsets into the signature label (`name?: kind`); `activeParameter` is null
 * when the argument binds to no parameter (too many arguments, an unknown name, or a positional
 * argument after a named one).
 */
export function getSignatureHelp(doc: TextDocument, position: Position, options: LanguageServiceOptions = {}): SignatureHelp | null {
  const model = analyzeDocument(doc, options);
  const offset = doc.offsetAt(position);
  if (inComment(model, offset)) return null;
  const call = cursorContext(model, offset).call;
  if (!call) return null;
  const def = model.functions.get(call.name) ?? getFunctionDef(call.name);
  if (!def) return null;
  const label = functionSignature(def);
  let at = def.name.length + 1;
  const parameters: ParameterInformation[] = def.params.map((p) => {
    const text = `${p.name}${p.optional ? '?' : ''}: ${paramKindText(p.kind)}`;
    const start = label.indexOf(text, at);
    at = start + text.length;
    return { label: [start, at], documentation: { kind: 'markdown', value: paramMarkdown(p) } };
  });
  const index =
    call.argName !== undefined
      ? def.params.findIndex((p) => toCamel(p.name) === toCamel(call.argName!))
      : call.named.length > 0
        ? -1
        : call.argIndex;
  return {
    signatures: [{ label, documentation: { kind: 'markdown', value: def.doc.summary }, parameters }],
    activeSignature: 0,
    activeParameter: index >= 0 && index < parameters.length ? index : null,
  };
}
