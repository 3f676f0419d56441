/**
 * `InsertXML(target, xpath, subDocument)` (upstream `ottlfuncs/func_insert_xml.go`): appends the nodes
 * of the document `subDocument` as the last children of every element (or the document) the XPath
 * selects, and returns the edited document.
 */
import { compileXPathArgument, parseXmlTarget } from '../internal/xmlFunctions.js';
import { outputXml } from '../internal/xml.js';
import type { FunctionDef, Getter } from '../../types/signature.js';
import { OttlError } from '../../types/values.js';

export const definition: FunctionDef = {
  name: 'InsertXML',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'The XML document to edit.' },
    { name: 'xpath', kind: { kind: 'literal', type: 'string' }, description: 'An XPath 1.0 expression selecting elements.' },
    { name: 'subDocument', kind: { kind: 'getter', type: 'string' }, description: 'The XML to insert.' },
  ],
  returns: 'string',
  doc: {
    category: 'xml',
    summary: 'Inserts XML as the last children of the elements an XPath expression selects.',
    description: 'Use `/` to add top-level nodes. Every selected element gets its own copy of `subDocument`.',
    returns: 'string',
    failures: [
      'An invalid XPath fails when the statement is parsed (`invalid xpath: …`).',
      '`target` or `subDocument` is not well-formed XML (`parse xml: …`).',
      'The XPath selects something other than an element: `InsertXML XPath selected non-element: "…"`.',
    ],
    examples: [
      { code: 'InsertXML("<a></a><a><b/></a>", "/a", "<c/>")', result: '<a><c></c></a><a><b></b><c></c></a>' },
      { code: 'InsertXML("<a/>", "/", "<b/>")', result: '<a></a><b></b>' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const xpath = compileXPathArgument(args[1] as string);
    const value = args[2] as Getter<string>;
    return (ctx) => {
      const doc = parseXmlTarget(target.get(ctx));
      const sub = parseXmlTarget(value.get(ctx));
      const errors: string[] = [];
      for (const n of xpath.select(doc)) {
        if (n.type === 'element' || n.type === 'document') {
          for (const c of sub.children) n.appendChild(c.clone());
        } else {
          errors.push(`InsertXML XPath selected non-element: ${JSON.stringify(n.type === 'attribute' ? n.localName : n.value)}`);
        }
      }
      if (errors.length > 0) throw new OttlError(errors.join('\n'));
      return outputXml(doc);
    };
  },
};
