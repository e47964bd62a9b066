import { z } from 'zod';
import { ZChamber, ZOccupationKind } from '../../../../contracts/reference';
import { foldForSearch } from './files';

const ZOccupationFileEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2),
  nameFemale: z.string().min(2),
  nameMale: z.string().min(2),
  kldb: z.string().regex(/^\d{5}$/),
  durationMonths: z.int().min(6).max(48),
  chamber: z.array(ZChamber).min(1),
  kind: ZOccupationKind,
  aliases: z.array(z.string()).default([]),
  field: z.string().nullable().optional(),
  /** The federal law of a `federal_other` training ("PflBG"); absent for BBiG/HwO occupations and EQ fields. */
  legalBasis: z.string().min(2).nullable().optional(),
});

/** One occupation as loaded, with its accent-folded search text (names and aliases). */
export interface OccupationRecord extends z.infer<typeof ZOccupationFileEntry> {
  searchText: string;
}

/**
 * Parses data/occupations.json (written for this project from the BIBB Verzeichnis der anerkannten
 * Ausbildungsberufe 2025, plus trainings under their own federal law — PflBG, NotSanG, ATA-OTA-G —
 * as kind `federal_other`; KldB codes checked against KldB 2010 by a test).
 * @throws Error naming the first invalid entry (also a `federal_other` entry without `legalBasis`)
 */
export function parseOccupations(json: string): OccupationRecord[] {
  const raw = JSON.parse(json) as unknown[];
  return raw.map((entry, i) => {
    const r = ZOccupationFileEntry.safeParse(entry);
    if (!r.success) throw new Error(`data/occupations.json entry ${i}: ${r.error.issues[0]?.message}`);
    const e = r.data;
    if (e.kind === 'federal_other' && !e.legalBasis) {
      throw new Error(`data/occupations.json entry ${i}: kind federal_other needs a legalBasis`);
    }
    const searchText = foldForSearch([e.name, e.nameFemale, e.nameMale, ...e.aliases].join(' | '));
    return { ...e, field: e.field ?? null, legalBasis: e.legalBasis ?? null, searchText };
  });
}
