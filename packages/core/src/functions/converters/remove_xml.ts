/**
 * `RemoveXML(target, xpath)` (upstream `ottlfuncs/func_remove_xml.go`): removes the elements,
 * attributes, comments and CDATA sections an XPath selects, empties selected text, and returns
 * the edited document. An empty target returns an empty string.
 */
import { compileXPathArgument, parseXmlTarget } from '../internal/xmlFunctions.js';
import { outputXml } from '../internal/xml.js';
import type { FunctionDef, Getter } from '../../types/signature.js';

export const definition: FunctionDef = {
  name: 'RemoveXML',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'The XML document to edit.' },
    { name: 'xpath', kind: { kind: 'literal', type: 'string' }, description: 'An XPath 1.0 expression selecting what to remove.' },
  ],
  returns: 'string',
  doc: {
    category: 'xml',
    summary: 'Removes the nodes an XPath expression selects from an XML document.',
    returns: 'string',
    failures: [
      'An invalid XPath fails when the statement is parsed (`invalid xpath: …`).',
      '`target` is not well-formed XML (`parse xml: …`).',
    ],
    examples: [
      { code: 'RemoveXML("<a><b foo=\\"bar\\"/><b foo=\\"baz\\"/></a>", "/a/b[@foo=\'bar\']")', result: '<a><b foo="baz"></b></a>' },
      { code: 'RemoveXML("<a foo=\\"bar\\"><!-- note --></a>", "//comment() | //@foo")', result: '<a></a>' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const xpath = compileXPathArgument(args[1] as string);
    return (ctx) => {
      const text = target.get(ctx);
      if (text === '') return '';
      const doc = parseXmlTarget(text);
      for (const n of xpath.select(doc)) {
        switch (n.type) {
          case 'element':
          case 'attribute':
          case 'comment':
          case 'cdata':
            n.remove();
            break;
          case 'text':
            n.value = '';
            break;
        }
      }
      return outputXml(doc);
    };
  },
};
