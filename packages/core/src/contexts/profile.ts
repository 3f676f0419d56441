/**
 * The `profile` path table (reference §6.14, over the dictionary-based profiles model of OTLP
 * profiles v1development), its enums, and the profile TransformContext builder. The data model is
 * still in development upstream; paths follow upstream's newest profile context where the pdata
 * model has the field.
 */
import {
  KeyValueAndUnit,
  PMap,
  Sample,
  valueEquals,
  type AttrValue,
  type Profile,
  type ProfilesDictionary,
  type ResourceProfiles,
  type ScopeProfiles,
} from '@ottl/pdata';
import { goTypeName } from '../types/convert.js';
import { OttlError, type Value } from '../types/values.js';
import {
  expectList,
  expectSetInt,
  idField,
  instanceOf,
  isInt64,
  PROFILE_ID,
  pathTable,
  replaceArray,
  setterTypeError,
  stringField,
  structArrayField,
  structField,
  timeField,
  uint32Field,
  uint64Field,
  type FieldDef,
  type PathTable,
} from './fields.js';
import { fromPdataValue, getMapValue, toPdataValue, setMapValue, type KeyKind } from './keys.js';
import { metricEnums } from './metric.js';
import type { ProfileTransformContext } from './types.js';

type Ctx = ProfileTransformContext;

/** The `AGGREGATION_TEMPORALITY_*` symbols. */
export const profileEnums: ReadonlyMap<string, bigint> = new Map(
  [...metricEnums].filter(([name]) => name.startsWith('AGGREGATION_TEMPORALITY_')),
);

/** The attributes of a profile, resolved through the dictionary, as a new map (not live). */
function attributesOf(ctx: Ctx): PMap {
  const m = new PMap();
  const { attributeTable, stringTable } = ctx.dictionary;
  for (const i of ctx.profile.attributeIndices) {
    const entry = attributeTable[i];
    if (entry !== undefined) m.set(stringTable[entry.keyStrindex] ?? '', entry.value);
  }
  return m;
}

/** The index of `s` in the dictionary's string table, appending it when absent. */
function stringIndex(dict: ProfilesDictionary, s: string): number {
  const table = dict.stringTable;
  const i = table.indexOf(s);
  if (i >= 0) return i;
  table.push(s);
  return table.length - 1;
}

/** The index of an attribute-table entry with this key and value, appending one when absent. */
function attributeIndex(dict: ProfilesDictionary, keyIndex: number, value: AttrValue): number {
  const table = dict.attributeTable;
  const i = table.findIndex((e) => e.keyStrindex === keyIndex && valueEquals(e.value, value));
  if (i >= 0) return i;
  table.push(KeyValueAndUnit.create({ keyStrindex: keyIndex, value }));
  return table.length - 1;
}

/**
 * Sets attribute `key` of the profile to `value` (upstream `PutAttribute`): the profile's index for
 * that key is pointed at a dictionary entry holding the value, reusing or adding entries.
 */
function putAttribute(ctx: Ctx, key: string, value: AttrValue): void {
  const dict = ctx.dictionary;
  const indices = ctx.profile.attributeIndices;
  const keyIndex = stringIndex(dict, key);
  const idx = attributeIndex(dict, keyIndex, value);
  for (let i = 0; i < indices.length; i++) {
    const entry = dict.attributeTable[indices[i]!];
    if (entry === undefined) throw new OttlError(`index value ${indices[i]} out of range in AttributeIndices[${i}]`);
    if (entry.keyStrindex === keyIndex) {
      indices[i] = idx;
      return;
    }
  }
  indices.push(idx);
}

const attributesField: FieldDef<Ctx> = {
  doc: 'the profile attributes (resolved through the dictionary; a copy: write through the path, not the map)',
  type: 'map',
  get: attributesOf,
  set: (ctx, v) => {
    const m = toPdataValue(v);
    if (!(m instanceof PMap)) throw new OttlError(`failed to convert type ${goTypeName(v)} into pcommon.Map`);
    ctx.profile.attributeIndices.length = 0;
    m.forEach((value, key) => putAttribute(ctx, key, value));
  },
  keyed: {
    kind: 'map',
    type: 'any',
    get: (ctx, keys, kinds) => getMapValue(attributesOf(ctx), keys, kinds),
    set: (ctx, keys: readonly Value[], kinds: readonly KeyKind[], v) => {
      const m = attributesOf(ctx);
      setMapValue(m, keys, kinds, v);
      const key = keys[0] as string;
      putAttribute(ctx, key, m.get(key) ?? null);
    },
  },
};

