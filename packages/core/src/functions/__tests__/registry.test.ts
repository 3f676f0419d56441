import { describe, expect, it } from 'vitest';
import {
  functionsForContext,
  getFunctionDef,
  standardConverters,
  standardFunctions,
} from '../registry.js';
import type { ContextName } from '../../types/signature.js';

/** Upstream's newest `ottlfuncs.StandardFuncs` (functions.go, lambda and experimental gates off). */
const UPSTREAM_STANDARD = `Base64Encode Bool Decode Coalesce CommunityID Concat ContainsValue ConvertCase
  ConvertAttributesToElementsXML ConvertTextToElementsXML Day Double Duration ExtractPatterns ExtractGrokPatterns
  FNV GetXML HasPrefix HasSuffix Hour Hours Index InsertXML Int IsBool IsDouble IsEmpty IsList IsInt IsMap IsMatch
  IsString Len Log IsValidLuhn MD5 Microseconds Milliseconds Minute Minutes Month Murmur3Hash Murmur3Hash128
  Nanosecond Nanoseconds Now ParseCSV ParseJSON ParseKeyValue ParseSimplifiedXML ParseXML RemoveXML Second Seconds
  SHA1 SHA256 SHA512 Sort SpanID Split Format String Substring Time FormatTime Trim TrimPrefix TrimSuffix
  ToKeyValueString ToCamelCase ToLowerCase ToSnakeCase ToUpperCase TruncateTime TraceID Unix UnixMicro UnixMilli
  UnixNano UnixSeconds UUID UUIDv7 URL Values Weekday UserAgent append delete_index Year Hex SliceToMap
  ParseSeverity ProfileID ParseInt Keys XXH3 XXH128 IsInCIDR clear delete_key delete_matching_keys
  keep_matching_keys flatten keep_keys limit merge_maps replace_all_matches replace_all_patterns replace_match
  replace_pattern set stringify_all truncate_all`.split(/\s+/);

const names = (defs: readonly { name: string }[]): string[] => defs.map((d) => d.name);
const LAMBDA_GATES = new Set(['ottl.functions.enableLambda', 'pkg.ottl.functions.enableExperimental']);

describe('standard sets', () => {
  it('hold every function of upstream StandardFuncs, once', () => {
    const std = names(standardFunctions());
    expect(UPSTREAM_STANDARD.filter((n) => !std.includes(n))).toEqual([]);
    expect(new Set(std).size).toBe(std.length);
  });
  it('leave out context-specific and gated functions', () => {
    const std = names(standardFunctions());
    for (const n of ['IsRootSpan', 'HasAttrOnDatapoint', 'convert_sum_to_gauge', 'All', 'When']) expect(std).not.toContain(n);
  });
  it('add gated functions only with their gate', () => {
    const gated = names(standardFunctions(LAMBDA_GATES));
    expect(gated).toEqual(expect.arrayContaining(['All', 'Any', 'Filter', 'Find', 'MapEach', 'MapKeys', 'Reduce', 'When']));
  });
  it('standardConverters are the upper-case ones', () => {
    const conv = names(standardConverters());
    expect(conv.every((n) => /^[A-Z]/.test(n))).toBe(true);
    expect(conv.length).toBe(names(standardFunctions()).filter((n) => /^[A-Z]/.test(n)).length);
  });
  it('every definition has a unique name and a lookup', () => {
    for (const def of standardFunctions(LAMBDA_GATES)) expect(getFunctionDef(def.name)).toBe(def);
    expect(getFunctionDef('IsRootSpan')?.name).toBe('IsRootSpan');
    expect(getFunctionDef('NoSuchFunction')).toBeUndefined();
  });
});

describe('functionsForContext', () => {
  const extra = (ctx: ContextName, processor?: 'transform' | 'filter' | 'routing' | 'library') => {
    const std = new Set(names(standardFunctions()));
    return names(functionsForContext(ctx, processor ? { processor } : {})).filter((n) => !std.has(n));
  };
  it('transform adds IsRootSpan to spans only, metric editors to metrics', () => {
    expect(extra('span')).toContain('IsRootSpan');
    expect(extra('spanevent')).not.toContain('IsRootSpan');
    expect(extra('log')).not.toContain('IsRootSpan');
    expect(extra('metric')).toEqual(expect.arrayContaining(['convert_sum_to_gauge', 'extract_sum_metric']));
    expect(extra('metric')).not.toContain('HasAttrOnDatapoint');
    expect(extra('log')).not.toContain('convert_sum_to_gauge');
  });
  it('filter gets converters only, plus IsRootSpan and its own datapoint converters', () => {
    const filterMetric = names(functionsForContext('metric', { processor: 'filter' }));
    expect(filterMetric.some((n) => /^[a-z]/.test(n))).toBe(false);
    expect(filterMetric).toEqual(expect.arrayContaining(['HasAttrKeyOnDatapoint', 'HasAttrOnDatapoint', 'IsMatch']));
    expect(names(functionsForContext('span', { processor: 'filter' }))).toContain('IsRootSpan');
  });
  it('routing gets converters plus delete_key and delete_matching_keys', () => {
    const editors = names(functionsForContext('log', { processor: 'routing' })).filter((n) => /^[a-z]/.test(n));
    expect(editors.sort()).toEqual(['delete_key', 'delete_matching_keys']);
  });
  it('library is the standard set', () => {
    expect(names(functionsForContext('span', { processor: 'library' }))).toEqual(names(standardFunctions()));
  });
});
