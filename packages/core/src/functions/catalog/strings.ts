/**
 * Teammate A's catalogue: string, regex/glob and parsing functions (GitHub issue #5).
 * The registry concatenates it with the other catalogues.
 */
import type { FunctionDef } from '../../types/signature.js';
import { definition as Concat } from '../converters/concat.js';
import { definition as ConvertCase } from '../converters/convert_case.js';
import { definition as Format } from '../converters/format.js';
import { definition as HasPrefix } from '../converters/has_prefix.js';
import { definition as HasSuffix } from '../converters/has_suffix.js';
import { definition as Index } from '../converters/index.js';
import { definition as IsMatch } from '../converters/is_match.js';
import { definition as Len } from '../converters/len.js';
import { definition as Split } from '../converters/split.js';
import { definition as Substring } from '../converters/substring.js';
import { definition as ToCamelCase } from '../converters/to_camel_case.js';
import { definition as ToLowerCase } from '../converters/to_lower_case.js';
import { definition as ToSnakeCase } from '../converters/to_snake_case.js';
import { definition as ToUpperCase } from '../converters/to_upper_case.js';
import { definition as Trim } from '../converters/trim.js';
import { definition as TrimPrefix } from '../converters/trim_prefix.js';
import { definition as TrimSuffix } from '../converters/trim_suffix.js';
import { definition as ExtractGrokPatterns } from '../converters/extract_grok_patterns.js';
import { definition as ExtractPatterns } from '../converters/extract_patterns.js';
import { definition as ParseCSV } from '../converters/parse_csv.js';
import { definition as ParseJSON } from '../converters/parse_json.js';
import { definition as ParseKeyValue } from '../converters/parse_key_value.js';
import { definition as ToKeyValueString } from '../converters/to_key_value_string.js';
import { definition as URL } from '../converters/url.js';
import { definition as UserAgent } from '../converters/user_agent.js';
import { definition as delete_matching_keys } from '../editors/delete_matching_keys.js';
import { definition as delete_matching_values } from '../editors/delete_matching_values.js';
import { definition as keep_matching_keys } from '../editors/keep_matching_keys.js';
import { definition as replace_all_matches } from '../editors/replace_all_matches.js';
import { definition as replace_all_patterns } from '../editors/replace_all_patterns.js';
import { definition as replace_match } from '../editors/replace_match.js';
import { definition as replace_pattern } from '../editors/replace_pattern.js';

export const FUNCTIONS: readonly FunctionDef[] = [
  // strings
  Concat,
  ConvertCase,
  Format,
  HasPrefix,
  HasSuffix,
  Index,
  IsMatch,
  Len,
  Split,
  Substring,
  ToCamelCase,
  ToLowerCase,
  ToSnakeCase,
  ToUpperCase,
  Trim,
  TrimPrefix,
  TrimSuffix,
  // parsing
  ExtractGrokPatterns,
  ExtractPatterns,
  ParseCSV,
  ParseJSON,
  ParseKeyValue,
  ToKeyValueString,
  URL,
  UserAgent,
  // regex and glob editors
  delete_matching_keys,
  delete_matching_values,
  keep_matching_keys,
  replace_all_matches,
  replace_all_patterns,
  replace_match,
  replace_pattern,
];
