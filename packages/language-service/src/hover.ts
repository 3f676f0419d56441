/**
 * Hover: the function under the cursor (signature, summary, parameters, an example), the named
 * argument (its parameter), the path segment (type, read-only, keys, doc), the context prefix,
 * or the enum symbol (its value).
 */
import { getFunctionDef, toCamel, visit, type PathNode, type Range as CoreRange } from '@ottl/core';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, entryAt, type DocumentModel } from './document.js';
import { contextMarkdown, enumMarkdown, functionMarkdown, paramMarkdown, pathMarkdown } from './markdown.js';
import type { LanguageServiceOptions } from './options.js';
import { enumsOf, pathInfo, pathNames, schemaFor } from './paths.js';
import { lspRange, touches } from './positions.js';

interface Found {
  readonly range: CoreRange;
  readonly markdown: string;
}

function functionHover(model: DocumentModel, name: string, range: CoreRange): Found | undefined {
  const def = model.functions.get(name) ?? getFunctionDef(name);
  return def ? { range, markdown: functionMarkdown(def) } : undefined;
}

function pathHover(model: DocumentModel, path: PathNode, offset: number): Found | undefined {
  const names = pathNames(path);
  const prefixed = path.context !== undefined;
  if (prefixed && touches(path.contextRange!, offset)) {
    if (schemaFor(model, path.context)?.pathContextNames.includes(path.context!)) {
      return { range: path.contextRange!, markdown: contextMarkdown(path.context!) };
    }
    // Legacy `body.string`: the first name is the context's own segment.
    const info = pathInfo(model, names.slice(0, 1));
    return info ? { range: path.contextRange!, markdown: pathMarkdown(info) } : undefined;
  }
  const i = path.segments.findIndex((s) => touches(s.nameRange, offset));
  if (i < 0) return undefined;
  const info = pathInfo(model, names.slice(0, i + 1 + (prefixed ? 1 : 0)));
  return info ? { range: path.segments[i]!.nameRange, markdown: pathMarkdown(info) } : undefined;
}

/** What the AST of the entry at `offset` has there; the innermost node wins. */
function findAt(model: DocumentModel, offset: number): Found | undefined {
  const decl = model.declaration;
  if (decl && touches(decl.range, offset)) return { range: decl.range, markdown: contextMarkdown(decl.name) };
  const entry = entryAt(model, offset);
  if (!entry?.ast) return undefined;
  let found: Found | undefined;
  visit(entry.ast, {
    enter: (node, parent) => {
      if (!touches(node.range, offset)) return false;
      switch (node.kind) {
        case 'Call':
          if (touches(node.nameRange, offset)) found = functionHover(model, node.name, node.nameRange) ?? found;
          break;
        case 'Argument':
          if (node.nameRange && touches(node.nameRange, offset) && parent?.kind === 'Call') {
            const def = model.functions.get(parent.name) ?? getFunctionDef(parent.name);
            const param = def?.params.find((p) => toCamel(p.name) === toCamel(node.name!));
            if (param) found = { range: node.nameRange, markdown: paramMarkdown(param) };
          }
          break;
        case 'Path':
          found = pathHover(model, node, offset) ?? found;
          break;
        case 'Enum': {
          const value = enumsOf(model).get(node.name);
          found = value !== undefined ? { range: node.range, markdown: enumMarkdown(node.name, value) } : (functionHover(model, node.name, node.range) ?? found);
          break;
        }
        case 'FunctionName':
          found = functionHover(model, node.name, node.range) ?? found;
          break;
        default:
          break;
      }
      return undefined;
    },
  });
  return found;
}

/** The hover at `position`, or null when there is nothing to say. */
export function getHover(doc: TextDocument, position: Position, options: LanguageServiceOptions = {}): Hover | null {
  const model = analyzeDocument(doc, options);
  const found = findAt(model, doc.offsetAt(position));
  return found ? { contents: { kind: 'markdown', value: found.markdown }, range: lspRange(doc, found.range) } : null;
}
