import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { assertPostcode, greatCircleKm, postcodeCentroids } from '../reference/index';

/**
 * Distances in km from one postcode to the centroids of all postcodes within a radius, as two
 * parallel arrays: the place queries join them (`unnest`) to filter and sort in SQL.
 */
export interface PostcodeDistances {
  postcodes: string[];
  km: number[];
  /** True when limited to a radius: places without a postcode inside it are left out. */
  limited: boolean;
}

/**
 * Great-circle distances (reference module, GeoNames centroids, rounded to 0.1 km) from postcode
 * `near` to every postcode within `radiusKm` (all postcodes without a radius).
 * @throws `invalid_postcode` (400) / `unknown_postcode` (404), each naming `field`
 */
export async function distancesFrom(
  db: Executor,
  near: string,
  radiusKm: number | undefined,
  field = 'query.near',
): Promise<PostcodeDistances> {
  const plz = assertPostcode(near, field);
  const centroids = await postcodeCentroids(db);
  const origin = centroids.get(plz);
  if (!origin) throw new AppError('unknown_postcode', [{ field, code: 'unknown_postcode' }]);
  const postcodes: string[] = [];
  const km: number[] = [];
  for (const [postcode, c] of centroids) {
    const d = greatCircleKm(origin, c);
    if (radiusKm === undefined || d <= radiusKm) {
      postcodes.push(postcode);
      km.push(d);
    }
  }
  return { postcodes, km, limited: radiusKm !== undefined };
}
