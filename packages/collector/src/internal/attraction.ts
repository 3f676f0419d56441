/**
 * Attribute actions shared by the `attributes` and `resource` processors (the Collector's
 * `coreinternal/attraction`): insert, update, upsert, delete, hash, extract, convert, validated
 * when the config is decoded.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { PMap, PSlice, valueAsString, valueFromRaw, type AttrValue } from '@ottl/pdata';
import { metadataValues, type ClientInfo } from '../client/clientInfo.js';
import type { DecodeContext } from '../config/schema.js';
import { list, oneOf, optional, raw, string, struct, type Infer } from '../config/schema.js';
import { compileGoRegex, type GoRegex } from './regex.js';

const actionConfig = struct({
  key: string(),
  value: raw(),
  pattern: string(),
  from_attribute: string(),
  from_context: string(),
  converted_type: optional(oneOf(['string', 'int', 'double'] as const, 'string')),
  action: oneOf(['insert', 'update', 'upsert', 'delete', 'hash', 'extract', 'convert'] as const, 'insert', { caseInsensitive: true }),
});

type ActionConfig = Infer<typeof actionConfig>;

/** A validated action, ready to apply. */
export interface AttrAction {
  readonly action: ActionConfig['action'];
  readonly key: string;
  readonly value?: AttrValue;
  readonly fromAttribute?: string;
  /** `from_context`: `metadata.<key>`, `auth.<attr>`, `client.address`, or a plain metadata key. */
  readonly fromContext?: string;
  readonly regex?: GoRegex;
  readonly convertedType?: 'string' | 'int' | 'double';
}

/** Decoder for a list of actions (`actions:` of attributes, `attributes:` of resource); errors name the action's index. */
export const actionsDecoder = {
  describe: 'list of actions {key, action, value | from_attribute | from_context, pattern, converted_type}',
  decode(node: Parameters<typeof actionConfig.decode>[0], ctx: DecodeContext): AttrAction[] {
    const raws = list(actionConfig).decode(node, ctx);
    const out: AttrAction[] = [];
    raws.forEach((a, i) => {
      const path = `${ctx.path}[${i}]`;
      const loc = (node?.kind === 'seq' ? node.items[i]?.loc : undefined) ?? ctx.loc;
      const fail = (message: string, hint?: string) => ctx.issues.add('config-error', path, loc, message, hint ? { hint } : {});
      const sources = [a.value !== undefined && a.value !== null, a.from_attribute !== '', a.from_context !== ''].filter(Boolean).length;
      if ((a.action === 'delete' || a.action === 'hash') && a.key === '' && a.pattern === '') return fail('at least one of "key" and "pattern" is required');
      if (a.action !== 'delete' && a.action !== 'hash' && a.key === '') return fail('missing required field "key"');
      let regex: GoRegex | undefined;
      if (a.pattern !== '') {
        const r = compileGoRegex(a.pattern);
        if ('error' in r) return fail(`field "pattern" has an invalid pattern ${JSON.stringify(a.pattern)}: ${r.error}`);
        regex = r;
      }
      switch (a.action) {
        case 'insert':
        case 'update':
        case 'upsert':
          if (sources === 0) return fail(`action "${a.action}" needs one of "value", "from_attribute" or "from_context"`);
          if (sources > 1) return fail(`action "${a.action}" takes only one of "value", "from_attribute" or "from_context"`);
          if (a.pattern !== '') return fail(`action "${a.action}" does not use the "pattern" field`);
          if (a.converted_type !== undefined) return fail(`action "${a.action}" does not use the "converted_type" field`);
          break;
        case 'delete':
        case 'hash':
          if (sources > 0 && a.from_context === '') return fail(`action "${a.action}" does not use "value" or "from_attribute"`);
          if (a.converted_type !== undefined) return fail(`action "${a.action}" does not use the "converted_type" field`);
          break;
        case 'extract':
          if (sources > 0) return fail('action "extract" does not use a value source field');
          if (!regex) return fail('action "extract" needs the field "pattern"');
          if (a.converted_type !== undefined) return fail('action "extract" does not use the "converted_type" field');
          if (regex.groupCount === 0) return fail('field "pattern" contains no named matcher groups');
          if (regex.groupNames.length !== regex.groupCount) return fail('field "pattern" contains at least one unnamed matcher group', 'name every group: (?P<name>…)');
          break;
        case 'convert':
          if (sources > 0 || a.pattern !== '') return fail('action "convert" does not use value sources or "pattern"');
          if (a.converted_type === undefined) return fail('action "convert" needs the field "converted_type" (string, int or double)');
          break;
      }
      out.push({
        action: a.action,
        key: a.key,
        ...(a.value !== undefined && a.value !== null ? { value: valueFromRaw(a.value) } : {}),
        ...(a.from_attribute !== '' ? { fromAttribute: a.from_attribute } : {}),
        ...(a.from_context !== '' ? { fromContext: a.from_context } : {}),
        ...(regex ? { regex } : {}),
        ...(a.converted_type !== undefined ? { convertedType: a.converted_type } : {}),
      });
    });
    return out;
  },
};

