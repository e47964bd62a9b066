import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../../contracts/matching';
import {
  formPath,
  formValues,
  numberInputFormat,
  parseDecimal,
  reachableOffices,
  saveFailure,
  weightShares,
  weightsFormBody,
  weightsFormErrors,
} from './weights-form';

const config = {
  weights: { ...DEFAULT_WEIGHTS },
  distanceHalfKm: 15,
  defaultRadiusKm: 30,
  startToleranceDays: 92,
  unknownValue: 0.5,
  requireOccupationRelation: true,
};

describe('matching weights form', () => {
  it('round-trips the parameters (the unknown value as percent)', () => {
    const values = formValues(config);
    expect(values.unknownPercent).toBe(50);
    expect(weightsFormBody(values, 3)).toEqual({ version: 3, ...config });
  });

  it('shows each weight as its share of the total', () => {
    expect(weightShares(formValues(config).weights)).toEqual({
      occupation: 35,
      distance: 20,
      language: 15,
      school: 10,
      start: 10,
      kind: 10,
    });
    expect(
      weightShares({
        ...formValues(config).weights,
        occupation: 0,
        distance: 1,
        language: 0,
        school: 0,
        start: 0,
        kind: 1,
      }),
    ).toMatchObject({ distance: 50, kind: 50, occupation: 0 });
    expect(weightShares({ ...formValues(config).weights, distance: '' })).toMatchObject({ occupation: 0 });
    // Thirds: 34 + 33 + 33, not 33 + 33 + 33 = 99.
    const thirds = weightShares({ occupation: 1, distance: 1, language: 1, school: 0, start: 0, kind: 0 });
    expect(Object.values(thirds).reduce((a, b) => a + b)).toBe(100);
  });

  it('refuses negative, missing, too large and all-zero weights and parameters out of range', () => {
    const values = formValues(config);
    expect(weightsFormErrors(values)).toEqual({});
    expect(weightsFormErrors({ ...values, weights: { ...values.weights, distance: -1, kind: '' } })).toEqual({
      'weights.distance': 'notNegative',
      'weights.kind': 'numberRequired',
    });
    expect(weightsFormErrors({ ...values, weights: { ...values.weights, start: 1001 } })).toEqual({
      'weights.start': 'tooLarge',
    });
    const zero = { occupation: 0, distance: 0, language: 0, school: 0, start: 0, kind: 0 };
    expect(weightsFormErrors({ ...values, weights: zero })).toEqual({ 'weights.occupation': 'allZero' });
    expect(
      weightsFormErrors({
        ...values,
        distanceHalfKm: 0,
        defaultRadiusKm: 2000,
        startToleranceDays: '',
        unknownPercent: 101,
      }),
    ).toEqual({
      distanceHalfKm: 'mustBePositive',
      defaultRadiusKm: 'tooLarge',
      startToleranceDays: 'numberRequired',
      unknownPercent: 'tooLarge',
    });
  });

  it('reads German decimals ("12,5" is 12.5, not 125) and rejects what is no number', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal(' 1.000,5 ')).toBe(1000.5);
    expect(parseDecimal('12.5')).toBe(12.5);
    expect(parseDecimal('-5')).toBe(-5);
    expect(parseDecimal(7)).toBe(7);
    expect(parseDecimal('')).toBeNaN();
    expect(parseDecimal('12abc')).toBeNaN();
    const values = formValues(config);
    const body = weightsFormBody({ ...values, weights: { ...values.weights, distance: '12,5' } }, 1);
    expect(body.weights?.distance).toBe(12.5);
    expect(weightsFormBody({ ...values, distanceHalfKm: '7,5' }, 1).distanceHalfKm).toBe(7.5);
    // The inputs use the comma in German and never clamp silently.
    expect(numberInputFormat('de')).toMatchObject({ decimalSeparator: ',', clampBehavior: 'none' });
    expect(numberInputFormat('en').decimalSeparator).toBe('.');
  });

  it('out-of-range values get a field error instead of being clamped (-5, 5000, half distance 0)', () => {
    const values = formValues(config);
    expect(
      weightsFormErrors({
        ...values,
        weights: { ...values.weights, occupation: '-5', distance: '5000', language: '12,5' },
        distanceHalfKm: '0',
      }),
    ).toEqual({
      'weights.occupation': 'notNegative',
      'weights.distance': 'tooLarge',
      distanceHalfKm: 'mustBePositive',
    });
  });

  it('a failed save: 409 shows its own message with reload, field errors land at the fields', () => {
    expect(saveFailure(409, [{ field: 'body.version', message: 'veraltet' }])).toEqual({
      conflict: true,
      fields: {},
      problemMessage: true,
    });
    expect(
      saveFailure(400, [
        { field: 'body.weights', message: 'alle null' },
        { field: 'body.unknownValue', message: 'zu groß' },
      ]),
    ).toEqual({
      conflict: false,
      fields: { 'weights.occupation': 'alle null', unknownPercent: 'zu groß' },
      problemMessage: false,
    });
    expect(saveFailure(400, [{ field: 'query.officeId', message: 'x' }])).toMatchObject({
      fields: {},
      problemMessage: true,
    });
    expect(saveFailure(403, [])).toMatchObject({ conflict: false, problemMessage: true });
  });

  it('maps the server field paths to the form', () => {
    expect(formPath('body.weights.distance')).toBe('weights.distance');
    expect(formPath('body.unknownValue')).toBe('unknownPercent');
  });

  it('offices a coordinator reaches: own first, then everything below by name; others only their own', () => {
    const offices = [
      { id: 'root', parentId: null, name: 'Bund' },
      { id: 'nrw', parentId: 'root', name: 'NRW' },
      { id: 'hagen', parentId: 'nrw', name: 'Hagen' },
      { id: 'dus', parentId: 'nrw', name: 'Düsseldorf' },
      { id: 'by', parentId: 'root', name: 'Bayern' },
    ];
    expect(reachableOffices(offices, 'nrw', true).map((o) => o.id)).toEqual(['nrw', 'dus', 'hagen']);
    expect(reachableOffices(offices, 'dus', false).map((o) => o.id)).toEqual(['dus']);
    expect(reachableOffices(offices, 'gone', true)).toEqual([]);
  });
});
