#!/usr/bin/env node
// Regenerates docs/functions.md from the function definitions (their `params` and `doc`), using
// the BUILT @ottl/core (packages/core/dist; run `npx tsc -b packages/core` first).
//
//   node scripts/gen-function-docs.mjs           write docs/functions.md
//   node scripts/gen-function-docs.mjs --check   exit 1 when docs/functions.md is out of date
import { generate } from './generated.mjs';

await generate('docs/functions.md', 'node scripts/gen-function-docs.mjs', (core) => core.renderFunctionDocs(core.allFunctionDefs()));
