/**
 * What the XML converters share: XPath arguments compiled when the statement is parsed, and
 * documents parsed per item with upstream's error wording (`invalid xpath: …`, `parse xml: …`).
 */
import { OttlCreateError, OttlError } from '../../types/values.js';
import { compileXPath, type XPath } from './xpath.js';
import { parseXmlDocument, type XmlNode } from './xml.js';

/** Compiles a literal XPath argument; an invalid one is a configuration error. */
export function compileXPathArgument(xpath: string): XPath {
  try {
    return compileXPath(xpath);
  } catch (e) {
    throw new OttlCreateError(`invalid xpath: ${(e as Error).message}`);
  }
}

/** Parses a document for the xmlquery-based converters (upstream `parseNodesXML`). */
export function parseXmlTarget(text: string): XmlNode {
  try {
    return parseXmlDocument(text);
  } catch (e) {
    throw new OttlError(`parse xml: ${(e as Error).message}`);
  }
}
