/**
 * `ConvertTextToElementsXML(target, xpath?, elementName?)` (upstream
 * `ottlfuncs/func_convert_text_to_elements_xml.go`): within the nodes the XPath selects (default
 * `/`, the whole document), every text node that shares its parent with other text or elements
 * is wrapped in an element named `elementName` (default `value`). CDATA is left alone.
 */
import { compileXPathArgument, parseXmlTarget } from '../internal/xmlFunctions.js';
import { XmlNode, outputXml } from '../internal/xml.js';
import type { FunctionDef, Getter } from '../../types/signature.js';

/** Wraps mixed text below `root` (upstream `ConvertTextToElementsForNode`), depth-first. */
function wrapText(root: XmlNode, elementName: string): void {
  const stack: XmlNode[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    if ((parent.type !== 'element' && parent.type !== 'document') || parent.children.length === 0) continue;
    let texts = 0;
    let elements = 0;
    for (const child of parent.children) {
      if (child.type === 'element') {
        stack.push(child);
        elements++;
      } else if (child.type === 'text') {
        texts++;
      }
    }
    if (texts === 0 || texts + elements <= 1) continue;
    parent.children.forEach((child, i) => {
      if (child.type !== 'text') return;
      const wrapper = new XmlNode('element', elementName);
      wrapper.parent = parent;
      parent.children[i] = wrapper;
      child.parent = null;
      wrapper.appendChild(child);
    });
  }
}

export const definition: FunctionDef = {
  name: 'ConvertTextToElementsXML',
  params: [
    { name: 'target', kind: { kind: 'getter', type: 'string' }, description: 'The XML document to edit.' },
    {
      name: 'xpath',
      kind: { kind: 'literal', type: 'string' },
      optional: true,
      default: '`/` (the whole document)',
      description: 'An XPath 1.0 expression selecting where to convert.',
    },
    {
      name: 'elementName',
      kind: { kind: 'literal', type: 'string' },
      optional: true,
      default: '`value`',
      description: 'The name of the wrapping elements.',
    },
  ],
  returns: 'string',
  doc: {
    category: 'xml',
    summary: 'Wraps text that sits beside other elements or text in dedicated elements.',
    description:
      'An element whose only content is one text node is left as it is. Whitespace between ' +
      'elements counts as text, as upstream.',
    returns: 'string',
    failures: [
      'An invalid XPath fails when the statement is parsed (`invalid xpath: …`).',
      '`target` is not well-formed XML (`parse xml: …`).',
    ],
    examples: [
      { code: 'ConvertTextToElementsXML("<a>foo<b/>bar</a>")', result: '<a><value>foo</value><b></b><value>bar</value></a>' },
      { code: 'ConvertTextToElementsXML("<a><b/>foo</a>", elementName = "text")', result: '<a><b></b><text>foo</text></a>' },
    ],
  },
  create(args) {
    const target = args[0] as Getter<string>;
    const given = args[1] as string | undefined;
    const xpath = compileXPathArgument(given === undefined || given === '' ? '/' : given);
    const name = args[2] as string | undefined;
    const elementName = name === undefined || name === '' ? 'value' : name;
    return (ctx) => {
      const doc = parseXmlTarget(target.get(ctx));
      for (const n of xpath.select(doc)) wrapText(n, elementName);
      return outputXml(doc);
    };
  },
};
