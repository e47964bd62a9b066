import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TMatchFactor } from '../../../contracts/matching';
import { ZMatchReasonCode } from '../../../contracts/matching';
import de from '../../../locales/de.json';
import en from '../../../locales/en.json';
import {
  describeFactor,
  factorPoints,
  factorUnknown,
  requiredLevel,
  scorePercent,
  type TFactorContext,
  type TFactorFormatters,
  wholeShares,
} from './factor-text';

const f: TFactorFormatters = {
  km: (km) => `${km} km`,
  day: (day) => day.split('-').reverse().join('.'),
  kind: (kind) => `<${kind}>`,
  occupation: (id) => `«${id}»`,
};

const factor = (patch: Partial<TMatchFactor> & Pick<TMatchFactor, 'key'>): TMatchFactor => ({
  raw: null,
  value: 0.5,
  weight: 0.2,
  contribution: 0.1,
  reason: null,
  ...patch,
});

const client: TFactorContext = { side: 'client', germanLevel: 'B1', startsOn: '2027-08-01', radiusKm: 30 };

async function translator(lng: 'de' | 'en') {
  const i = i18next.createInstance();
  await i.init({
    lng,
    resources: { de: { translation: de }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return (described: { key: string; params: Record<string, string | number> }) => {
    expect(i.exists(described.key, described.params), described.key).toBe(true);
    return i.t(described.key, described.params);
  };
}

describe('describeFactor: plain German for each factor', () => {
  it('occupation: exact, KldB proximity naming the wished occupation, interests, unknown reasons', async () => {
    const t = await translator('de');
    expect(t(describeFactor(factor({ key: 'occupation', raw: 'exact', via: 'friseur' }), client, f))).toBe(
      'Wunschberuf genau',
    );
    expect(t(describeFactor(factor({ key: 'occupation', raw: 'subgroup', via: 'koch' }), client, f))).toBe(
      'Eng verwandt mit dem Wunschberuf „«koch»“ (gleiche Berufsuntergruppe)',
    );
    expect(t(describeFactor(factor({ key: 'occupation', raw: 'group' }), client, f))).toBe(
      'Verwandt mit einem Wunschberuf (gleiche Berufsgruppe)',
    );
    expect(t(describeFactor(factor({ key: 'occupation', raw: 'interest' }), client, f))).toBe(
      'Passt zu den Interessen',
    );
    expect(
      t(
        describeFactor(
          factor({ key: 'occupation', raw: 'unknown', reason: 'no_wished_occupation' }),
          client,
          f,
        ),
      ),
    ).toBe('Kein Wunschberuf und keine Interessen erfasst');
  });

  it('distance: km with the radius (own or default), or which postcode is missing', async () => {
    const t = await translator('de');
    expect(t(describeFactor(factor({ key: 'distance', raw: 12 }), client, f))).toBe(
      '12 km entfernt (Umkreis 30 km)',
    );
    expect(
      t(describeFactor(factor({ key: 'distance', raw: 12, reason: 'mobility_radius_default' }), client, f)),
    ).toBe('12 km entfernt (Standard-Umkreis 30 km, kein eigener erfasst)');
    expect(t(describeFactor(factor({ key: 'distance', raw: 4.5 }), { side: 'place' }, f))).toBe(
      '4.5 km entfernt',
    );
    expect(
      t(describeFactor(factor({ key: 'distance', raw: null, reason: 'client_postcode_missing' }), client, f)),
    ).toBe('Keine Postleitzahl erfasst');
    expect(
      t(
        describeFactor(
          factor({ key: 'distance', raw: null, reason: 'client_postcode_missing' }),
          { side: 'place' },
          f,
        ),
      ),
    ).toBe('Bei der Person ist keine Postleitzahl erfasst');
    expect(
      t(describeFactor(factor({ key: 'distance', raw: null, reason: 'place_postcode_missing' }), client, f)),
    ).toBe('Beim Platz ist keine Postleitzahl angegeben');
  });

  it('language: the required level from the gap; one below; support; no requirement; unknown', async () => {
    const t = await translator('de');
    expect(t(describeFactor(factor({ key: 'language', raw: 1 }), client, f))).toBe(
      'Deutsch B1, verlangt B2: eine Stufe darunter',
    );
    expect(t(describeFactor(factor({ key: 'language', raw: -1 }), client, f))).toBe(
      'Deutsch B1, verlangt A2: erfüllt',
    );
    expect(t(describeFactor(factor({ key: 'language', raw: 0 }), client, f))).toBe(
      'Deutsch B1, verlangt B1: erfüllt',
    );
    expect(
      t(describeFactor(factor({ key: 'language', raw: 2, reason: 'language_support' }), client, f)),
    ).toBe('Deutsch B1, verlangt C1: 2 Stufen darunter, Sprachförderung im Betrieb möglich');
    expect(
      t(describeFactor(factor({ key: 'language', raw: null, reason: 'no_requirement' }), client, f)),
    ).toBe('Deutsch B1, der Platz verlangt kein bestimmtes Niveau');
    expect(
      t(
        describeFactor(
          factor({ key: 'language', raw: null, reason: 'client_german_level_unknown' }),
          { side: 'client', germanLevel: null },
          f,
        ),
      ),
    ).toBe('Deutschniveau nicht erfasst');
  });

  it('school, start and kind', async () => {
    const t = await translator('de');
    expect(t(describeFactor(factor({ key: 'school', raw: 0 }), client, f))).toBe(
      'Verlangter Abschluss vorhanden',
    );
    expect(t(describeFactor(factor({ key: 'school', raw: 1 }), client, f))).toBe(
      'Eine Stufe unter dem verlangten Abschluss',
    );
    expect(t(describeFactor(factor({ key: 'school', raw: 3 }), client, f))).toBe(
      '3 Stufen unter dem verlangten Abschluss',
    );
    expect(t(describeFactor(factor({ key: 'start', raw: 0 }), client, f))).toBe(
      'Beginn 01.08.2027: im gewünschten Zeitraum',
    );
    expect(t(describeFactor(factor({ key: 'start', raw: 30, reason: 'after_window' }), client, f))).toBe(
      'Beginn 01.08.2027: 30 Tage nach dem gewünschten Zeitraum',
    );
    expect(t(describeFactor(factor({ key: 'start', raw: 1, reason: 'before_window' }), client, f))).toBe(
      'Beginn 01.08.2027: 1 Tag vor dem gewünschten Zeitraum',
    );
    // Tester's case: place starts 16.04.2027, client available from 06.05.2027 → raw -20, before_window.
    expect(
      t(
        describeFactor(
          factor({ key: 'start', raw: -20, reason: 'before_window' }),
          { ...client, startsOn: '2027-04-16' },
          f,
        ),
      ),
    ).toBe('Beginn 16.04.2027: 20 Tage vor dem gewünschten Zeitraum');
    expect(t(describeFactor(factor({ key: 'start', raw: -1, reason: 'before_window' }), client, f))).toBe(
      'Beginn 01.08.2027: 1 Tag vor dem gewünschten Zeitraum',
    );
    expect(t(describeFactor(factor({ key: 'start', raw: 15, reason: 'after_window' }), client, f))).toBe(
      'Beginn 01.08.2027: 15 Tage nach dem gewünschten Zeitraum',
    );
    expect(
      t(describeFactor(factor({ key: 'start', raw: null, reason: 'place_start_missing' }), client, f)),
    ).toBe('Beim Platz ist kein Beginn angegeben');
    expect(t(describeFactor(factor({ key: 'kind', raw: 'apprenticeship' }), client, f))).toBe(
      '<apprenticeship>: gewünscht',
    );
    expect(
      t(describeFactor(factor({ key: 'kind', raw: 'internship', reason: 'kind_not_wanted' }), client, f)),
    ).toBe('<internship>: nicht gewünscht');
  });

  it('every combination has a German and an English text', async () => {
    const tDe = await translator('de');
    const tEn = await translator('en');
    const raws: Record<TMatchFactor['key'], Array<string | number | null>> = {
      occupation: [
        'exact',
        'same_code',
        'subgroup',
        'group',
        'main_group',
        'interest',
        'unrelated',
        'unknown',
      ],
      distance: [0, 12.3, null],
      language: [-2, 0, 1, 2, 3, null],
      school: [-1, 0, 1, 2, null],
      start: [0, 1, 45, null],
      kind: ['apprenticeship', 'internship', 'entry_qualification', 'taster_day'],
    };
    const reasons = [null, ...ZMatchReasonCode.options];
    for (const [key, values] of Object.entries(raws)) {
      for (const raw of values) {
        for (const reason of reasons) {
          for (const via of [null, 'koch']) {
            for (const ctx of [
              client,
              { side: 'place' as const },
              { side: 'client' as const, germanLevel: 'A1' as const },
            ]) {
              const d = describeFactor(factor({ key: key as TMatchFactor['key'], raw, reason, via }), ctx, f);
              expect(tDe(d)).not.toContain('{{');
              expect(tEn(d)).not.toContain('{{');
            }
          }
        }
      }
    }
  });
});

describe('numbers of a score', () => {
  it('points of a factor and the score in percent', () => {
    expect(factorPoints([{ contribution: 0.3149, weight: 0.35 }])).toEqual([{ points: 31, max: 35 }]);
    // Weights 40/20/15/10/10/10 (sum 105): rounded one by one the maxima were 38+19+14+10+10+10 = 101.
    const w = [40, 20, 15, 10, 10, 10].map((x) => x / 105);
    const full = factorPoints(w.map((weight) => ({ weight, contribution: weight })));
    expect(full.map((p) => p.max)).toEqual([38, 19, 14, 10, 10, 9]);
    expect(full.map((p) => p.max).reduce((a, b) => a + b)).toBe(100);
    // A factor at its full weight shows its maximum, never more.
    expect(full.map((p) => p.points)).toEqual([38, 19, 14, 10, 10, 9]);
    expect(wholeShares([33.4, 33.3, 33.3])).toEqual([34, 33, 33]);
    // From a fresh-user test: score 0.765 showed as 76 % with points 32+10+15+10+10+0 = 77. The points
    // now add up to the percentage on the card.
    const card = [0.315, 0.1, 0.15, 0.1, 0.1, 0].map((contribution, i) => ({
      contribution,
      weight: [0.35, 0.2, 0.15, 0.1, 0.1, 0.1][i] as number,
    }));
    // The server's score: the same sum in another order of additions, a hair below 0.765.
    const shown = factorPoints(card, 0.7649999999999999);
    expect(scorePercent(0.7649999999999999)).toBe(76);
    expect(shown.map((p) => p.points).reduce((a, b) => a + b)).toBe(76);
    expect(shown.map((p) => p.points)).toEqual([31, 10, 15, 10, 10, 0]);
    // Every point within its maximum even when only a full factor has room to round up.
    const tight = factorPoints([
      { contribution: 0.35, weight: 0.35 },
      { contribution: 0.1049, weight: 0.2 },
      { contribution: 0.1049, weight: 0.15 },
    ]);
    expect(tight.map((p) => p.points)).toEqual([35, 11, 10]);
    expect(tight.every((p) => p.points <= p.max)).toBe(true);
    expect(wholeShares([])).toEqual([]);
    expect(scorePercent(0.826)).toBe(83);
    expect(scorePercent(1.2)).toBe(100);
    expect(scorePercent(Number.NaN)).toBe(0);
  });

  it('the required CEFR level from the client level and the gap', () => {
    expect(requiredLevel('B1', 1)).toBe('B2');
    expect(requiredLevel('A1', -1)).toBeNull();
    expect(requiredLevel('C2', 0)).toBe('C2');
  });

  it('unknown factors', () => {
    expect(factorUnknown(factor({ key: 'distance', raw: null, reason: 'client_postcode_missing' }))).toBe(
      true,
    );
    expect(factorUnknown(factor({ key: 'occupation', raw: 'unknown', reason: 'no_wished_occupation' }))).toBe(
      true,
    );
    expect(factorUnknown(factor({ key: 'school', raw: null, reason: 'no_requirement' }))).toBe(false);
    expect(factorUnknown(factor({ key: 'kind', raw: 'internship', reason: 'no_kind_preference' }))).toBe(
      true,
    );
    expect(factorUnknown(factor({ key: 'occupation', raw: 'exact' }))).toBe(false);
  });
});
