import { describe, expect, it } from 'vitest';
import { createEnvironment } from '@ottl/core';
import { complete } from '../completion.js';

const env = createEnvironment();
const labels = (text: string, context: Parameters<typeof complete>[3] = 'log') => complete(text, text.length, env, context).items.map((i) => i.label);

describe('REPL completion', () => {
  it('offers editors only at the start of a statement, converters after it', () => {
    expect(labels('replace_p')).toEqual(['replace_pattern']);
    expect(labels('set(attributes["a"], replace_p')).toEqual([]);
    expect(labels('set(attributes["a"], Conc')).toEqual(['Concat']);
  });

  it("offers the context's paths unprefixed and prefixed, and other contexts' prefixed", () => {
    expect(labels('set(attributes["a"], severity_')).toEqual(['severity_number', 'severity_text']);
    expect(labels('resource.att')).toEqual(['resource.attributes']);
    expect(labels('log.trace_id.')).toEqual(['log.trace_id.string']);
    expect(labels('name', 'span')).toEqual(['name']);
  });

  it('offers enums and keywords; nothing inside a string', () => {
    expect(labels('set(x, 1) where severity_number > SEVERITY_NUMBER_ER')).toEqual(['SEVERITY_NUMBER_ERROR', 'SEVERITY_NUMBER_ERROR2', 'SEVERITY_NUMBER_ERROR3', 'SEVERITY_NUMBER_ERROR4']);
    expect(labels('set(x, 1) wh')).toEqual(['where']);
    expect(labels('set(attributes["seve')).toEqual([]);
  });

  it('replaces the word before the cursor', () => {
    const text = 'set(attributes["a"], Conc';
    expect(complete(text, text.length, env, 'log').from).toBe(21);
  });
});
