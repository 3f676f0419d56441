/**
 * `ParseXML(target)` (upstream `ottlfuncs/func_parse_xml.go`): one XML element as a map
 * `{tag, attributes?, content?, children?}`. `content` is the element's text chunks, each
 * trimmed, concatenated; attributes are keyed by local name; comments, processing instructions
 * and directives are ignored. The document must hold exactly one root element and nothing after
 * it (Go `encoding/xml` decoding rules and messages).
 */
import { PMap } from '@ottl/pdata';
import { XmlDepthError, XmlSyntaxError, XmlTokenizer, type XmlAttr } from '../internal/xml.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';

interface Element {
  readonly tag: string;
  readonly attrs: readonly XmlAttr[];
  text: string;
  readonly children: Element[];
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i > 0 ? name.slice(i + 1) : name;
}

function toMap(root: Element): PMap {
  const out = new PMap();
  // An explicit stack: elements may nest 10,000 deep.
  const stack: [Element, PMap][] = [[root, out]];
  while (stack.length > 0) {
    const [el, m] = stack.pop()!;
    m.set('tag', el.tag);
    if (el.text !== '') m.set('content', el.text);
    if (el.attrs.length > 0) {
      const attrs = m.putEmptyMap('attributes');
      for (const a of el.attrs) attrs.set(localName(a.name), a.value);
    }
    if (el.children.length > 0) {
      const list = m.putEmptySlice('children');
      for (const c of el.children) stack.push([c, list.appendEmptyMap()]);
    }
  }
  return out;
}

/** Decodes the first element of `text` like Go's `Decoder.Decode` with upstream's element type. */
function decode(text: string): Element {
  const tokens = new XmlTokenizer(text);
  let tok;
  try {
    do tok = tokens.next();
    while (tok !== null && tok.kind !== 'start');
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new OttlError(`unmarshal xml: ${e.message}`);
    throw e;
  }
  if (tok === null) throw new OttlError('unmarshal xml: EOF');
  const root: Element = { tag: localName(tok.name), attrs: tok.attrs, text: '', children: [] };
  const open: Element[] = [root];
  try {
    while (open.length > 0) {
      // Never null here: the tokenizer reports `unexpected EOF` while elements are open.
      const t = tokens.next()!;
      const top = open[open.length - 1]!;
      switch (t.kind) {
        case 'start': {
          const child: Element = { tag: localName(t.name), attrs: t.attrs, text: '', children: [] };
          top.children.push(child);
          open.push(child);
          break;
        }
        case 'end':
          open.pop();
          break;
        case 'text':
          top.text += t.data.trim();
          break;
      }
    }
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new OttlError(`unmarshal xml: decode next token: ${e.message}`);
    if (e instanceof XmlDepthError) throw new OttlError(`unmarshal xml: ${e.message}`);
    throw e;
  }
  if (tokens.offset !== text.length) throw new OttlError('trailing bytes after parsing xml');
  return root;
}

export const definition: FunctionDef = {
  name: 'ParseXML',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'An XML document.' }],
  returns: 'map',
  doc: {
    category: 'xml',
    summary: 'Parses an XML document into a map of `tag`, `attributes`, `content` and `children`.',
    description:
      'Each element becomes `{tag, attributes?, content?, children?}`: `attributes` maps names to ' +
      'values, `content` joins the element\'s trimmed text chunks, `children` lists child ' +
      'elements in order. Comments, processing instructions and directives are ignored. Nesting ' +
      'deeper than 10,000 elements is an error.',
    returns: 'map',
    failures: [
      'Malformed XML: `unmarshal xml: decode next token: XML syntax error on line 1: unexpected EOF`.',
      'More than one root element or anything after it: `trailing bytes after parsing xml`.',
    ],
    examples: [
      {
        code: 'ParseXML("<Log><User id=\\"7\\">Joe</User><Text>alert</Text></Log>")',
        result: {
          tag: 'Log',
          children: [
            { tag: 'User', content: 'Joe', attributes: { id: '7' } },
            { tag: 'Text', content: 'alert' },
          ],
        },
      },
      { code: 'ParseXML("<Log></Log><Log></Log>")', error: 'trailing bytes after parsing xml' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    return (ctx) => toMap(decode(target.get(ctx)));
  },
};
