import { describe, expect, test } from 'vitest';
import { PMap } from '@ottl/pdata';
import { FUNCTIONS } from '../catalog/time_xml_context.js';
import { definition as GetXML } from '../converters/get_xml.js';
import { definition as InsertXML } from '../converters/insert_xml.js';
import { definition as RemoveXML } from '../converters/remove_xml.js';
import { definition as ConvertAttributesToElementsXML } from '../converters/convert_attributes_to_elements_xml.js';
import { definition as ConvertTextToElementsXML } from '../converters/convert_text_to_elements_xml.js';
import { definition as ParseXML } from '../converters/parse_xml.js';
import { definition as ParseSimplifiedXML } from '../converters/parse_simplified_xml.js';
import { compileXPath } from '../internal/xpath.js';
import { outputXml, parseXmlDocument } from '../internal/xml.js';
import { conformanceCases, encode, expectCaseFails, runCall } from './conformanceCalls.js';
import type { FunctionDef } from '../../types/signature.js';

const XML_DEFS: FunctionDef[] = [
  GetXML,
  InsertXML,
  RemoveXML,
  ConvertAttributesToElementsXML,
  ConvertTextToElementsXML,
  ParseXML,
  ParseSimplifiedXML,
];
const DEFS = new Map(XML_DEFS.map((d) => [d.name, d]));

describe('XML conformance cases (funcs.jsonl, funcs2.jsonl)', () => {
  const cases = conformanceCases(XML_DEFS.map((d) => d.name));
  test('are present', () => {
    expect(cases.length).toBeGreaterThan(80);
  });
  test.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    if (c.expect.ok) {
      const result = runCall(c.args_ottl, DEFS);
      if ('value' in c.expect) expect(encode(result)).toEqual(c.expect.value);
      return;
    }
    expectCaseFails(c, DEFS);
  });
});

describe('xmlquery-style serialization', () => {
  const roundTrip = (s: string): string => outputXml(parseXmlDocument(s));
  test.each([
    ['<a><b/></a>', '<a><b></b></a>'],
    ['<?xml version="1.0"?>\n<a x=\'1\'>t &amp; &lt;u&gt; "q"</a>', '<?xml version="1.0"?>\n<a x="1">t &amp; &lt;u&gt; &#34;q&#34;</a>'],
    ['<a>  keep  </a>', '<a>  keep  </a>'],
    ['<a xml:space="default">  trim  <b> x </b></a>', '<a xml:space="default">trim<b>x</b></a>'],
    ['<a><!-- c --><![CDATA[<raw>]]></a>', '<a><!-- c --><![CDATA[<raw>]]></a>'],
    ['<!DOCTYPE a><x:a xmlns:x="urn:x"><x:b/></x:a>', '<x:a xmlns:x="urn:x"><x:b></x:b></x:a>'],
  ])('%s', (input, output) => {
    expect(roundTrip(input)).toBe(output);
  });

  test.each([
    ['<a>', 'XML syntax error on line 1: unexpected EOF'],
    ['<a></b>', 'XML syntax error on line 1: element <a> closed by </b>'],
    ['<a>\n&nope;</a>', 'XML syntax error on line 2: invalid character entity &nope;'],
    ['<a b=c/>', 'unquoted or missing attribute value in element'],
    ['<x:a/>', 'xmlquery: invalid XML document, namespace is missing'],
  ])('rejects %s', (input, message) => {
    expect(() => parseXmlDocument(input)).toThrow(message);
  });

  test('bounds nesting at 10000 elements without overflowing the stack', () => {
    const deep = (n: number): string => '<a>'.repeat(n) + '</a>'.repeat(n);
    expect(roundTrip(deep(10_000))).toHaveLength(70_000);
    expect(() => parseXmlDocument(deep(10_001))).toThrow('exceeded maximum XML nesting depth');
  });
});

describe('XPath 1.0', () => {
  const doc = parseXmlDocument(
    '<lib><book id="1" lang="en"><t>A</t><p>10</p></book><book id="2"><t>B</t><p>5</p></book><!--x--><mag id="3"/></lib>',
  );
  const sel = (xp: string): string[] =>
    compileXPath(xp)
      .select(doc)
      .map((n) => (n.type === 'attribute' ? `@${n.name}=${n.value}` : n.type === 'element' ? n.name : `${n.type}:${n.value}`));
  test.each([
    ['/lib/book', ['book', 'book']],
    ['//book[@id="2"]/t', ['t']],
    ['//book[p > 6]/@id', ['@id=1']],
    ['//*[@id][last()]', ['mag']],
    ['/lib/*[position() = 2]', ['book']],
    ['//t/text() | //comment()', ['text:A', 'text:B', 'comment:x']],
    ['//book[not(@lang)]/t', ['t']],
    ['//book[count(*) = 2 and sum(p) = 5]/@id', ['@id=2']],
    ['//t[. = "B"]/../following-sibling::*', ['mag']],
    ['//mag/preceding-sibling::book[1]/@id', ['@id=2']],
    ['//book[starts-with(t, "A") or contains(concat(t, "x"), "Bx")]/@id', ['@id=1', '@id=2']],
    ['//p[. * 2 = 20]', ['p']],
    ['//book[@id mod 2 = 0]/t', ['t']],
    ['//mag/ancestor::*', ['lib']],
    ['count(//book)', []],
  ])('%s', (xp, expected) => {
    expect(sel(xp)).toEqual(expected);
  });
  test.each(['!', '//a[', '/a/b)', 'foo(', 'unknown()', '$x'])('rejects %s', (xp) => {
    expect(() => compileXPath(xp)).toThrow();
  });
});

describe('definitions', () => {
  test('are in the catalogue', () => {
    for (const d of XML_DEFS) expect(FUNCTIONS).toContain(d);
  });
  test('ParseXML keeps document order of children and attributes', () => {
    const m = runCall('ParseXML("<a x=\\"1\\" y=\\"2\\"><b/><c>t</c></a>")', DEFS) as PMap;
    expect(m.toRaw()).toEqual({ tag: 'a', attributes: { x: '1', y: '2' }, children: [{ tag: 'b' }, { tag: 'c', content: 't' }] });
  });
});
