import { describe, expect, it } from 'vitest';
import { check } from '../../__tests__/harness.js';
import { NeverTrueRule } from '../NeverTrueRule.js';

const cond = (text: string): string[] => check(text, [NeverTrueRule], { kind: 'condition' });

describe('NeverTrueRule', () => {
  it('warns about comparing a string path with an int literal', () => {
    expect(cond('severity_text == 3')).toMatchInlineSnapshot(`
      [
        "warning never-true 1:1-1:19 this comparison compares a string with an int and is never true [hint: OTTL never converts between types in comparisons; convert one side (String(), Int(), Double())]",
      ]
    `);
  });
  it('warns about ordering maps', () => {
    expect(cond('attributes < {"a": 1}')).toMatchInlineSnapshot(`
      [
        "warning never-true 1:1-1:22 this comparison orders a map, which has no order and is never true",
      ]
    `);
  });
  it('warns about comparing an id with bytes', () => {
    expect(cond('trace_id == 0x0102')).toMatchInlineSnapshot(`
      [
        "warning never-true 1:1-1:19 this comparison compares a trace id with bytes and is never true [hint: OTTL never converts between types in comparisons; convert one side (String(), Int(), Double())]",
      ]
    `);
  });
  it('accepts comparisons that can hold', () => {
    expect(cond('severity_number == 3.0')).toEqual([]);
    expect(cond('attributes["x"] == 3')).toEqual([]);
    expect(cond('severity_text != 3')).toEqual([]);
    expect(cond('body == nil')).toEqual([]);
    expect(cond('trace_id == TraceID(0x0102030405060708090a0b0c0d0e0f10)')).toEqual([]);
  });
});
