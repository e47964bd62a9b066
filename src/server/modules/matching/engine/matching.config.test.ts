import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, MatchConfigError, normalisedWeights, parseMatchConfig } from './matching.config';
import { createMatchModel } from './matching.model';

const weights = (patch: Record<string, unknown>) => ({ weights: { ...DEFAULT_WEIGHTS, ...patch } });

function issuesOf(input: unknown) {
  try {
    parseMatchConfig(input);
  } catch (e) {
    expect(e).toBeInstanceOf(MatchConfigError);
    return (e as MatchConfigError).issues.map((i) => `${i.path}:${i.code}`);
  }
  throw new Error('expected a MatchConfigError');
}

describe('matching parameters', () => {
  it('fills in the documented defaults', () => {
    expect(parseMatchConfig({})).toEqual({
      weights: { occupation: 35, distance: 20, language: 15, school: 10, start: 10, kind: 10 },
      distanceHalfKm: 15,
      defaultRadiusKm: 30,
      startToleranceDays: 92,
      unknownValue: 0.5,
      requireOccupationRelation: true,
    });
  });

  it('normalises weights to a sum of 1', () => {
    const w = normalisedWeights(
      parseMatchConfig(weights({ occupation: 2, distance: 2, language: 0, school: 0, start: 0, kind: 0 }))
        .weights,
    );
    expect(w).toEqual({ occupation: 0.5, distance: 0.5, language: 0, school: 0, start: 0, kind: 0 });
  });

  it.each([
    ['a negative weight', { distance: -1 }, ['weights.distance:weight_negative']],
    ['NaN', { language: Number.NaN }, ['weights.language:weight_nan']],
    ['Infinity', { school: Number.POSITIVE_INFINITY }, ['weights.school:weight_not_finite']],
    ['a string', { start: '10' }, ['weights.start:weight_not_a_number']],
    ['a missing weight', { kind: undefined }, ['weights.kind:weight_missing']],
    ['a huge weight', { kind: 1e6 }, ['weights.kind:weight_too_large']],
    ['an unknown factor', { salary: 3 }, ['weights:unrecognized_keys']],
    [
      'all weights zero',
      { occupation: 0, distance: 0, language: 0, school: 0, start: 0, kind: 0 },
      ['weights:weights_all_zero'],
    ],
  ])('rejects %s with a clear error', (_name, patch, expected) => {
    expect(issuesOf(weights(patch))).toEqual(expected);
  });

  it('names every invalid field at once, also curve parameters', () => {
    expect(
      issuesOf({ ...weights({ distance: -2, kind: Number.NaN }), distanceHalfKm: 0, unknownValue: 1.5 }),
    ).toEqual([
      'weights.distance:weight_negative',
      'weights.kind:weight_nan',
      'distanceHalfKm:too_small',
      'unknownValue:too_big',
    ]);
  });

  it('says which fields are wrong in the message', () => {
    expect(() => parseMatchConfig(weights({ occupation: -5 }))).toThrow(
      'invalid matching parameters: weights.occupation: weight_negative',
    );
  });

  it('refuses invalid weights when a model is built', () => {
    expect(() =>
      createMatchModel({ occupations: [], clients: [], places: [], config: weights({ distance: -1 }) }),
    ).toThrow(MatchConfigError);
  });
});
