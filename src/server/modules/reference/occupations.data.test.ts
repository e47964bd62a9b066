import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Checks data/occupations.json (written for this project from the BIBB Verzeichnis der anerkannten
 * Ausbildungsberufe) against its own rules and against the KldB 2010 file of the Bundesagentur für
 * Arbeit in data/kldb2010. Reads the files directly: no database, no project imports.
 */

interface OccupationEntry {
  id: string;
  name: string;
  nameFemale: string;
  nameMale: string;
  kldb: string;
  durationMonths: number;
  chamber: string[];
  kind: string;
  aliases: string[];
  field?: string | null;
  legalBasis?: string | null;
}

const CHAMBERS = new Set(['IHK', 'HWK', 'LWK', 'FB', 'OED', 'OTHER']);
const KINDS = new Set(['dual', 'two_year', 'theory_reduced', 'federal_other', 'eq']);

function readData(rel: string): string {
  return readFileSync(new URL(`../../../../data/${rel}`, import.meta.url), 'utf8').replace(/^\uFEFF/, '');
}

/**
 * Minimal RFC 4180 reader for the KldB file: `;`-separated; a field may be quoted, a quoted field
 * may hold `;`, line breaks and doubled quotes (`""`). Lines end in LF or CRLF.
 */
function parseCsv(text: string, sep = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const kldbRows = parseCsv(readData('kldb2010/kldb2010-v2020.csv')).slice(1);

/** KldB code → level, with keys padded back to their level's width ("110" at level 4 → "0110"). */
function loadKldb(): Map<string, number> {
  const codes = new Map<string, number>();
  for (const [key = '', levelText = ''] of kldbRows) {
    const level = Number(levelText);
    if (!/^\d+$/.test(key) || !(level >= 1 && level <= 5)) continue;
    codes.set(key.padStart(level, '0'), level);
  }
  return codes;
}

/**
 * The occupation titles the Bundesagentur assigns to a level-5 code ("Zugeordnete Berufe (Beispiele)":
 * "81302-129 Pflegefachmann/-frau (Ausbildung)" → "Pflegefachmann/-frau (Ausbildung)").
 */
function assignedTitles(code: string): string[] {
  const row = kldbRows.find(([key = '', level]) => level === '5' && key.padStart(5, '0') === code);
  const text = (row ?? []).join(';').replace(/\s+/g, ' ');
  const list = /Zugeordnete Berufe \(Beispiele\):([^;]*)/.exec(text)?.[1] ?? '';
  return list
    .split(new RegExp(`\\s*${code}-\\d{3}\\s+`))
    .map((x) => x.trim())
    .filter(Boolean);
}

const kldb = loadKldb();
const occupations = JSON.parse(readData('occupations.json')) as OccupationEntry[];
const byName = new Map(occupations.map((o) => [o.name, o]));

function get(name: string): OccupationEntry {
  const o = byName.get(name);
  if (!o) throw new Error(`occupation "${name}" missing from data/occupations.json`);
  return o;
}

describe('KldB 2010 file', () => {
  it('parses into the 10/37/144/703/1,301 positions of the five levels', () => {
    const perLevel = [1, 2, 3, 4, 5].map((l) => [...kldb.values()].filter((v) => v === l).length);
    expect(perLevel).toEqual([10, 37, 144, 703, 1301]);
    expect(kldb.get('01')).toBe(2);
    expect(kldb.get('0110')).toBe(4);
    expect(kldb.get('82312')).toBe(5);
  });
});

describe('data/occupations.json', () => {
  it('has well-formed entries', () => {
    expect(Array.isArray(occupations)).toBe(true);
    for (const o of occupations) {
      expect(o.id, o.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const n of [o.name, o.nameFemale, o.nameMale]) expect(n.trim().length, o.id).toBeGreaterThan(1);
      expect(o.kldb, o.id).toMatch(/^\d{5}$/);
      expect(KINDS.has(o.kind), `${o.id}: kind ${o.kind}`).toBe(true);
      expect(Array.isArray(o.aliases), o.id).toBe(true);
      for (const a of o.aliases) expect(a.trim().length, o.id).toBeGreaterThan(1);
      if (o.field !== undefined && o.field !== null) expect(typeof o.field).toBe('string');
      // the law is named exactly for trainings under their own federal law
      if (o.kind === 'federal_other') expect(o.legalBasis, o.id).toMatch(/^\S{2,}/);
      else expect(o.legalBasis ?? null, o.id).toBeNull();
      if (o.kind !== 'eq') {
        // the gendered forms are spelled out, not abbreviated
        expect(o.nameFemale, o.id).not.toMatch(/\/-/);
        expect(o.nameMale, o.id).not.toMatch(/\/-/);
      }
    }
  });

  it('gives every occupation a KldB code that exists at level 5', () => {
    const missing = occupations.filter((o) => kldb.get(o.kldb) !== 5).map((o) => `${o.name}: ${o.kldb}`);
    expect(missing).toEqual([]);
  });

  it('lists at least 320 training occupations besides the EQ fields', () => {
    const training = occupations.filter((o) => ['dual', 'two_year', 'theory_reduced'].includes(o.kind));
    expect(training.length).toBeGreaterThanOrEqual(320);
    expect(occupations.filter((o) => o.kind === 'two_year').length).toBeGreaterThanOrEqual(15);
    expect(occupations.filter((o) => o.kind === 'theory_reduced').length).toBeGreaterThanOrEqual(3);
    expect(occupations.filter((o) => o.kind === 'eq').length).toBeGreaterThanOrEqual(10);
  });

  it('has the counts per kind that data/SOURCES.md states', () => {
    const count = (kind: string) => occupations.filter((o) => o.kind === kind).length;
    const sources = readData('SOURCES.md');
    const section = sources.slice(
      sources.indexOf('## `occupations.json`'),
      sources.indexOf('## `kldb2010/`'),
    );
    const text = section.replace(/\s+/g, ' ');
    expect(text).toContain(`${occupations.length} entries`);
    expect(text).toContain(`${count('dual')} dual training occupations`);
    expect(text).toContain(`${count('two_year')} two-year occupations`);
    expect(text).toContain(`${count('theory_reduced')} common theory-reduced occupations`);
    expect(text).toContain(`${count('federal_other')} trainings regulated by their own federal law`);
    expect(text).toContain(`${count('eq')} common fields of the Einstiegsqualifizierung`);
  });

  it('has unique ids and unique names', () => {
    const dup = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
    expect(dup(occupations.map((o) => o.id))).toEqual([]);
    expect(dup(occupations.map((o) => o.name.toLowerCase()))).toEqual([]);
  });

  it('is sorted by name (German collation)', () => {
    const names = occupations.map((o) => o.name);
    const sorted = [...names].sort(new Intl.Collator('de').compare);
    expect(names).toEqual(sorted);
  });

  it('uses regular durations: 24, 36 or 42 months (two-year ones 24), EQ 6–12', () => {
    for (const o of occupations) {
      if (o.kind === 'eq') {
        expect(o.durationMonths, o.id).toBeGreaterThanOrEqual(6);
        expect(o.durationMonths, o.id).toBeLessThanOrEqual(12);
      } else {
        expect([24, 36, 42], o.id).toContain(o.durationMonths);
      }
      if (o.kind === 'two_year') expect(o.durationMonths, o.id).toBe(24);
      if (o.kind === 'federal_other') expect(o.durationMonths, o.id).toBe(36);
      if (o.kind === 'dual') expect(o.durationMonths, o.id).toBeGreaterThanOrEqual(36);
    }
  });

  it('names competent bodies from the fixed set, each once', () => {
    for (const o of occupations) {
      expect(o.chamber.length, o.id).toBeGreaterThan(0);
      expect(new Set(o.chamber).size, o.id).toBe(o.chamber.length);
      for (const c of o.chamber) expect(CHAMBERS.has(c), `${o.id}: chamber ${c}`).toBe(true);
    }
  });

  it("has no alias that is another occupation's name", () => {
    const owner = new Map<string, string>();
    for (const o of occupations) {
      for (const n of [o.name, o.nameFemale, o.nameMale]) owner.set(n.toLowerCase(), o.id);
    }
    const clashes = occupations.flatMap((o) =>
      o.aliases
        .filter((a) => {
          const other = owner.get(a.toLowerCase());
          return other !== undefined && other !== o.id;
        })
        .map((a) => `${o.id}: ${a}`),
    );
    expect(clashes).toEqual([]);
  });

  describe('spot checks of known facts', () => {
    it('Friseur/-in: 82312, 36 months, Handwerk', () => {
      const o = get('Friseur/-in');
      expect(o).toMatchObject({ kldb: '82312', durationMonths: 36, chamber: ['HWK'], kind: 'dual' });
      expect(o.nameFemale).toBe('Friseurin');
      expect(o.aliases).toContain('Frisör');
    });

    it('Kraftfahrzeugmechatroniker/-in: 25212, 42 months, alias Kfz-Mechaniker', () => {
      const o = get('Kraftfahrzeugmechatroniker/-in');
      expect(o).toMatchObject({ id: 'kraftfahrzeugmechatroniker', kldb: '25212', durationMonths: 42 });
      expect(o.chamber).toContain('HWK');
      expect(o.aliases).toContain('Kfz-Mechaniker');
    });

    it('Fachinformatiker/-in: one entry per specialisation with its own KldB code', () => {
      expect(get('Fachinformatiker/-in (Anwendungsentwicklung)').kldb).toBe('43412');
      expect(get('Fachinformatiker/-in (Systemintegration)').kldb).toBe('43102');
      expect(get('Fachinformatiker/-in (Daten- und Prozessanalyse)').kldb).toBe('43112');
      expect(get('Fachinformatiker/-in (Digitale Vernetzung)').kldb).toBe('43312');
    });

    it('commercial, liberal-profession and public-service occupations', () => {
      const buero = get('Kaufmann/-frau für Büromanagement');
      expect(buero).toMatchObject({
        kldb: '71402',
        durationMonths: 36,
        nameFemale: 'Kauffrau für Büromanagement',
      });
      expect(buero.aliases).toContain('Bürokaufmann');
      expect(get('Medizinische/-r Fachangestellte/-r')).toMatchObject({ kldb: '81102', chamber: ['FB'] });
      expect(get('Zahnmedizinische/-r Fachangestellte/-r')).toMatchObject({ kldb: '81112', chamber: ['FB'] });
      expect(get('Verwaltungsfachangestellte/-r')).toMatchObject({ kldb: '73202', chamber: ['OED'] });
      expect(get('Kaufmann/-frau im Einzelhandel').kldb).toBe('62102');
    });

    it('crafts, industry and agriculture', () => {
      expect(get('Anlagenmechaniker/-in für Sanitär-, Heizungs- und Klimatechnik')).toMatchObject({
        kldb: '34212',
        durationMonths: 42,
      });
      expect(get('Koch/Köchin')).toMatchObject({ kldb: '29302', nameFemale: 'Köchin', nameMale: 'Koch' });
      expect(get('Fachkraft für Lagerlogistik')).toMatchObject({ kldb: '51312', durationMonths: 36 });
      expect(get('Berufskraftfahrer/-in').kldb).toBe('52122');
      expect(get('Landwirt/-in')).toMatchObject({ kldb: '11102', chamber: ['LWK'] });
    });

    it('trainings under their own federal law: KldB codes as the Bundesagentur assigns the titles', () => {
      const expected: Array<[string, string, string, string]> = [
        ['Pflegefachmann/-frau', '81302', 'Pflegefachmann/-frau (Ausbildung)', 'PflBG'],
        ['Notfallsanitäter/-in', '81342', 'Notfallsanitäter/in', 'NotSanG'],
        [
          'Anästhesietechnische/-r Assistent/-in',
          '81332',
          'Anästhesietechnische/r Assistent/in',
          'ATA-OTA-G',
        ],
        [
          'Operationstechnische/-r Assistent/-in',
          '81332',
          'Operationstechnische/r Assistent/in',
          'ATA-OTA-G',
        ],
      ];
      for (const [name, code, title, law] of expected) {
        expect(get(name), name).toMatchObject({
          kldb: code,
          kind: 'federal_other',
          legalBasis: law,
          durationMonths: 36,
          chamber: ['OTHER'],
          field: 'Gesundheit',
        });
        expect(assignedTitles(code), name).toContain(title);
      }
      expect(occupations.filter((o) => o.kind === 'federal_other').map((o) => o.name)).toHaveLength(
        expected.length,
      );
      const pflege = get('Pflegefachmann/-frau');
      expect(pflege).toMatchObject({ nameFemale: 'Pflegefachfrau', nameMale: 'Pflegefachmann' });
      for (const alias of ['Krankenpfleger', 'Krankenschwester', 'Altenpfleger', 'Kinderkrankenpfleger']) {
        expect(pflege.aliases).toContain(alias);
      }
    });

    it('two-year occupations, § 66 occupations and EQ fields are marked', () => {
      for (const name of ['Fachlagerist/-in', 'Verkäufer/-in', 'Maschinen- und Anlagenführer/-in']) {
        expect(get(name)).toMatchObject({ kind: 'two_year', durationMonths: 24 });
      }
      expect(get('Fachpraktiker/-in Küche (Beikoch/Beiköchin)').kind).toBe('theory_reduced');
      expect(get('EQ Verkauf')).toMatchObject({ kind: 'eq', kldb: '62102' });
    });
  });
});
