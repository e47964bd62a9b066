import type { Executor } from '../../platform/db/database';
import { lookupPostcode } from '../reference/index';
import type { CheckedPlaces } from './check.places';

/**
 * The town of a postcode as a manual place gets it (places module: the first place name that is
 * not an organisation, else the first); null when the reference data name none.
 */
async function townOf(db: Executor, postcode: string): Promise<string | null> {
  const info = await lookupPostcode(db, postcode).catch(() => null);
  return (info?.places.find((p) => !p.organisation) ?? info?.places[0])?.name ?? null;
}

/**
 * Fills the town (`place`) of checked place rows, and of the companies they create, that have a
 * postcode but no town, from the reference postcodes — as POST /api/places does. One lookup per
 * distinct postcode (a file has few). Mutates `checked`.
 */
export async function fillTowns(db: Executor, checked: CheckedPlaces): Promise<void> {
  const wanted = new Set<string>();
  for (const p of checked.places) if (p.place.postcode && !p.place.place) wanted.add(p.place.postcode);
  for (const c of checked.companies.values()) {
    if (c.company.postcode && !c.company.place) wanted.add(c.company.postcode);
  }
  if (wanted.size === 0) return;
  const towns = new Map<string, string | null>();
  for (const postcode of wanted) towns.set(postcode, await townOf(db, postcode));
  for (const p of checked.places) {
    if (p.place.postcode && !p.place.place) p.place.place = towns.get(p.place.postcode) ?? null;
  }
  for (const c of checked.companies.values()) {
    if (c.company.postcode && !c.company.place) c.company.place = towns.get(c.company.postcode) ?? null;
  }
}
