/**
 * Finds the OTTL in an OpenTelemetry Collector YAML file, where the Collector reads it:
 *
 * - `processors.transform[/name]`: `trace_statements`, `metric_statements`, `log_statements`,
 *   `profile_statements` — a list of statements (basic: one group, context inferred) or of groups
 *   `{ context, error_mode, conditions, statements }` (advanced);
 * - `processors.filter[/name]`: the legacy blocks `traces.span`, `traces.spanevent`,
 *   `metrics.metric`, `metrics.datapoint`, `logs.log_record` (unprefixed paths), and
 *   `trace_conditions` / `metric_conditions` / `log_conditions` / `profile_conditions` (basic: each
 *   condition's context inferred on its own; advanced: groups `{ context, error_mode, conditions }`);
 * - `connectors.routing[/name]`: `table[].condition`, or `table[].statement` (`route() where …`,
 *   whose condition is checked), in the route's `context` (default `resource`, unprefixed paths);
 * - `processors.tail_sampling[/name]`: every `ottl_condition` policy (also inside `and` and
 *   `composite` sub-policies): `span` and `spanevent` conditions, unprefixed paths.
 *
 * Each text is the scalar's value after YAML decoding and the Collector's `$$` / `${env:…}`
 * expansion, with positions mapped back to the YAML file through both.
 */
