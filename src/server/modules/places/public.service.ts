import type { TPlaceKind } from '../../../contracts/companies.enums';
import type { TPublicPlace, TPublicPlaceQuery } from '../../../contracts/places';
import type { RequestContext } from '../../platform/auth/context';
import { distancesFrom } from './places.geo';
import * as repo from './places.repository';
import { checkNear } from './places.service';
import { todayIso } from './places.sql';

/**
 * The public place list (no sign-in; DOMAIN.md "public"): places of every office that are published,
 * open and start today or later (undated places count as current) and whose company has not
 * declined or gone inactive, filtered by kind, occupation and
 * `near` + `radiusKm` (km, great-circle between postcode centroids), sorted by start date or distance.
 * Only public-safe fields: occupation, kind, title, company name, postcode/place, start, duration,
 * seats, requirements and the KAUSA office to ask — never the contact person, street or description.
 * @throws `validation` (`query.near` missing for `radiusKm` or `sort=distance`),
 *   `invalid_postcode` (400) / `unknown_postcode` (404) for `query.near`
 */
export async function listPublicPlaces(
  ctx: RequestContext,
  q: TPublicPlaceQuery,
): Promise<{ items: TPublicPlace[]; total: number }> {
  checkNear(q);
  const { rows, total } = await repo.selectPublicPlaces(ctx.db, {
    kind: q.kind,
    occupationId: q.occupationId,
    sort: q.sort,
    distances: q.near ? await distancesFrom(ctx.db, q.near, q.radiusKm) : undefined,
    today: todayIso(),
    limit: q.limit,
    offset: q.offset,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as TPlaceKind,
      occupationId: r.occupation_id,
      occupationName: r.occupation_name,
      title: r.title,
      companyName: r.company_name,
      postcode: r.postcode,
      place: r.place,
      startsOn: r.starts_on,
      durationMonths: r.duration_months,
      seats: r.seats,
      minSchoolQualification: r.min_school_qualification as TPublicPlace['minSchoolQualification'],
      minGermanLevel: r.min_german_level as TPublicPlace['minGermanLevel'],
      drivingLicenceRequired: r.driving_licence_required,
      languageSupport: r.language_support,
      officeName: r.office_name,
      distanceKm: r.distance_km === null ? null : Number(r.distance_km),
    })),
    total,
  };
}
