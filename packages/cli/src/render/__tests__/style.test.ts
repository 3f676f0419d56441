import { describe, expect, it } from 'vitest';
import { wantsColor } from '../style.js';

describe('terminal style', () => {
  it('colours only when asked: TTY without NO_COLOR, or --color always', () => {
    expect(wantsColor({ isTTY: true }, 'auto', {})).toBe(true);
    expect(wantsColor({ isTTY: true }, 'auto', { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor({ isTTY: false }, 'auto', {})).toBe(false);
    expect(wantsColor({ isTTY: false }, 'always', { NO_COLOR: '1' })).toBe(true);
  });
});
