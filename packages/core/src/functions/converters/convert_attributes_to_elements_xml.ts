/**
 * `ConvertAttributesToElementsXML(target, xpath?)` (upstream
 * `ottlfuncs/func_convert_attributes_to_elements_xml.go`): every attribute the XPath selects
 * (default `//@*`, all of them) becomes a child element named after the attribute's local name,
 * appended after the element's existing children.
 */
import { compileXPathArgument, parseXmlTarget } from '../internal/xmlFunctions.js';
import { XmlNode, outputXml } from '../internal/xml.js';
import type { FunctionDef, Getter } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'ConvertAttributesToElementsXML',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'The XML document to edit.' },
    {
      name: 'xpath',
      kind: { kind: 'literal', type: 'string' },
      optional: true,
      default: '`//@*` (every attribute)',
      description: 'An XPath 1.0 expression selecting the attributes to convert.',
    },
  ],
  returns: 'string',
  doc: {
    category: 'xml',
    summary: 'Turns XML attributes into child elements.',
    description: 'Only selected attribute nodes are converted; an XPath that selects elements changes nothing.',
    returns: 'string',
    failures: [
      'An invalid XPath fails when the statement is parsed (`invalid xpath: …`).',
      '`target` is not well-formed XML (`parse xml: …`).',
    ],
    examples: [
      {
        code: 'ConvertAttributesToElementsXML("<a foo=\\"bar\\" hello=\\"world\\"><b/></a>")',
        result: '<a><b></b><foo>bar</foo><hello>world</hello></a>',
      },
      {
        code: 'ConvertAttributesToElementsXML("<a id=\\"1\\"><b id=\\"2\\"/></a>", "/a/b/@id")',
        result: '<a id="1"><b><id>2</id></b></a>',
      },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const given = args[1] as string | undefined;
    const xpath = compileXPathArgument(given === undefined || given === '' ? '//@*' : given);
    return (ctx) => {
      const doc = parseXmlTarget(target.get(ctx));
      for (const n of xpath.select(doc)) {
        if (n.type !== 'attribute' || n.parent === null) continue;
        const element = new XmlNode('element', n.localName);
        element.appendChild(new XmlNode('text', '', n.value));
        const owner = n.parent;
        n.remove();
        owner.appendChild(element);
      }
      return outputXml(doc);
    };
  },
};
