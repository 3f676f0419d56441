/**
 * Component and pipeline identifiers in the Collector's `type[/name]` form.
 */

/** Component kinds as the config's top-level sections name them. */
export type ComponentKind = 'receiver' | 'processor' | 'exporter' | 'connector' | 'extension';

/** The signals a pipeline can carry. */
export type Signal = 'traces' | 'metrics' | 'logs' | 'profiles';

export const SIGNALS: readonly Signal[] = ['traces', 'metrics', 'logs', 'profiles'];

export function isSignal(s: string): s is Signal {
  return (SIGNALS as readonly string[]).includes(s);
}

const TYPE_RE = /^[a-zA-Z][0-9a-zA-Z_]{0,62}$/;
// Upstream allows any printable name without whitespace, control characters or '/'.
const NAME_RE = /^[^\s\p{C}/]{1,1024}$/u;

/** An immutable `type/name` pair; `name` is empty for the unnamed instance (`batch`). */
export class ComponentId {
  constructor(
    readonly type: string,
    readonly name = '',
  ) {}

  toString(): string {
    return this.name === '' ? this.type : `${this.type}/${this.name}`;
  }

  equals(other: ComponentId): boolean {
    return this.type === other.type && this.name === other.name;
  }

  /** Parses `type` or `type/name`; returns an error message instead of throwing. */
  static parse(text: string): ComponentId | { error: string } {
    const slash = text.indexOf('/');
    const type = (slash < 0 ? text : text.slice(0, slash)).trim();
    const name = slash < 0 ? '' : text.slice(slash + 1).trim();
    if (!TYPE_RE.test(type)) {
      return { error: `invalid component type "${type}": it must start with a letter and contain only letters, digits and '_' (at most 63 characters)` };
    }
    if (slash >= 0 && !NAME_RE.test(name)) {
      return { error: `invalid component name "${name}" in "${text}": it must be non-empty and contain no spaces, control characters or '/'` };
    }
    return new ComponentId(type, name);
  }
}

/** A pipeline ID: a signal and an optional name (`traces`, `logs/audit`). */
export class PipelineId {
  constructor(
    readonly signal: Signal,
    readonly name = '',
  ) {}

  toString(): string {
    return this.name === '' ? this.signal : `${this.signal}/${this.name}`;
  }

  static parse(text: string): PipelineId | { error: string } {
    const id = ComponentId.parse(text);
    if ('error' in id) return { error: id.error.replace('component', 'pipeline') };
    if (!isSignal(id.type)) {
      return { error: `pipeline "${text}" must start with a signal: ${SIGNALS.join(', ')}` };
    }
    return new PipelineId(id.type, id.name);
  }
}
