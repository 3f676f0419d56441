// JSON text → plain JS values, keeping integer literals past 2^53 exact (as bigint). Uses
// JSON.parse when the text has no number literal long enough to lose precision.
import { PdataDecodeError } from '../errors.js';

/** A number literal after `:`, `,` or `[` with 16+ digits/dots: it may not survive JSON.parse. */
const LONG_NUMBER = /[:,[]\s*-?[0-9][0-9.]{15,}/;

/** Parses JSON text; integer literals with more than 15 digits become bigint. */
export function parseJson(text: string, maxNesting: number): unknown {
  if (!LONG_NUMBER.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // fall through: the exact parser reports where the text is malformed
    }
  }
  return new Parser(text, maxNesting).parseDocument();
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly s: string,
    private readonly maxNesting: number,
  ) {}

  private fail(msg: string, at = this.i): never {
    throw new PdataDecodeError('invalid-json', msg, { offset: at });
  }

  private ws(): void {
    const s = this.s;
    let i = this.i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
  }

  parseDocument(): unknown {
    this.ws();
    const v = this.value();
    this.ws();
    if (this.i !== this.s.length) this.fail('unexpected text after the JSON value');
    return v;
  }

  private value(): unknown {
    const c = this.s.charCodeAt(this.i);
    switch (c) {
      case 0x7b:
        return this.object();
      case 0x5b:
        return this.array();
      case 0x22:
        return this.string();
      case 0x74:
        return this.literal('true', true);
      case 0x66:
        return this.literal('false', false);
      case 0x6e:
        return this.literal('null', null);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        return this.fail(Number.isNaN(c) ? 'unexpected end of JSON' : `unexpected character ${JSON.stringify(this.s[this.i])}`);
    }
  }

  private enter(): void {
    if (++this.depth > this.maxNesting) throw new PdataDecodeError('too-deep', `JSON nesting deeper than ${this.maxNesting}`, { offset: this.i });
  }

  private object(): Record<string, unknown> {
    this.enter();
    this.i++;
    const out: Record<string, unknown> = {};
    this.ws();
    if (this.s.charCodeAt(this.i) === 0x7d) {
      this.i++;
      this.depth--;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s.charCodeAt(this.i) !== 0x22) this.fail('expected a string key');
      const key = this.string();
      this.ws();
      if (this.s.charCodeAt(this.i) !== 0x3a) this.fail("expected ':'");
      this.i++;
      this.ws();
      const v = this.value();
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
      this.ws();
      const c = this.s.charCodeAt(this.i);
      this.i++;
      if (c === 0x2c) continue;
      if (c === 0x7d) break;
      this.fail("expected ',' or '}'", this.i - 1);
    }
    this.depth--;
    return out;
  }

  private array(): unknown[] {
    this.enter();
    this.i++;
    const out: unknown[] = [];
    this.ws();
    if (this.s.charCodeAt(this.i) === 0x5d) {
      this.i++;
      this.depth--;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value());
      this.ws();
      const c = this.s.charCodeAt(this.i);
      this.i++;
      if (c === 0x2c) continue;
      if (c === 0x5d) break;
      this.fail("expected ',' or ']'", this.i - 1);
    }
    this.depth--;
    return out;
  }

  private literal<T>(word: string, v: T): T {
    if (!this.s.startsWith(word, this.i)) this.fail('invalid literal');
    this.i += word.length;
    return v;
  }

  private number(): number | bigint {
    const s = this.s;
    const start = this.i;
    let i = start;
    if (s.charCodeAt(i) === 0x2d) i++;
    const intStart = i;
    if (s.charCodeAt(i) === 0x30) i++;
    else if (s.charCodeAt(i) >= 0x31 && s.charCodeAt(i) <= 0x39) while (s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
    else this.fail('invalid number', start);
    const intDigits = i - intStart;
    let integral = true;
    if (s.charCodeAt(i) === 0x2e) {
      integral = false;
      i++;
      const d = i;
      while (s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
      if (i === d) this.fail('invalid number', start);
    }
    const e = s.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      integral = false;
      i++;
      if (s.charCodeAt(i) === 0x2b || s.charCodeAt(i) === 0x2d) i++;
      const d = i;
      while (s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
      if (i === d) this.fail('invalid number', start);
    }
    this.i = i;
    const text = s.slice(start, i);
    return integral && intDigits > 15 ? BigInt(text) : Number(text);
  }

  private string(): string {
    const s = this.s;
    let i = this.i + 1;
    let out = '';
    let chunk = i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x22) break;
      if (Number.isNaN(c)) this.fail('unterminated string', this.i);
      if (c < 0x20) this.fail('control character in string', i);
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += s.slice(chunk, i);
      const e = s.charCodeAt(i + 1);
      i += 2;
      switch (e) {
        case 0x22:
          out += '"';
          break;
        case 0x5c:
          out += '\\';
          break;
        case 0x2f:
          out += '/';
          break;
        case 0x62:
          out += '\b';
          break;
        case 0x66:
          out += '\f';
          break;
        case 0x6e:
          out += '\n';
          break;
        case 0x72:
          out += '\r';
          break;
        case 0x74:
          out += '\t';
          break;
        case 0x75: {
          const hex = s.slice(i, i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape', i - 2);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
          break;
        }
        default:
          this.fail('invalid escape', i - 2);
      }
      chunk = i;
    }
    out += s.slice(chunk, i);
    this.i = i + 1;
    return out;
  }
}
