#!/usr/bin/env node
// The `ottl` binary. Each command lives in commands/<name>.ts and registers itself on the program;
// other commands register the same way (`registerXxxCommand(program)`).
import { createProgram } from './index.js';

const program = createProgram();
await program.parseAsync(process.argv);
