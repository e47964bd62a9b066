import type { Executor } from '../../platform/db/database';
import { getOccupation } from '../reference/index';
import { insertPlaceRows, type PlaceInsertRow } from './places.bulk';
import { selectContactPersonsOf } from './places.repository';

/** A requirement profile to seed with a place. */
export interface SeedProfile {
  tasks: string | null;
  mustHaves: string[];
  niceToHaves: string[];
  workingHours: string | null;
  languageNeeds: string | null;
}

/**
 * A place to seed: an insert row, optionally its requirement profile and the name of one of the
 * company's contact persons. `durationMonths: null` takes the occupation's standard duration
 * (apprenticeship; EQ at most 12 months).
 */
export type SeedPlace = PlaceInsertRow & { profile?: SeedProfile; contactPersonName?: string | null };

/**
 * Inserts ready-made places (and their requirement profiles) of `officeId` — for the demo seed,
 * which runs as the installation itself: no access check, no audit entries.
 * @returns the new ids in input order
 * @throws AppError `unknown_occupation` (an occupation id not on the list), `not_found`
 *   (`rows.N.companyId` not a company of the office); Error for an unknown contact person name
 */
export async function seedPlaces(
  exec: Executor,
  input: { officeId: string; createdBy: string | null; places: readonly SeedPlace[] },
): Promise<string[]> {
  const durations = new Map<string, number>();
  for (const id of new Set(input.places.flatMap((p) => (p.occupationId ? [p.occupationId] : [])))) {
    durations.set(id, (await getOccupation(exec, id)).durationMonths);
  }
  const persons = await selectContactPersonsOf(exec, [...new Set(input.places.map((p) => p.companyId))]);
  const rows = input.places.map((p): PlaceInsertRow => {
    const standard = p.occupationId ? (durations.get(p.occupationId) ?? null) : null;
    const byDefault =
      p.kind === 'apprenticeship'
        ? standard
        : p.kind === 'entry_qualification' && standard
          ? Math.min(standard, 12)
          : null;
    let contactPersonId: string | null = null;
    if (p.contactPersonName) {
      const person = persons.find((x) => x.company_id === p.companyId && x.name === p.contactPersonName);
      if (!person) throw new Error(`unknown contact person ${p.contactPersonName}`);
      contactPersonId = person.id;
    }
    const { profile: _profile, contactPersonName: _name, ...row } = p;
    return { ...row, durationMonths: p.durationMonths ?? byDefault, contactPersonId };
  });
  const ids = await insertPlaceRows(exec, {
    officeId: input.officeId,
    importJobId: null,
    createdBy: input.createdBy,
    rows,
  });
  const profiles = input.places.flatMap((p, i) =>
    p.profile
      ? [
          {
            place_id: ids[i] as string,
            office_id: input.officeId,
            tasks: p.profile.tasks,
            must_haves: p.profile.mustHaves,
            nice_to_haves: p.profile.niceToHaves,
            working_hours: p.profile.workingHours,
            language_needs: p.profile.languageNeeds,
            updated_by: input.createdBy,
          },
        ]
      : [],
  );
  if (profiles.length > 0) await exec.insertInto('place_requirement_profile').values(profiles).execute();
  return ids;
}
