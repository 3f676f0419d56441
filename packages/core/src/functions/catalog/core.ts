/**
 * Teammate B's catalogue (GitHub issue #5): the core editors, type conversions and tests,
 * collections, hashes, encodings, ids, network helpers and the experimental lambda converters.
 * The registry concatenates it with the other catalogues.
 */
import type { FunctionDef } from '../../types/signature.js';
import { definition as append } from '../editors/append.js';
import { definition as clear } from '../editors/clear.js';
import { definition as deleteIndex } from '../editors/delete_index.js';
import { definition as deleteKey } from '../editors/delete_key.js';
import { definition as flatten } from '../editors/flatten.js';
import { definition as keepKeys } from '../editors/keep_keys.js';
import { definition as limit } from '../editors/limit.js';
import { definition as mergeMaps } from '../editors/merge_maps.js';
import { definition as setDef } from '../editors/set.js';
import { definition as stringifyAll } from '../editors/stringify_all.js';
import { definition as truncateAll } from '../editors/truncate_all.js';
import { definition as base64decode } from '../converters/base64decode.js';
import { definition as base64encode } from '../converters/base64encode.js';
import { definition as boolDef } from '../converters/bool.js';
import { definition as coalesce } from '../converters/coalesce.js';
import { definition as communityId } from '../converters/community_id.js';
import { definition as containsValue } from '../converters/contains_value.js';
import { definition as decode } from '../converters/decode.js';
import { definition as double } from '../converters/double.js';
import { definition as fnv } from '../converters/fnv.js';
import { definition as hexDef } from '../converters/hex.js';
import { definition as intDef } from '../converters/int.js';
import { definition as isBool } from '../converters/is_bool.js';
import { definition as isDouble } from '../converters/is_double.js';
import { definition as isEmpty } from '../converters/is_empty.js';
import { definition as isInCidr } from '../converters/is_in_cidr.js';
import { definition as isInt } from '../converters/is_int.js';
import { definition as isList } from '../converters/is_list.js';
import { definition as isMap } from '../converters/is_map.js';
import { definition as isString } from '../converters/is_string.js';
import { definition as isValidLuhn } from '../converters/is_valid_luhn.js';
import { definition as keysDef } from '../converters/keys.js';
import { definition as logDef } from '../converters/log.js';
import { definition as md5 } from '../converters/md5.js';
import { definition as murmur3Hash } from '../converters/murmur3_hash.js';
import { definition as murmur3Hash128 } from '../converters/murmur3_hash128.js';
import { definition as parseInt } from '../converters/parse_int.js';
import { definition as parseSeverity } from '../converters/parse_severity.js';
import { definition as profileId } from '../converters/profile_id.js';
import { definition as sha1 } from '../converters/sha1.js';
import { definition as sha256 } from '../converters/sha256.js';
import { definition as sha512 } from '../converters/sha512.js';
import { definition as sliceToMap } from '../converters/slice_to_map.js';
import { definition as sort } from '../converters/sort.js';
import { definition as spanId } from '../converters/span_id.js';
import { definition as stringDef } from '../converters/string.js';
import { definition as traceId } from '../converters/trace_id.js';
import { definition as uuid } from '../converters/uuid.js';
import { definition as uuidv7 } from '../converters/uuidv7.js';
import { definition as valuesDef } from '../converters/values.js';
import { definition as xxh128 } from '../converters/xxh128.js';
import { definition as xxh3 } from '../converters/xxh3.js';
import { definition as allLambda } from '../lambda/all.js';
import { definition as anyLambda } from '../lambda/any.js';
import { definition as filterLambda } from '../lambda/filter.js';
import { definition as findLambda } from '../lambda/find.js';
import { definition as mapEachLambda } from '../lambda/map_each.js';
import { definition as mapKeysLambda } from '../lambda/map_keys.js';
import { definition as reduceLambda } from '../lambda/reduce.js';
import { definition as whenLambda } from '../lambda/when.js';

export const FUNCTIONS: readonly FunctionDef[] = [
  append,
  clear,
  deleteIndex,
  deleteKey,
  flatten,
  keepKeys,
  limit,
  mergeMaps,
  setDef,
  stringifyAll,
  truncateAll,
  base64decode,
  base64encode,
  boolDef,
  coalesce,
  communityId,
  containsValue,
  decode,
  double,
  fnv,
  hexDef,
  intDef,
  isBool,
  isDouble,
  isEmpty,
  isInCidr,
  isInt,
  isList,
  isMap,
  isString,
  isValidLuhn,
  keysDef,
  logDef,
  md5,
  murmur3Hash,
  murmur3Hash128,
  parseInt,
  parseSeverity,
  profileId,
  sha1,
  sha256,
  sha512,
  sliceToMap,
  sort,
  spanId,
  stringDef,
  traceId,
  uuid,
  uuidv7,
  valuesDef,
  xxh128,
  xxh3,
  allLambda,
  anyLambda,
  filterLambda,
  findLambda,
  mapEachLambda,
  mapKeysLambda,
  reduceLambda,
  whenLambda,
];
