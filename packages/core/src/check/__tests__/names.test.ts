import { describe, expect, test } from 'vitest';
import { closestNames } from '../../contexts/suggest.js';
import { didYouMeanHint, editDistance, suggestNames } from '../names.js';

describe('editDistance', () => {
  test('Levenshtein by default; adjacent transpositions cost 1 when asked', () => {
    const pairs = [['attributes', 'attribtues'], ['kitten', 'sitting'], ['', 'abc'], ['ab', 'ba'], ['same', 'same']] as const;
    expect(pairs.map(([a, b]) => [a, b, editDistance(a, b), editDistance(a, b, true)])).toEqual([
      ['attributes', 'attribtues', 2, 1],
      ['kitten', 'sitting', 3, 3],
      ['', 'abc', 3, 3],
      ['ab', 'ba', 2, 1],
      ['same', 'same', 0, 0],
    ]);
  });
});

describe('did-you-mean', () => {
  test('checker names: distance up to a third of the name, or the same letters ignoring case and `_`', () => {
    const functions = ['IsMatch', 'IsMap', 'IsString', 'ParseJSON', 'Int', 'is_match'];
    expect({
      IsMach: suggestNames('IsMach', functions),
      ismatch: suggestNames('ismatch', functions),
      ParseJson: suggestNames('ParseJson', functions),
      Foo: suggestNames('Foo', functions),
    }).toEqual({
      IsMach: ['IsMatch', 'IsMap', 'is_match'],
      ismatch: ['IsMatch', 'is_match'],
      ParseJson: ['ParseJSON'],
      Foo: [],
    });
  });

  test('path names: transpositions count 1, prefixes of three letters count, 40% of the longer name', () => {
    const fields = ['attributes', 'body', 'severity_number', 'severity_text', 'time_unix_nano', 'trace_id'];
    expect({
      attribtues: closestNames('attribtues', fields),
      severity: closestNames('severity', fields),
      BODY: closestNames('BODY', fields),
      xyz: closestNames('xyz', fields),
    }).toEqual({
      attribtues: ['attributes'],
      severity: ['severity_number', 'severity_text'],
      BODY: ['body'],
      xyz: [],
    });
  });

  test('hint wording', () => {
    expect([[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map((s) => didYouMeanHint(s))).toEqual([
      undefined,
      'did you mean `a`?',
      'did you mean `a` or `b`?',
      'did you mean `a`, `b` or `c`?',
    ]);
  });
});
