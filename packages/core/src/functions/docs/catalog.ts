/**
 * Every function definition the toolchain knows, whatever set registers it (standard, gated,
 * context-specific), for documentation: the CLI's `ottl docs`, `docs/functions.md` and the
 * language service read the `doc` of these definitions.
 */
import type { FunctionDef } from '../../types/signature.js';
import { FUNCTIONS as CORE } from '../catalog/core.js';
import { FUNCTIONS as STRINGS } from '../catalog/strings.js';
import { FUNCTIONS as TIME_XML_CONTEXT } from '../catalog/time_xml_context.js';

/** All definitions, sorted by name (editors and converters mixed; case-sensitive order). */
export function allFunctionDefs(): FunctionDef[] {
  return [...STRINGS, ...CORE, ...TIME_XML_CONTEXT].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
