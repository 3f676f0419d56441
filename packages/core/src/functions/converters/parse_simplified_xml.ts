/**
 * `ParseSimplifiedXML(target)` (upstream `ottlfuncs/func_parse_simplified_xml.go`): XML as a map
 * of element names to values, without attributes or extraneous text. Leaf elements become
 * strings (their first text or CDATA, untrimmed), elements with child elements become maps,
 * sibling elements sharing a name become a list; empty elements are dropped but still turn
 * their name into a list.
 */
import { PMap, PSlice } from '@ottl/pdata';
import { parseXmlTarget } from '../internal/xmlFunctions.js';
import type { XmlNode } from '../internal/xml.js';
import type { FunctionDef, Getter } from '../../types/signature.js';

/** The text of an element without child elements (its first text or CDATA child), else ''. */
function leafValue(node: XmlNode): string {
  if (node.children.some((c) => c.type === 'element')) return '';
  return node.children.find((c) => c.type === 'text' || c.type === 'cdata')?.value ?? '';
}

/** Upstream `parseElement`: the children of `parent` into `into`, in document order. */
function parseElement(parent: XmlNode, into: PMap): void {
  const counts = new Map<string, number>();
  for (const c of parent.children) if (c.type === 'element') counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  if (counts.size === 0) return;
  for (const child of parent.children) {
    if (child.type !== 'element' || child.children.length === 0) continue;
    const leaf = leafValue(child);
    if (counts.get(child.name)! > 1) {
      const existing = into.get(child.name);
      const list = existing instanceof PSlice ? existing : into.putEmptySlice(child.name);
      if (leaf !== '') {
        list.append(leaf);
        continue;
      }
      const map = new PMap();
      parseElement(child, map);
      if (map.size > 0) map.moveTo(list.appendEmptyMap());
      continue;
    }
    if (leaf !== '') {
      into.set(child.name, leaf);
      continue;
    }
    const map = new PMap();
    parseElement(child, map);
    if (map.size > 0) map.moveTo(into.putEmptyMap(child.name));
  }
}

export const definition: FunctionDef = {
  name: 'ParseSimplifiedXML',
  params: [{ name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'An XML document.' }],
  returns: 'map',
  doc: {
    category: 'xml',
    summary: 'Parses XML into a map of element names to values, dropping attributes and extraneous text.',
    description:
      'Elements holding text become strings, elements holding elements become maps, repeated ' +
      'sibling names become lists, and empty elements are dropped (but still make their name a ' +
      'list). Declarations, comments, attributes and text beside elements are ignored. Nesting ' +
      'deeper than 10,000 elements is an error.',
    returns: 'map',
    failures: ['`target` is not well-formed XML (`parse xml: …`) or nests too deep.'],
    examples: [
      {
        code: 'ParseSimplifiedXML("<event><id>1</id><tag>a</tag><tag>b</tag><detail><user>jane</user></detail></event>")',
        result: { event: { id: '1', tag: ['a', 'b'], detail: { user: 'jane' } } },
      },
      { code: 'ParseSimplifiedXML("<a><b>1</b><b/></a>")', result: { a: { b: ['1'] } } },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    return (ctx) => {
      const doc = parseXmlTarget(target.get(ctx));
      const out = new PMap();
      parseElement(doc, out);
      return out;
    };
  },
};