/** An int32 list field (index lists), read as int64s and written from a list of ints. */
function int32ListField(doc: string, read: (ctx: Ctx) => number[]): FieldDef<Ctx> {
  return {
    doc,
    type: 'list',
    get: (ctx) => read(ctx).map((n) => BigInt(n)),
    set: (ctx, v) =>
      replaceArray(
        read(ctx),
        expectList(v, isInt64, '[]int64').map((x) => Number(BigInt.asIntN(32, x))),
      ),
  };
}

export const profileTable: PathTable<Ctx> = pathTable('profile', {
  sample_type: structField(
    'the type of the sample values (string-table indices of type and unit)',
    'pprofile.ValueType',
    (ctx) => ctx.profile.sampleType,
  ),
  sample: structArrayField(
    'the samples of the profile; setting replaces them with copies',
    instanceOf(Sample),
    'pprofile.SampleSlice',
    (ctx) => ctx.profile.samples,
  ),
  time_unix_nano: uint64Field(
    'the start time of the profile, in nanoseconds since the Unix epoch',
    (ctx) => ctx.profile.timeUnixNano,
    (ctx, v) => (ctx.profile.timeUnixNano = v),
  ),
  time: timeField(
    'the start time of the profile',
    (ctx) => ctx.profile.timeUnixNano,
    (ctx, v) => (ctx.profile.timeUnixNano = v),
  ),
  duration_unix_nano: uint64Field(
    'the duration of the profile, in nanoseconds',
    (ctx) => ctx.profile.durationNano,
    (ctx, v) => (ctx.profile.durationNano = v),
  ),
  duration: timeField(
    'the duration of the profile as a time (nanoseconds after the Unix epoch), as upstream reads it',
    (ctx) => ctx.profile.durationNano,
    (ctx, v) => (ctx.profile.durationNano = v),
  ),
  period_type: structField(
    'the kind of events between sampled occurrences',
    'pprofile.ValueType',
    (ctx) => ctx.profile.periodType,
  ),
  period: {
    doc: 'the number of events between sampled occurrences',
    type: 'int',
    get: (ctx) => ctx.profile.period,
    set: (ctx, v) => (ctx.profile.period = expectSetInt(v)),
  },
  profile_id: idField<Ctx, Profile['profileId']>(
    'the profile id',
    PROFILE_ID,
    (ctx) => ctx.profile.profileId,
    (ctx, id) => {
      if (id.isEmpty()) throw new OttlError('profile ids must not be empty');
      ctx.profile.profileId = id;
    },
  ),
  attribute_indices: int32ListField(
    'indices into the dictionary attribute table',
    (ctx) => ctx.profile.attributeIndices,
  ),
  dropped_attributes_count: uint32Field(
    'the number of profile attributes dropped',
    (ctx) => ctx.profile.droppedAttributesCount,
    (ctx, v) => (ctx.profile.droppedAttributesCount = v),
  ),
  original_payload_format: stringField(
    'the format of the original payload',
    (ctx) => ctx.profile.originalPayloadFormat,
    (ctx, v) => (ctx.profile.originalPayloadFormat = v),
  ),
  original_payload: {
    doc: 'the original payload (bytes)',
    type: 'bytes',
    get: (ctx) => fromPdataValue(ctx.profile.originalPayload),
    set: (ctx, v) => {
      if (!(v instanceof Uint8Array)) throw setterTypeError('[]uint8', v);
      ctx.profile.originalPayload = v.slice();
    },
  },
  attributes: attributesField,
});

/** A `profile` context for one profile of `scopeProfiles`; `dictionary` is the request's. */
export function profileContext(
  resourceProfiles: ResourceProfiles,
  scopeProfiles: ScopeProfiles,
  profile: Profile,
  dictionary: ProfilesDictionary,
): ProfileTransformContext {
  return {
    context: 'profile',
    cache: new PMap(),
    resource: resourceProfiles.resource,
    resourceContainer: resourceProfiles,
    scope: scopeProfiles.scope,
    scopeContainer: scopeProfiles,
    profile,
    dictionary,
  };
}
