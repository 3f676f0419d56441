/**
 * XML for the XML converters: a tokenizer with the strictness and messages of Go's
 * `encoding/xml` decoder, a document tree in the shape upstream's `xmlquery` builds, and its
 * serializer (`OutputXML`). Written for OTTL; no DOM, browser-safe.
 *
 * Callers may rely on:
 * - {@link XmlSyntaxError} messages read `XML syntax error on line N: …` like Go's;
 * - nesting deeper than {@link MAX_XML_DEPTH} elements is an error (upstream bounds it too);
 * - the tree keeps text, CDATA, comments and processing instructions in document order;
 *   `<!DOCTYPE …>`-style directives are dropped, as `xmlquery` does.
 */

/** Upstream's `maxXMLElementDepth` (Go `encoding/xml`'s unmarshal depth limit). */
const MAX_XML_DEPTH = 10_000;

/** A malformed document; `message` is Go's `xml.SyntaxError` text. */
export class XmlSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`XML syntax error on line ${line}: ${detail}`);
  }
}

/** A document nested deeper than {@link MAX_XML_DEPTH}. */
export class XmlDepthError extends Error {
  constructor() {
    super(`exceeded maximum XML nesting depth of ${MAX_XML_DEPTH}`);
  }
}

export interface XmlAttr {
  /** The qualified name as written (`id`, `xml:lang`, `xmlns:x`). */
  readonly name: string;
  readonly value: string;
}

export type XmlToken =
  | { readonly kind: 'start'; readonly name: string; readonly attrs: XmlAttr[]; readonly selfClosing: boolean }
  | { readonly kind: 'end'; readonly name: string }
  | { readonly kind: 'text'; readonly data: string; readonly cdata: boolean }
  | { readonly kind: 'comment'; readonly data: string }
  | { readonly kind: 'procinst'; readonly target: string; readonly inst: string }
  | { readonly kind: 'directive'; readonly data: string };

const NAME_START = /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDFFF]/;
const NAME_CHAR = /[-.0-9\u00B7\u0300-\u036F\u203F-\u2040A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDFFF]/;

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/**
 * Go's `xml.Decoder.Token` in strict mode: one token at a time, end tags checked against start
 * tags, entities decoded, CDATA sections as separate text tokens. `null` at the end of input.
 */
export class XmlTokenizer {
  private pos = 0;
  private readonly stack: string[] = [];
  private pendingEnd: string | undefined;

  constructor(private readonly src: string) {}

  /** Characters consumed so far (Go's `InputOffset`). */
  get offset(): number {
    return this.pos;
  }

  /** Open elements. */
  get depth(): number {
    return this.stack.length;
  }

  private error(detail: string): XmlSyntaxError {
    let line = 1;
    for (let i = 0; i < this.pos && i < this.src.length; i++) if (this.src.charCodeAt(i) === 10) line++;
    return new XmlSyntaxError(line, detail);
  }

  private eof(): XmlSyntaxError {
    return this.error('unexpected EOF');
  }

  next(): XmlToken | null {
    if (this.pendingEnd !== undefined) {
      const name = this.pendingEnd;
      this.pendingEnd = undefined;
      this.stack.pop();
      return { kind: 'end', name };
    }
    const src = this.src;
    if (this.pos >= src.length) {
      if (this.stack.length > 0) throw this.eof();
      return null;
    }
    if (src[this.pos] !== '<') return this.text();
    const c1 = src[this.pos + 1];
    if (c1 === undefined) {
      this.pos++;
      throw this.eof();
    }
    if (c1 === '/') return this.endTag();
    if (c1 === '?') return this.procInst();
    if (c1 === '!') return this.bang();
    return this.startTag();
  }

  private text(): XmlToken {
    const src = this.src;
    let out = '';
    let i = this.pos;
    while (i < src.length && src[i] !== '<') {
      const ch = src[i]!;
      if (ch === '&') {
        this.pos = i;
        const [decoded, end] = this.entity(i);
        out += decoded;
        i = end;
        continue;
      }
      if (ch === '\r') {
        // Go normalizes \r\n and lone \r to \n.
        out += '\n';
        i += src[i + 1] === '\n' ? 2 : 1;
        continue;
      }
      out += ch;
      i++;
    }
    this.pos = i;
    return { kind: 'text', data: out, cdata: false };
  }

