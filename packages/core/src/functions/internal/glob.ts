/**
 * Glob patterns as `replace_match` / `replace_all_matches` use them (gobwas/glob compiled without
 * separators): a glob matches a whole string; `*` is any run of characters (it crosses `/`), `?`
 * one character, `[abc]` / `[a-z]` a class, `[!abc]` a negated class, `{a,b*}` alternatives
 * (which may nest and hold globs), and `\x` the character `x` itself. Every other character
 * stands for itself.
 *
 * Globs are translated to anchored RE2 programs, so matching is linear in the input.
 */
import type { Getter } from '../../types/signature.js';
import { compileRegex, dynamicPattern, type DynamicPattern, type OttlRegex } from './regex.js';

/** A glob that cannot be compiled; the message says where and why. */
export class GlobSyntaxError extends Error {
  override readonly name = 'GlobSyntaxError';
}

export interface Glob {
  readonly source: string;
  /** Does the whole of `s` match? */
  match(s: string): boolean;
}

function quoteChar(ch: string): string {
  return /[\\.+*?()|[\]{}^$-]/.test(ch) ? '\\' + ch : ch;
}

class GlobTranslator {
  private pos = 0;
  constructor(private readonly src: string) {}

  translate(): string {
    const out = this.sequence(false);
    if (this.pos < this.src.length) throw this.error(`unexpected '${this.src[this.pos]}'`);
    return out;
  }

  private error(why: string): GlobSyntaxError {
    return new GlobSyntaxError(`invalid glob ${JSON.stringify(this.src)} at offset ${this.pos}: ${why}`);
  }

  /** Characters until the end, or (inside braces) until an unescaped `,` or `}`. */
  private sequence(inBraces: boolean): string {
    let out = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (inBraces && (ch === ',' || ch === '}')) return out;
      this.pos++;
      switch (ch) {
        case '*':
          out += '(?s:.*)';
          break;
        case '?':
          out += '(?s:.)';
          break;
        case '\\': {
          if (this.pos >= this.src.length) throw this.error('unexpected end of pattern after \\');
          const cp = this.src.codePointAt(this.pos)!;
          const c = String.fromCodePoint(cp);
          this.pos += c.length;
          out += quoteChar(c);
          break;
        }
        case '[':
          out += this.charClass();
          break;
        case '{':
          out += this.alternatives();
          break;
        default: {
          const cp = this.src.codePointAt(this.pos - 1)!;
          const c = String.fromCodePoint(cp);
          this.pos += c.length - 1;
          out += quoteChar(c);
        }
      }
    }
    if (inBraces) throw this.error("'{' is never closed");
    return out;
  }

  private alternatives(): string {
    const options: string[] = [];
    for (;;) {
      options.push(this.sequence(true));
      const ch = this.src[this.pos];
      this.pos++;
      if (ch === '}') return '(?:' + options.join('|') + ')';
    }
  }

  private charClass(): string {
    let negated = false;
    if (this.src[this.pos] === '!') {
      negated = true;
      this.pos++;
    }
    let body = '';
    let empty = true;
    while (this.pos < this.src.length && this.src[this.pos] !== ']') {
      const lo = this.classChar();
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        this.pos++;
        const hi = this.classChar();
        if (hi.codePointAt(0)! < lo.codePointAt(0)!) throw this.error(`invalid range ${lo}-${hi}`);
        body += quoteChar(lo) + '-' + quoteChar(hi);
      } else {
        body += quoteChar(lo);
      }
      empty = false;
    }
    if (this.pos >= this.src.length) throw this.error("'[' is never closed");
    if (empty) throw this.error('empty character class');
    this.pos++;
    return (negated ? '[^' : '[') + body + ']';
  }

  private classChar(): string {
    if (this.src[this.pos] === '\\' && this.pos + 1 < this.src.length) this.pos++;
    const c = String.fromCodePoint(this.src.codePointAt(this.pos)!);
    this.pos += c.length;
    return c;
  }
}

/** Compiles a glob; throws {@link GlobSyntaxError}. */
export function compileGlob(source: string): Glob {
  const re: OttlRegex = compileRegex('\\A(?:' + new GlobTranslator(source).translate() + ')\\z');
  return { source, match: (s) => re.test(s) };
}

/** {@link dynamicPattern} for globs. */
export function dynamicGlob(funcName: string, pattern: Getter<string>): DynamicPattern<Glob> {
  return dynamicPattern(funcName, pattern, compileGlob);
}
