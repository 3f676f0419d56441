/**
 * Teammate B's catalogue (GitHub issue #5): the core editors, type conversions and tests,
 * collections, hashes, encodings, ids, network helpers and the experimental lambda converters.
 * The registry concatenates it with the other catalogues.
 */
import type { FunctionDef } from '../../types/signature.js';

export const FUNCTIONS: readonly FunctionDef[] = [];