  /** Decodes the entity at `at` (`&…;`); returns the text and the index after it. */
  private entity(at: number): [string, number] {
    const src = this.src;
    const semi = src.indexOf(';', at);
    const body = semi < 0 ? src.slice(at + 1, Math.min(src.length, at + 12)) : src.slice(at + 1, semi);
    if (semi >= 0 && /^#[0-9]+$/.test(body)) return [String.fromCodePoint(Number(body.slice(1))), semi + 1];
    if (semi >= 0 && /^#x[0-9a-fA-F]+$/.test(body)) return [String.fromCodePoint(parseInt(body.slice(2), 16)), semi + 1];
    if (semi >= 0 && ENTITIES[body] !== undefined && /^[a-z]+$/.test(body)) return [ENTITIES[body]!, semi + 1];
    const shown = semi >= 0 && semi - at < 40 ? src.slice(at, semi + 1) : src.slice(at, at + 1 + (body.match(/^[#A-Za-z0-9]*/)?.[0].length ?? 0));
    this.pos = at;
    throw this.error(`invalid character entity ${shown}${shown.endsWith(';') ? '' : ' (no semicolon)'}`);
  }

  private name(): string {
    const src = this.src;
    const start = this.pos;
    if (this.pos >= src.length) throw this.eof();
    if (!NAME_START.test(src[this.pos]!)) return '';
    this.pos++;
    while (this.pos < src.length && NAME_CHAR.test(src[this.pos]!)) this.pos++;
    return src.slice(start, this.pos);
  }

  private skipSpace(): void {
    while (isSpace(this.src[this.pos])) this.pos++;
  }

  private startTag(): XmlToken {
    this.pos++; // <
    const name = this.name();
    if (name === '') throw this.error('expected element name after <');
    const attrs: XmlAttr[] = [];
    for (;;) {
      this.skipSpace();
      const ch = this.src[this.pos];
      if (ch === undefined) throw this.eof();
      if (ch === '/') {
        this.pos++;
        if (this.src[this.pos] === undefined) throw this.eof();
        if (this.src[this.pos] !== '>') throw this.error('expected /> in element');
        this.pos++;
        this.push(name);
        this.pendingEnd = name;
        return { kind: 'start', name, attrs, selfClosing: true };
      }
      if (ch === '>') {
        this.pos++;
        this.push(name);
        return { kind: 'start', name, attrs, selfClosing: false };
      }
      const attrName = this.name();
      if (attrName === '') throw this.error('expected attribute name in element');
      this.skipSpace();
      if (this.src[this.pos] === undefined) throw this.eof();
      if (this.src[this.pos] !== '=') throw this.error('attribute name without = in element');
      this.pos++;
      this.skipSpace();
      const quote = this.src[this.pos];
      if (quote === undefined) throw this.eof();
      if (quote !== '"' && quote !== "'") throw this.error('unquoted or missing attribute value in element');
      this.pos++;
      let value = '';
      for (;;) {
        const c = this.src[this.pos];
        if (c === undefined) throw this.eof();
        if (c === quote) {
          this.pos++;
          break;
        }
        if (c === '<') throw this.error(`unescaped < inside quoted string`);
        if (c === '&') {
          const [decoded, end] = this.entity(this.pos);
          value += decoded;
          this.pos = end;
          continue;
        }
        value += c === '\r' ? '\n' : c;
        this.pos++;
      }
      attrs.push({ name: attrName, value });
    }
  }

  private push(name: string): void {
    if (this.stack.length >= MAX_XML_DEPTH) throw new XmlDepthError();
    this.stack.push(name);
  }

  private endTag(): XmlToken {
    this.pos += 2; // </
    const name = this.name();
    if (name === '') throw this.error('expected element name after </');
    this.skipSpace();
    if (this.src[this.pos] === undefined) throw this.eof();
    if (this.src[this.pos] !== '>') throw this.error(`invalid characters between </${name} and >`);
    this.pos++;
    const open = this.stack[this.stack.length - 1];
    if (open === undefined) throw this.error(`unexpected end element </${name}>`);
    if (open !== name) throw this.error(`element <${open}> closed by </${name}>`);
    this.stack.pop();
    return { kind: 'end', name };
  }

  private procInst(): XmlToken {
    this.pos += 2; // <?
    const target = this.name();
    if (target === '') throw this.error('expected target name after <?');
    const end = this.src.indexOf('?>', this.pos);
    if (end < 0) {
      this.pos = this.src.length;
      throw this.eof();
    }
    const inst = this.src.slice(this.pos, end).replace(/^[ \t\r\n]+/, '');
    this.pos = end + 2;
    if (target.toLowerCase() === 'xml') {
      const version = /version\s*=\s*["']([^"']*)["']/.exec(inst)?.[1];
      if (version !== undefined && version !== '1.0') {
        throw this.error(`unsupported version "${version}"; only version 1.0 is supported`);
      }
    }
    return { kind: 'procinst', target, inst };
  }

  private bang(): XmlToken {
    const src = this.src;
    if (src.startsWith('<!--', this.pos)) {
      const start = this.pos + 4;
      const end = src.indexOf('--', start);
      if (end < 0) {
        this.pos = src.length;
        throw this.eof();
      }
      if (src[end + 2] !== '>') {
        this.pos = end + 2;
        throw this.error('invalid sequence "--" not allowed in comments');
      }
      this.pos = end + 3;
      return { kind: 'comment', data: src.slice(start, end) };
    }
    if (src.startsWith('<![CDATA[', this.pos)) {
      const start = this.pos + 9;
      const end = src.indexOf(']]>', start);
      if (end < 0) {
        this.pos = src.length;
        throw this.eof();
      }
      this.pos = end + 3;
      return { kind: 'text', data: src.slice(start, end).replace(/\r\n?/g, '\n'), cdata: true };
    }
    if (src.startsWith('<![', this.pos)) {
      this.pos += 3;
      throw this.error('invalid <![ sequence');
    }
    // A directive (<!DOCTYPE …>, <!ELEMENT …>): up to the matching >, honouring quotes and nesting.
    let depth = 0;
    let quote = '';
    const start = this.pos + 2;
    for (let i = start; i < src.length; i++) {
      const ch = src[i]!;
      if (quote !== '') {
        if (ch === quote) quote = '';
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '<') depth++;
      else if (ch === '>') {
        if (depth === 0) {
          this.pos = i + 1;
          return { kind: 'directive', data: src.slice(start, i) };
        }
        depth--;
      }
    }
    this.pos = src.length;
    throw this.eof();
  }
}

// ---------------------------------------------------------------------------------------------
// The xmlquery-shaped tree

export type XmlNodeType = 'document' | 'declaration' | 'element' | 'text' | 'cdata' | 'comment' | 'attribute';

export class XmlNode {
  parent: XmlNode | null = null;
  readonly children: XmlNode[] = [];
  /** Element attributes (as attribute nodes whose parent is the element). */
  readonly attrs: XmlNode[] = [];

  constructor(
    public type: XmlNodeType,
    /** Element / attribute: qualified name; declaration: PI target; others: ''. */
    public name: string,
    /** Text, CDATA, comment: the content; attribute: the value. */
    public value = '',
  ) {}

  get prefix(): string {
    const i = this.name.indexOf(':');
    return i > 0 ? this.name.slice(0, i) : '';
  }

  get localName(): string {
    const i = this.name.indexOf(':');
    return i > 0 ? this.name.slice(i + 1) : this.name;
  }

  appendChild(child: XmlNode): void {
    if (child.parent !== null) child.remove();
    child.parent = this;
    this.children.push(child);
  }

  /** Detaches the node (an attribute from its element's attributes). */
  remove(): void {
    const p = this.parent;
    if (p === null) return;
    const list = this.type === 'attribute' ? p.attrs : p.children;
    const i = list.indexOf(this);
    if (i >= 0) list.splice(i, 1);
    this.parent = null;
  }

  attr(name: string): string | undefined {
    return this.attrs.find((a) => a.name === name)?.value;
  }

  setAttr(name: string, value: string): void {
    const a = new XmlNode('attribute', name, value);
    a.parent = this;
    this.attrs.push(a);
  }

  /** Deep copy without a parent. */
  clone(): XmlNode {
    const copy = new XmlNode(this.type, this.name, this.value);
    for (const a of this.attrs) copy.setAttr(a.name, a.value);
    for (const c of this.children) copy.appendChild(c.clone());
    return copy;
  }

  /** xmlquery's `InnerText`: the text and CDATA of the subtree (an attribute's value). */
  innerText(): string {
    if (this.type === 'attribute' || this.type === 'text' || this.type === 'cdata') return this.value;
    if (this.type === 'comment') return '';
    let out = '';
    const stack: XmlNode[] = [this];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.type === 'text' || n.type === 'cdata') out += n.value;
      else if (n.type !== 'comment') for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
    return out;
  }
}

/** xmlquery's error for an element prefix without an `xmlns:` declaration in scope. */
class XmlNamespaceError extends Error {
  constructor() {
    super('xmlquery: invalid XML document, namespace is missing');
  }
}

/**
 * Parses a document into the tree the xmlquery-based converters work on (upstream
 * `parseNodesXML`): several top-level elements and top-level text are allowed; an XML declaration
 * is kept only when the text starts with `<?xml`. Throws XmlSyntaxError, XmlDepthError or
 * XmlNamespaceError.
 */
export function parseXmlDocument(text: string): XmlNode {
  const doc = new XmlNode('document', '');
  const tokens = new XmlTokenizer(text);
  let current = doc;
  const scopes: Set<string>[] = [new Set(['xml', 'xmlns'])];
  for (let tok = tokens.next(); tok !== null; tok = tokens.next()) {
    switch (tok.kind) {
      case 'start': {
        const declared = new Set(scopes[scopes.length - 1]);
        for (const a of tok.attrs) if (a.name.startsWith('xmlns:')) declared.add(a.name.slice(6));
        const el = new XmlNode('element', tok.name);
        if (el.prefix !== '' && !declared.has(el.prefix)) throw new XmlNamespaceError();
        for (const a of tok.attrs) el.setAttr(a.name, a.value);
        current.appendChild(el);
        current = el;
        scopes.push(declared);
        break;
      }
      case 'end':
        current = current.parent!;
        scopes.pop();
        break;
      case 'text':
        current.appendChild(new XmlNode(tok.cdata ? 'cdata' : 'text', '', tok.data));
        break;
      case 'comment':
        current.appendChild(new XmlNode('comment', '', tok.data));
        break;
      case 'procinst': {
        const pi = new XmlNode('declaration', tok.target);
        // xmlquery splits the instruction on spaces into name="value" pairs.
        for (const pair of tok.inst.split(' ')) {
          const p = pair.trim();
          const eq = p.indexOf('=');
          if (eq > 0) pi.setAttr(p.slice(0, eq), p.slice(eq + 1).replace(/^"+|"+$/g, ''));
        }
        if (tok.target === 'xml' && current === doc && !text.startsWith('<?xml')) break;
        current.appendChild(pi);
        break;
      }
      case 'directive':
        break;
    }
  }
  return doc;
}

/** Go's `html.EscapeString`, which xmlquery applies to text and attribute values. */
function escapeXmlText(s: string): string {
  return s.replace(/[&<>'"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === "'" ? '&#39;' : '&#34;',
  );
}

function preserveSpaces(n: XmlNode, inherited: boolean): boolean {
  if (n.type !== 'element') return inherited;
  const space = n.attr('xml:space');
  return space === 'preserve' ? true : space === 'default' ? false : inherited;
}

/**
 * xmlquery's `OutputXML(false)`: the node's children (a document's top-level nodes) serialized
 * with explicit end tags (`<b></b>`), escaped text, CDATA and comments as written. Text keeps its
 * spaces unless an `xml:space="default"` scope trims it.
 */
export function outputXml(node: XmlNode): string {
  let out = '';
  // An explicit stack: documents may nest MAX_XML_DEPTH elements deep.
  type Frame = { node: XmlNode; preserve: boolean; close: boolean };
  const stack: Frame[] = [];
  const rootPreserve = preserveSpaces(node, true);
  for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, preserve: rootPreserve, close: false });
  while (stack.length > 0) {
    const { node: n, preserve: inherited, close } = stack.pop()!;
    if (close) {
      out += `</${n.name}>`;
      continue;
    }
    const preserve = preserveSpaces(n, inherited);
    switch (n.type) {
      case 'text':
        out += escapeXmlText(preserve ? n.value : n.value.trim());
        continue;
      case 'cdata':
        out += `<![CDATA[${n.value}]]>`;
        continue;
      case 'comment':
        out += `<!--${n.value}-->`;
        continue;
      case 'attribute':
        continue;
    }
    out += (n.type === 'declaration' ? '<?' : '<') + n.name;
    for (const a of n.attrs) out += ` ${a.name}="${escapeXmlText(a.value)}"`;
    out += n.type === 'declaration' ? '?>' : '>';
    if (n.type === 'element') stack.push({ node: n, preserve, close: true });
    for (let i = n.children.length - 1; i >= 0; i--) stack.push({ node: n.children[i]!, preserve, close: false });
  }
  return out;
}
