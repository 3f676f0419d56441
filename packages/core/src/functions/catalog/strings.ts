/**
 * Teammate A's catalogue: string, regex/glob and parsing functions (GitHub issue #5).
 * The registry concatenates it with the other catalogues.
 */
import type { FunctionDef } from '../../types/signature.js';

export const FUNCTIONS: readonly FunctionDef[] = [];
