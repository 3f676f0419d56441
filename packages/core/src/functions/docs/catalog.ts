/**
 * Every function definition the toolchain knows, whatever set registers it (standard, gated,
 * context-specific), for documentation: the CLI's `ottl docs`, `docs/functions.md` and the
 * language service read the `doc` of these definitions.
 */
import type { FunctionDef } from '../../types/signature.js';
import { allDefinitions } from '../registry.js';

/** All definitions, sorted by name (editors and converters mixed; case-sensitive order). */
export function allFunctionDefs(): FunctionDef[] {
  return allDefinitions().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
