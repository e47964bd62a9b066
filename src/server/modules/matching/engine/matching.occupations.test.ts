import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildOccupationCatalogue,
  interestOccupations,
  LEVEL_NAMES,
  relateOccupations,
  relatePacked,
} from './matching.occupations';
import { TEST_OCCUPATIONS } from './matching.testkit';

const cat = buildOccupationCatalogue(TEST_OCCUPATIONS);
const ids = TEST_OCCUPATIONS.map((o) => o.id);

describe('occupation relations', () => {
  it('relates a wish to its KldB main group with the best level per occupation', () => {
    const r = relateOccupations(cat, ['kraftfahrzeugmechatroniker'], []);
    const named = r.occ.map((o, i) => `${ids[o]}:${LEVEL_NAMES[r.level[i] as number]}`);
    expect(named).toEqual([
      'kraftfahrzeugmechatroniker:exact',
      'kfz-spezialist:subgroup',
      'zweiradmechatroniker:group',
      'industriemechaniker:main_group',
    ]);
  });

  it('reads interests case- and accent-insensitively; short words name nothing', () => {
    expect(interestOccupations(cat, 'BÄCKER').map((o) => ids[o])).toEqual(['baecker']);
    expect(interestOccupations(cat, '25').length).toBe(4);
    expect(interestOccupations(cat, 'it')).toEqual([]);
  });

  it('packs the same relations as relateOccupations (the compiled tables use the packed form)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ids, 'unknown-id'), { maxLength: 4 }),
        fc.array(fc.constantFrom('Metall', 'handel', '2', '29', 'Kfz', 'xyz', ''), { maxLength: 3 }),
        (wishes, interests) => {
          const r = relateOccupations(cat, wishes, interests);
          const packed = Array.from(relatePacked(cat, wishes, interests));
          expect(packed).toEqual(r.occ.map((o, i) => (r.level[i] as number) * 65536 + o));
        },
      ),
    );
  });
});
