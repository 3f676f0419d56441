import {
  KeyValueAndUnit,
  PMap,
  Profile,
  ProfileId,
  Profiles,
  ResourceProfiles,
  Sample,
  ScopeProfiles,
} from '@ottl/pdata';
import { describe, expect, it } from 'vitest';
import { OttlTime } from '../../types/values.js';
import { profileContext } from '../profile.js';
import { errorOf, get, set, toJson } from './harness.js';

function fixture() {
  const profiles = Profiles.create();
  const dict = profiles.dictionary;
  dict.stringTable.push('', 'env', 'host');
  dict.attributeTable.push(
    KeyValueAndUnit.create({ keyStrindex: 0, value: null }),
    KeyValueAndUnit.create({ keyStrindex: 1, value: 'prod' }),
    KeyValueAndUnit.create({ keyStrindex: 2, value: 'h1' }),
  );
  const rp = ResourceProfiles.create({ resource: { attributes: { r: 'x' } } });
  const sp = ScopeProfiles.create();
  const profile = Profile.create({
    timeUnixNano: 100n,
    durationNano: 50n,
    period: 10n,
    profileId: ProfileId.fromHex('0102030405060708090a0b0c0d0e0f10'),
    originalPayloadFormat: 'pprof',
    originalPayload: Uint8Array.of(1, 2),
    attributeIndices: [1, 2],
    samples: [Sample.create({ values: [1n] })],
  });
  sp.profiles.push(profile);
  rp.scopeProfiles.push(sp);
  profiles.resourceProfiles.push(rp);
  return { ctx: profileContext(rp, sp, profile, dict), profile, dict };
}

describe('profile context', () => {
  const cases: [string, unknown][] = [
    ['time_unix_nano', 100],
    ['time', { $time: '100' }],
    ['duration_unix_nano', 50],
    ['period', 10],
    ['profile_id.string', '0102030405060708090a0b0c0d0e0f10'],
    ['original_payload_format', 'pprof'],
    ['original_payload', { $bytes: '0102' }],
    ['attribute_indices', [1, 2]],
    ['attributes', { env: 'prod', host: 'h1' }],
    ['attributes["env"]', 'prod'],
    ['attributes["missing"]', null],
    ['sample', [{ $opaque: 'Sample' }]],
    ['sample_type', { $opaque: 'ValueType' }],
    ['resource.attributes["r"]', 'x'],
  ];
  it.each(cases)('reads %s', (path, expected) => {
    expect(toJson(get(fixture().ctx, path))).toEqual(expected);
  });

  it('writes scalar paths', () => {
    const { ctx, profile } = fixture();
    set(ctx, 'time', new OttlTime(7n));
    set(ctx, 'original_payload', Uint8Array.of(9));
    set(ctx, 'profile_id.string', 'ffffffffffffffffffffffffffffffff');
    expect([profile.timeUnixNano, [...profile.originalPayload], profile.profileId.toHex()]).toEqual([
      7n,
      [9],
      'ffffffffffffffffffffffffffffffff',
    ]);
    expect(errorOf(() => set(ctx, 'profile_id.string', '00000000000000000000000000000000'))).toBe(
      'profile ids must not be empty',
    );
    expect(errorOf(() => set(ctx, 'original_payload', 'x'))).toBe('expects []uint8 but got string');
  });

  it('writes attributes through the dictionary, reusing entries', () => {
    const { ctx, profile, dict } = fixture();
    set(ctx, 'attributes["env"]', 'dev');
    expect(toJson(get(ctx, 'attributes'))).toEqual({ env: 'dev', host: 'h1' });
    expect(dict.attributeTable).toHaveLength(4);
    set(ctx, 'attributes["new"]', 'v');
    expect(dict.stringTable).toEqual(['', 'env', 'host', 'new']);
    set(ctx, 'attributes["env"]', 'prod');
    expect(profile.attributeIndices).toEqual([1, 2, 4]);
    set(ctx, 'attributes', PMap.fromRaw({ host: 'h1' }));
    expect(profile.attributeIndices).toEqual([2]);
    set(ctx, 'attribute_indices', null);
    expect(toJson(get(ctx, 'attributes'))).toEqual({});
  });
});
