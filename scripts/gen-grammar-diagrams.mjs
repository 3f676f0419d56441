#!/usr/bin/env node
// Regenerates grammar/diagrams/ottl.html (railroad diagrams of the OTTL parser's grammar) from the
// BUILT @ottl/core (packages/core/dist; run `npx tsc -b packages/core` first).
//
//   node scripts/gen-grammar-diagrams.mjs           write grammar/diagrams/ottl.html
//   node scripts/gen-grammar-diagrams.mjs --check   exit 1 when the file is out of date
import { generate } from './generated.mjs';

await generate('grammar/diagrams/ottl.html', 'node scripts/gen-grammar-diagrams.mjs', (core) => core.renderGrammarDiagrams());
