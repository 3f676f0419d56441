/**
 * Teammate C's catalogue (GitHub issue #5): time and duration converters, XML converters, and the
 * context-specific functions of the transform and filter processors (metric, datapoint, span, log).
 * The registry concatenates it with the other catalogues.
 */
import type { FunctionDef } from '../../types/signature.js';

export const FUNCTIONS: readonly FunctionDef[] = [];