import { Composer, Parser, isMap, type CST, isScalar, isSeq, isAlias, type Document, type Node as YamlNode, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { parse, type ContextName, type Diagnostic, type ErrorMode, type LineIndex, type StatementNode } from '@ottl/core';
import { FILTER_CONTEXTS, TRANSFORM_CONTEXTS, expandScalar, subOrigin, type EnvLookup } from '@ottl/collector';
import type { GroupSpec, PlacedDiagnostic, SourceText } from '../rules/group.js';

export type ComponentKind = 'transform' | 'filter' | 'routing' | 'tail_sampling';
export type SignalName = 'traces' | 'metrics' | 'logs' | 'profiles';

/** An OTTL text in a YAML scalar. */
export interface YamlText extends SourceText {
  readonly path: string;
  readonly kind: 'statement' | 'condition';
  /** The YAML node (formatting rewrites its source token). */
  readonly node: Scalar;
  /** A `${…}` reference was replaced: the text is not what the file says. */
  readonly substituted: boolean;
  /** What the whole scalar holds (a routing `statement` is checked as its `where` condition). */
  readonly valueKind: 'statement' | 'condition';
  /** The scalar is an item of a flow sequence (`[a, b]`), where plain scalars cannot hold `,[]{}`. */
  readonly inFlow: boolean;
}

export interface YamlGroup extends GroupSpec {
  /** `processors.transform/redact` */
  readonly component: string;
  readonly componentKind: ComponentKind;
  readonly signal?: SignalName;
  readonly texts: readonly YamlText[];
  readonly conditions?: readonly YamlText[];
  /** Filter basic lists: each condition is its own group (context inferred per condition). */
  readonly path: string;
}

export interface CollectorOttl {
  readonly groups: YamlGroup[];
  /** YAML syntax errors and configuration problems around the OTTL, placed in the file. */
  readonly diagnostics: PlacedDiagnostic[];
  /** The parsed documents (with source tokens) and the CST they came from, for formatting. */
  readonly documents: Document.Parsed[];
  readonly tokens: CST.Token[];
}

const SIGNALS: readonly SignalName[] = ['traces', 'metrics', 'logs', 'profiles'];
const STATEMENT_KEYS: Readonly<Record<SignalName, string>> = { traces: 'trace_statements', metrics: 'metric_statements', logs: 'log_statements', profiles: 'profile_statements' };
const CONDITION_KEYS: Readonly<Record<SignalName, string>> = { traces: 'trace_conditions', metrics: 'metric_conditions', logs: 'log_conditions', profiles: 'profile_conditions' };
const FILTER_LEGACY: readonly [SignalName, string, ContextName][] = [
  ['traces', 'span', 'span'],
  ['traces', 'spanevent', 'spanevent'],
  ['metrics', 'metric', 'metric'],
  ['metrics', 'datapoint', 'datapoint'],
  ['logs', 'log_record', 'log'],
];
const ROUTING_CONTEXTS: readonly ContextName[] = ['resource', 'span', 'metric', 'datapoint', 'log'];
const ERROR_MODES: readonly ErrorMode[] = ['propagate', 'ignore', 'silent'];

/** Parses a YAML text into documents that keep their source tokens. */
export function parseYamlWithTokens(text: string): { documents: Document.Parsed[]; tokens: CST.Token[] } {
  const tokens = [...new Parser().parse(text)];
  const documents = [...new Composer({ keepSourceTokens: true, uniqueKeys: true, merge: true }).compose(tokens)];
  return { documents, tokens };
}

class Walker {
  readonly groups: YamlGroup[] = [];
  readonly diagnostics: PlacedDiagnostic[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly doc: Document.Parsed,
    private readonly env: EnvLookup,
  ) {}

  resolve(n: unknown): YamlNode | null {
    if (isAlias(n)) return (n.resolve(this.doc) as YamlNode | undefined) ?? null;
    return (n as YamlNode | null | undefined) ?? null;
  }

  problem(node: YamlNode | null | undefined, path: string, message: string, hint?: string, code: Diagnostic['code'] = 'config-error'): void {
    const [s, e] = node?.range ?? [0, 0];
    this.diagnostics.push({ code, severity: 'error', message: `${path}: ${message}`, path, range: this.lines.range(s, Math.max(e, s)), label: 'here', ...(hint ? { hint } : {}) });
  }

  pairs(map: YAMLMap): { key: string; pair: Pair; value: YamlNode | null }[] {
    return map.items.map((pair) => {
      const k = this.resolve(pair.key);
      return { key: isScalar(k) ? String(k.value) : String(k), pair, value: this.resolve(pair.value) };
    });
  }

  get(map: YamlNode | null, key: string): YamlNode | null {
    if (!isMap(map)) return null;
    return this.pairs(map).find((p) => p.key === key)?.value ?? null;
  }

  /** A string scalar as an OTTL text. */
  ottlText(node: YamlNode | null, path: string, kind: 'statement' | 'condition', inFlow = false): YamlText | undefined {
    if (!isScalar(node) || node.value === null) {
      this.problem(node, path, `expected an OTTL ${kind} (a string)`);
      return undefined;
    }
    const exp = expandScalar(this.text, node, this.env);
    for (const p of exp.problems) {
      this.diagnostics.push({ code: 'config-error', severity: 'error', message: `${path}: ${p.message}`, path, range: this.lines.range(p.from, p.to), label: 'unsupported reference', ...(p.hint ? { hint: p.hint } : {}) });
    }
    return { text: exp.text, origin: exp.origin, path, kind, node, substituted: exp.substituted, valueKind: kind, inFlow };
  }

  textList(node: YamlNode | null, path: string, kind: 'statement' | 'condition'): YamlText[] {
    if (node === null || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      this.problem(node, path, `expected a list of OTTL ${kind}s`);
      return [];
    }
    return node.items.flatMap((it, i) => this.ottlText(this.resolve(it), `${path}[${i}]`, kind, node.flow === true) ?? []);
  }

  errorMode(node: YamlNode | null, path: string): ErrorMode | undefined {
    if (!isScalar(node) || node.value === null) return undefined;
    const mode = String(node.value).toLowerCase();
    if ((ERROR_MODES as readonly string[]).includes(mode)) return mode as ErrorMode;
    this.problem(node, path, `unknown error mode ${String(node.value)}`, 'use propagate, ignore or silent');
    return undefined;
  }

  context(node: YamlNode | null, path: string, allowed: readonly ContextName[]): ContextName | undefined | null {
    if (!isScalar(node) || node.value === null) return undefined;
    const raw = String(node.value).toLowerCase();
    const c = raw === 'instrumentation_scope' ? 'scope' : raw;
    if ((allowed as readonly string[]).includes(c)) return c as ContextName;
    this.problem(node, path, `unknown context ${String(node.value)}`, `valid contexts here: ${allowed.join(', ')}`, 'unknown-context');
    return null;
  }

  /** Basic (list of strings) or advanced (list of groups) style lists of transform and filter. */
  styledList(
    node: YamlNode | null,
    path: string,
    base: { component: string; componentKind: ComponentKind; signal: SignalName; allowed: readonly ContextName[]; errorMode: ErrorMode | undefined },
    textsKey: 'statements' | 'conditions',
  ): void {
    if (node === null || (isScalar(node) && node.value === null)) return;
    if (!isSeq(node)) return this.problem(node, path, `expected a list of ${textsKey} or of groups`);
    const items = node.items.map((n) => this.resolve(n));
    const maps = items.filter((n) => isMap(n)).length;
    if (maps > 0 && maps < items.length) {
      return this.problem(node, path, `configuring multiple configuration styles is not supported, please use only Basic configuration or only Advanced configuration`);
    }
    const kind = textsKey === 'statements' ? 'statement' : 'condition';
    const functions = base.componentKind === 'filter' ? 'filter' : 'transform';
    const common = { component: base.component, componentKind: base.componentKind, signal: base.signal, allowed: base.allowed, functions, kind } as const;
    const withMode = (m: ErrorMode | undefined) => (m ? { errorMode: m } : {});
    if (maps === 0) {
      const texts = this.textList(node, path, kind);
      if (texts.length === 0) return;
      // Filter conditions in basic style are inferred one by one; transform statements together.
      if (kind === 'condition') for (const t of texts) this.groups.push({ ...common, ...withMode(base.errorMode), texts: [t], path: t.path });
      else this.groups.push({ ...common, ...withMode(base.errorMode), texts, path });
      return;
    }
    items.forEach((item, i) => {
      const gpath = `${path}[${i}]`;
      const context = this.context(this.get(item, 'context'), `${gpath}.context`, base.allowed);
      if (context === null) return;
      const texts = this.textList(this.get(item, textsKey), `${gpath}.${textsKey}`, kind);
      if (texts.length === 0) return this.problem(item, `${gpath}.${textsKey}`, `${textsKey} is required and must not be empty`);
      const conditions = kind === 'statement' ? this.textList(this.get(item, 'conditions'), `${gpath}.conditions`, 'condition') : [];
      const mode = this.errorMode(this.get(item, 'error_mode'), `${gpath}.error_mode`) ?? base.errorMode;
      this.groups.push({
        ...common,
        ...withMode(mode),
        ...(context ? { context } : {}),
        texts,
        ...(conditions.length > 0 ? { conditions } : {}),
        path: gpath,
      });
    });
  }

  transform(component: string, cfg: YamlNode | null): void {
    const errorMode = this.errorMode(this.get(cfg, 'error_mode'), `${component}.error_mode`);
    for (const signal of SIGNALS) {
      const key = STATEMENT_KEYS[signal];
      this.styledList(this.get(cfg, key), `${component}.${key}`, { component, componentKind: 'transform', signal, allowed: TRANSFORM_CONTEXTS[signal], errorMode }, 'statements');
    }
  }

  filter(component: string, cfg: YamlNode | null): void {
    const errorMode = this.errorMode(this.get(cfg, 'error_mode'), `${component}.error_mode`);
    for (const [signal, key, context] of FILTER_LEGACY) {
      const path = `${component}.${signal}.${key}`;
      const texts = this.textList(this.get(this.get(cfg, signal), key), path, 'condition');
      if (texts.length === 0) continue;
      this.groups.push({
        component,
        componentKind: 'filter',
        signal,
        kind: 'condition',
        functions: 'filter',
        context,
        allowed: FILTER_CONTEXTS[signal],
        texts,
        path,
        ...(errorMode ? { errorMode } : {}),
      });
    }
    for (const signal of SIGNALS) {
      const key = CONDITION_KEYS[signal];
      this.styledList(this.get(cfg, key), `${component}.${key}`, { component, componentKind: 'filter', signal, allowed: FILTER_CONTEXTS[signal], errorMode }, 'conditions');
    }
  }

  routing(component: string, cfg: YamlNode | null): void {
    const errorMode = this.errorMode(this.get(cfg, 'error_mode'), `${component}.error_mode`);
    const table = this.get(cfg, 'table');
    if (!isSeq(table)) return;
    table.items.forEach((it, i) => {
      const route = this.resolve(it);
      const path = `${component}.table[${i}]`;
      const ctxNode = this.get(route, 'context');
      const isRequest = isScalar(ctxNode) && String(ctxNode.value).toLowerCase() === 'request';
      const context = isRequest ? undefined : this.context(ctxNode, `${path}.context`, ROUTING_CONTEXTS);
      if (context === null) return;
      const condNode = this.get(route, 'condition');
      const stmtNode = this.get(route, 'statement');
      if (condNode && stmtNode) return this.problem(route, path, `invalid route: both condition and statement provided`);
      if (!condNode && !stmtNode) return this.problem(route, path, `invalid route: no condition or statement provided`);
      if (isRequest) {
        if (stmtNode) this.problem(stmtNode, path, `"request" context requires a 'condition'`);
        // `request["key"] == "value"` reads client metadata, not telemetry: not an OTTL context.
        return;
      }
      const written = condNode ? this.ottlText(condNode, `${path}.condition`, 'condition') : this.ottlText(stmtNode, `${path}.statement`, 'statement');
      if (!written) return;
      const text = written.kind === 'statement' ? routeCondition(written) : written;
      this.groups.push({
        component,
        componentKind: 'routing',
        kind: text.kind,
        functions: 'routing',
        context: context ?? 'resource',
        allowed: ROUTING_CONTEXTS,
        texts: [text],
        path,
        ...(errorMode ? { errorMode } : {}),
      });
    });
  }

  /** Every `ottl_condition` policy anywhere under the processor (sub-policies included). */
  tailSampling(component: string, node: YamlNode | null, path: string): void {
    if (isSeq(node)) return node.items.forEach((it, i) => this.tailSampling(component, this.resolve(it), `${path}[${i}]`));
    if (!isMap(node)) return;
    for (const { key, value } of this.pairs(node)) {
      const p = `${path}.${key}`;
      if (key === 'ottl_condition' && isMap(value)) {
        const errorMode = this.errorMode(this.get(value, 'error_mode'), `${p}.error_mode`);
        for (const context of ['span', 'spanevent'] as const) {
          const texts = this.textList(this.get(value, context), `${p}.${context}`, 'condition');
          if (texts.length === 0) continue;
          this.groups.push({
            component,
            componentKind: 'tail_sampling',
            signal: 'traces',
            kind: 'condition',
            functions: 'filter',
            context,
            allowed: [context],
            texts,
            path: `${p}.${context}`,
            ...(errorMode ? { errorMode } : {}),
          });
        }
      } else this.tailSampling(component, value, p);
    }
  }

  walk(): void {
    const root = this.resolve(this.doc.contents);
    for (const section of ['processors', 'connectors'] as const) {
      const m = this.get(root, section);
      if (!isMap(m)) continue;
      for (const { key, value } of this.pairs(m)) {
        const type = key.split('/')[0];
        const component = `${section}.${key}`;
        if (section === 'processors' && type === 'transform') this.transform(component, value);
        else if (section === 'processors' && type === 'filter') this.filter(component, value);
        else if (section === 'processors' && type === 'tail_sampling') this.tailSampling(component, value, component);
        else if (section === 'connectors' && type === 'routing') this.routing(component, value);
      }
    }
  }
}

/**
 * `route() where <condition>` (the routing connector's legacy statement form) is checked as its
 * condition: `route` is the connector's own editor, not an OTTL function. Other texts stay as
 * they are (and are reported if they do not parse or call unknown editors).
 */
function routeCondition(t: YamlText): YamlText {
  const ast = parse(t.text, 'statement').ast as StatementNode | undefined;
  if (!ast || ast.editor.name !== 'route' || ast.editor.args.length > 0 || !ast.where) return t;
  const { start, end } = ast.where.range;
  return { ...t, text: t.text.slice(start.offset, end.offset), kind: 'condition', origin: subOrigin(t.origin, start.offset, end.offset) };
}

/** The OTTL of every document of a collector YAML file. */
export function findCollectorOttl(text: string, lines: LineIndex, env: EnvLookup): CollectorOttl {
  const { documents, tokens } = parseYamlWithTokens(text);
  const groups: YamlGroup[] = [];
  const diagnostics: PlacedDiagnostic[] = [];
  for (const doc of documents) {
    // The first YAML error of a document; the ones after it are mostly its echoes.
    for (const e of doc.errors.slice(0, 1)) {
      const [s, en] = e.pos;
      diagnostics.push({ code: 'invalid-yaml', severity: 'error', message: e.message.split('\n')[0]!, range: lines.range(s, Math.max(en, s + 1)), label: 'here' });
    }
    if (doc.errors.length > 0) continue;
    const w = new Walker(text, lines, doc, env);
    w.walk();
    groups.push(...w.groups);
    diagnostics.push(...w.diagnostics);
  }
  return { groups, diagnostics, documents, tokens };
}
