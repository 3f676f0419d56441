/** Runs the example of packages/core/README.md and checks that it prints the output shown there. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as pdata from '@ottl/pdata';
import * as core from '../../index.js';

const README = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'README.md');

function block(text: string, marker: string): string {
  const m = new RegExp(`<!-- ${marker}:start -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\s*<!-- ${marker}:end -->`).exec(text);
  if (!m) throw new Error(`README has no ${marker} block`);
  return m[1]!;
}

/** The example as a function body: its imports become parameters bound to the real modules. */
function asFunctionBody(code: string): string {
  return code.replace(/^import \{([^}]*)\} from '(@ottl\/[a-z]+)';$/gm, (_all, names: string, from: string) => {
    const source = from === '@ottl/core' ? 'core' : 'pdata';
    return `const {${names}} = ${source};`;
  });
}

describe('README example', () => {
  it('prints the documented output', () => {
    const readme = readFileSync(README, 'utf8');
    const lines: string[] = [];
    const console = { log: (...args: unknown[]) => void lines.push(args.map(String).join(' ')) };
    const run = new Function('core', 'pdata', 'console', asFunctionBody(block(readme, 'example')));
    run(core, pdata, console);
    expect(lines.join('\n') + '\n').toBe(block(readme, 'output'));
  });
});
