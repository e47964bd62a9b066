import { closest } from 'fastest-levenshtein';
import type { TOccupation } from '../../../contracts/reference';
import type { Executor } from '../../platform/db/database';
import { searchOccupations } from '../reference/index';
import { labelKey } from './imports.labels';

/** What a matched occupation gives a place row. */
export interface MatchedOccupation {
  id: string;
  name: string;
  kind: TOccupation['kind'];
  durationMonths: number;
}

/** Gender marks "(m/w/d)", "(w/m/d)", "m/w/d" in job titles. */
const GENDER_MARK = /\(\s*[mwdfx](?:\s*[/|,]\s*[mwdfx])+\s*\)|\b[mwdfx](?:\s*\/\s*[mwdfx]){2}\b/gi;
/** Words that differ between spellings of the same occupation ("/-in", "für", "- …"). */
const FILLERS = new Set(['in', 'innen', 'fur', 'und', 'im', 'der', 'die', 'das']);

/**
 * Spelling-blind key of an occupation name: gender marks dropped, `labelKey` folding (case, accents,
 * umlauts, punctuation), filler words removed. "Elektroniker/-in für Energie- und Gebäudetechnik"
 * and "Elektroniker/in - Energie- und Gebäudetechnik (m/w/d)" give the same key.
 */
export function occupationKey(s: string): string {
  return labelKey(s.replace(GENDER_MARK, ' '))
    .split(' ')
    .filter((w) => w && !FILLERS.has(w))
    .join(' ');
}

/** Most distinct unknown names looked up in the database for a suggestion; the rest use edit distance. */
const MAX_SEARCHES = 200;

/**
 * Matches occupation cells of an import against the recognised occupations (read once per import
 * through the reference module): exact id, KldB code (when one occupation has it), or the key of the
 * name, either gendered form or a former/colloquial name; "Kaufmann/Kauffrau für X" is also tried as
 * "Kaufmann für X" and "Kauffrau für X", and a name with a specialisation after " - " as the name before it.
 * Unknown names get the nearest occupation as suggestion
 * (reference `searchOccupations`, cached per distinct value).
 */
export class OccupationMatcher {
  private readonly byKey = new Map<string, MatchedOccupation>();
  private readonly byKldb = new Map<string, MatchedOccupation | null>();
  private readonly matched = new Map<string, MatchedOccupation | null>();
  private readonly suggestions = new Map<string, Promise<{ id: string; name: string } | null>>();
  private readonly keys: string[];
  private searches = 0;

  /** `db` serves the suggestions (reference search); without one they come from edit distance alone. */
  constructor(
    private readonly db: Executor | null,
    occupations: readonly TOccupation[],
  ) {
    // Recognised occupations before EQ fields, so a shared key names the occupation.
    const ordered = [...occupations].sort((a, b) => Number(a.kind === 'eq') - Number(b.kind === 'eq'));
    for (const o of ordered) {
      const m: MatchedOccupation = { id: o.id, name: o.name, kind: o.kind, durationMonths: o.durationMonths };
      for (const n of [o.id, o.name, o.nameFemale, o.nameMale, ...o.aliases]) {
        const k = occupationKey(n);
        if (k && !this.byKey.has(k)) this.byKey.set(k, m);
      }
      this.byKldb.set(o.kldb, this.byKldb.has(o.kldb) ? null : m);
    }
    this.keys = [...this.byKey.keys()];
  }

  /** Loads the occupation list through the reference module and builds a matcher. */
  static async load(db: Executor): Promise<OccupationMatcher> {
    const all: TOccupation[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await searchOccupations(db, { limit: 500, offset });
      all.push(...page.items);
      if (page.items.length < 500 || all.length >= page.total) break;
    }
    return new OccupationMatcher(db, all);
  }

  /** The occupation a cell names, or null when none matches (cached per distinct text). */
  match(raw: string): MatchedOccupation | null {
    const hit = this.matched.get(raw);
    if (hit !== undefined) return hit;
    const found = this.find(raw);
    this.matched.set(raw, found);
    return found;
  }

  private find(raw: string): MatchedOccupation | null {
    const s = raw.trim();
    if (/^\d{5}$/.test(s)) return this.byKldb.get(s) ?? null;
    const direct = this.byKey.get(occupationKey(s));
    if (direct) return direct;
    const alt = /^([^\s/]+)\s*\/\s*([^\s/]+)(.*)$/.exec(s);
    if (alt) {
      for (const word of [alt[1], alt[2]]) {
        const m = this.byKey.get(occupationKey(`${word}${alt[3]}`));
        if (m) return m;
      }
    }
    // The job search writes specialisations after " - " ("Kraftfahrzeugmechatroniker/in - PKW-Technik").
    const dash = s.indexOf(' - ');
    return dash > 0 ? this.find(s.slice(0, dash)) : null;
  }

  /** The nearest recognised occupation for an unknown name (null when nothing is close). */
  suggest(raw: string): Promise<{ id: string; name: string } | null> {
    let hit = this.suggestions.get(raw);
    if (!hit) {
      hit =
        this.db && this.searches++ < MAX_SEARCHES
          ? this.searchNearest(this.db, raw)
          : Promise.resolve(this.nearestByEdits(raw));
      this.suggestions.set(raw, hit);
    }
    return hit;
  }

  private async searchNearest(db: Executor, raw: string): Promise<{ id: string; name: string } | null> {
    const q = raw.replace(GENDER_MARK, ' ').trim().slice(0, 100);
    if (!q) return null;
    const { items } = await searchOccupations(db, { q, limit: 1, offset: 0 });
    const first = items[0];
    return first ? { id: first.id, name: first.name } : this.nearestByEdits(raw);
  }

  private nearestByEdits(raw: string): { id: string; name: string } | null {
    const k = occupationKey(raw);
    if (!k || this.keys.length === 0) return null;
    const m = this.byKey.get(closest(k, this.keys));
    return m ? { id: m.id, name: m.name } : null;
  }
}
