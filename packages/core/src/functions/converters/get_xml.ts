/**
 * `GetXML(target, xpath)` (upstream `ottlfuncs/func_get_xml.go`): the XML text of the nodes an
 * XPath selects, concatenated. Elements and text are serialized as they are; attributes and CDATA
 * contribute their text (escaped); other nodes are skipped.
 */
import { compileXPathArgument, parseXmlTarget } from '../internal/xmlFunctions.js';
import { XmlNode, outputXml } from '../internal/xml.js';
import type { FunctionDef, Getter } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'GetXML',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'An XML document.' },
    { name: 'xpath', kind: { kind: 'literal', type: 'string' }, description: 'An XPath 1.0 expression selecting nodes.' },
  ],
  returns: 'string',
  doc: {
    category: 'xml',
    summary: 'Returns the XML of the nodes an XPath expression selects.',
    description:
      'Selected elements and text nodes are serialized one after the other (empty elements as ' +
      '`<a></a>`); a selected attribute or CDATA section contributes its text. An XML declaration ' +
      'is kept only when the document starts with one.',
    returns: 'string',
    failures: [
      'An invalid XPath fails when the statement is parsed (`invalid xpath: …`).',
      '`target` is not a string, or not well-formed XML (`parse xml: XML syntax error on line …`).',
    ],
    examples: [
      { code: 'GetXML("<a><b>1</b><c/><b>2</b></a>", "/a/b")', result: '<b>1</b><b>2</b>' },
      { code: 'GetXML("<a foo=\\"bar\\"/>", "/a/@foo")', result: 'bar' },
      { code: 'GetXML("<a><![CDATA[hello]]></a>", "/a/text()")', result: 'hello' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const xpath = compileXPathArgument(args[1] as string);
    return (ctx) => {
      const doc = parseXmlTarget(target.get(ctx));
      const result = new XmlNode('document', '');
      for (const n of xpath.select(doc)) {
        switch (n.type) {
          case 'element':
          case 'text':
            result.appendChild(n);
            break;
          case 'attribute':
          case 'cdata':
            result.appendChild(new XmlNode('text', '', n.innerText()));
            break;
        }
      }
      return outputXml(result);
    };
  },
};