function copyValue(v: AttrValue): AttrValue {
  return v instanceof PMap || v instanceof PSlice ? v.clone() : v instanceof Uint8Array ? v.slice() : v;
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** SHA-256 hex of a scalar attribute value, encoded like the Collector (ints and doubles as 8 little-endian bytes). */
export function hashValue(v: AttrValue): string {
  let bytes: Uint8Array;
  if (typeof v === 'string') bytes = encoder.encode(v);
  else if (typeof v === 'boolean') bytes = Uint8Array.of(v ? 1 : 0);
  else if (typeof v === 'bigint') {
    bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setBigUint64(0, BigInt.asUintN(64, v), true);
  } else if (typeof v === 'number') {
    bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, v, true);
  } else return '';
  if (bytes.length === 0) return '';
  let out = '';
  for (const b of sha256(bytes)) out += HEX[b];
  return out;
}

function convert(v: AttrValue, to: 'string' | 'int' | 'double'): AttrValue | undefined {
  switch (to) {
    case 'string':
      return typeof v === 'string' ? undefined : valueAsString(v);
    case 'int':
      if (typeof v === 'number') return Number.isFinite(v) ? BigInt.asIntN(64, BigInt(Math.trunc(v))) : undefined;
      if (typeof v === 'boolean') return v ? 1n : 0n;
      if (typeof v === 'string' && /^[+-]?\d+$/.test(v)) {
        const n = BigInt(v);
        return n === BigInt.asIntN(64, n) ? n : undefined;
      }
      return undefined;
    case 'double':
      if (typeof v === 'bigint') return Number(v);
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'string') {
        const t = v.trim();
        const n = t === '' || t !== v ? NaN : Number(t.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity'));
        return Number.isNaN(n) && !/^[+-]?nan$/i.test(t) ? undefined : n;
      }
      return undefined;
  }
}

/**
 * The value `from_context` names in the request's client info, as upstream: one value is a
 * string, several a slice of strings; `client.address` is the peer's IP ('' when unknown);
 * `auth.<attr>` finds nothing (no authenticator runs here); none found is undefined.
 */
function contextValue(info: ClientInfo, key: string): AttrValue | undefined {
  let values: readonly string[];
  if (key === 'client.address') values = [info.addr ?? ''];
  else if (key.startsWith('auth.')) return undefined;
  else values = metadataValues(info.metadata, key.startsWith('metadata.') ? key.slice('metadata.'.length) : key);
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0] : valueFromRaw([...values]);
}

/** Applies the actions in order to one attribute map; `from_context` reads `info`, the client info of the request it belongs to. */
export function applyActions(actions: readonly AttrAction[], attrs: PMap, info: ClientInfo): void {
  for (const a of actions) {
    switch (a.action) {
      case 'delete':
        if (a.key !== '') attrs.remove(a.key);
        if (a.regex) {
          const re = a.regex;
          attrs.removeIf((k) => re.test(k));
        }
        break;
      case 'insert':
      case 'update':
      case 'upsert': {
        const src = a.value !== undefined ? a.value : a.fromAttribute !== undefined ? attrs.get(a.fromAttribute) : a.fromContext !== undefined ? contextValue(info, a.fromContext) : undefined;
        if (src === undefined) break;
        const present = attrs.has(a.key);
        if ((a.action === 'insert' && present) || (a.action === 'update' && !present)) break;
        attrs.set(a.key, copyValue(src));
        break;
      }
      case 'hash': {
        const keys = a.key !== '' && attrs.has(a.key) ? [a.key] : [];
        if (a.regex) for (const k of attrs.keys()) if (a.regex.test(k) && k !== a.key) keys.push(k);
        for (const k of keys) attrs.set(k, hashValue(attrs.get(k)!));
        break;
      }
      case 'extract': {
        const v = attrs.get(a.key);
        if (typeof v !== 'string') break;
        const m = a.regex!.namedMatch(v);
        if (m) for (const [name, value] of Object.entries(m)) attrs.set(name, value);
        break;
      }
      case 'convert': {
        const v = attrs.get(a.key);
        if (v === undefined) break;
        const c = convert(v, a.convertedType!);
        if (c !== undefined) attrs.set(a.key, c);
        break;
      }
    }
  }
}
