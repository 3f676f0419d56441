/**
 * Source positions for the front end: turns lexer token coordinates into diagnostic `Position`s,
 * shifted into an enclosing file when the parsed text is a piece of one (a rule file, a YAML value).
 */
import type { IToken } from 'chevrotain';
import type { Position, Range } from '../diagnostics/diagnostic.js';

/**
 * Where a parsed text starts inside the file the user edits: 0-based `offset`, 1-based `line` and
 * `column`. Every field defaults to the start of the file.
 */
export interface SourceOrigin {
  readonly offset?: number;
  readonly line?: number;
  readonly column?: number;
}

/** Maps text-local coordinates (what the lexer reports) to file coordinates. */
export class PositionMapper {
  private readonly dOffset: number;
  private readonly dLine: number;
  private readonly firstColumn: number;
  private endPosition: Position | undefined;

  constructor(
    /** The parsed text itself (used for positions inside tokens and at the end of input). */
    readonly text: string,
    origin: SourceOrigin = {},
  ) {
    this.dOffset = origin.offset ?? 0;
    this.dLine = (origin.line ?? 1) - 1;
    this.firstColumn = origin.column ?? 1;
  }

  /** A position from text-local 0-based offset, 1-based line and column. */
  at(offset: number, line: number, column: number): Position {
    return {
      offset: offset + this.dOffset,
      line: line + this.dLine,
      column: line === 1 ? column + this.firstColumn - 1 : column,
    };
  }

  /** The file offset of a text-local offset. */
  fileOffset(offset: number): number {
    return offset + this.dOffset;
  }

  /** The source text under a range given in file coordinates. */
  slice(range: Range): string {
    return this.text.slice(range.start.offset - this.dOffset, range.end.offset - this.dOffset);
  }

  /** The position of a text-local offset (scans the text; for the rare positions tokens lack). */
  atOffset(offset: number): Position {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return this.at(offset, line, offset - lineStart + 1);
  }

  /** The position just after the last character of the text. */
  end(): Position {
    this.endPosition ??= this.atOffset(this.text.length);
    return this.endPosition;
  }

  start(token: IToken): Position {
    return this.at(token.startOffset, token.startLine!, token.startColumn!);
  }

  /** The position just after the token's last character. */
  after(token: IToken): Position {
    return this.at(token.endOffset! + 1, token.endLine!, token.endColumn! + 1);
  }

  /** The position `delta` characters into the token (which may span lines). */
  inside(token: IToken, delta: number): Position {
    let line = token.startLine!;
    let column = token.startColumn!;
    const image = token.image;
    for (let i = 0; i < delta && i < image.length; i++) {
      if (image.charCodeAt(i) === 10) {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return this.at(token.startOffset + delta, line, column);
  }

  tokenRange(token: IToken): Range {
    return { start: this.start(token), end: this.after(token) };
  }
}

export function rangeOf(start: Position, end: Position): Range {
  return { start, end };
}

/** A zero-width range at `p`. */
export function emptyRange(p: Position): Range {
  return { start: p, end: p };
}

/** True for tokens the parser made up while recovering from an error (they have no position). */
export function isVirtual(token: IToken | undefined): boolean {
  return token === undefined || token.isInsertedInRecovery === true || Number.isNaN(token.startOffset);
}
