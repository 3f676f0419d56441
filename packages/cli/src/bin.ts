#!/usr/bin/env -S node --initial-heap-size=128
// `--initial-heap-size`: V8 sizes its full-GC limits from the live heap (≈ 25 MB for a collector),
// and the request buffers a collector moves at a few hundred MB/s then set off full GCs ≈ 20 times
// a second (`--trace-gc`). Starting with a 128 MB heap (it is still grown only as needed) leaves
// ≈ 6 a second; the collector bench's plain-`node` rows show what it buys (bench/RESULTS.md).
// `npm start` passes the same flag; `node bin.js` without it works, only slower.
// The `ottl` binary. Each command lives in commands/<name>.ts and registers itself on the program
// (`registerXxxCommand(program)`). Exit status: what the command sets (0 ok, 1 problems found),
// 2 for usage and I/O errors.
import { CommanderError } from 'commander';
import { CliError, createProgram } from './index.js';

// A closed pipe (`ottl run … | head`) ends the command quietly, like other Unix tools.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = createProgram();
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version exit 0; every other commander error is a usage error.
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof CliError) {
    process.stderr.write(`ottl: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`ottl: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  }
}
