/**
 * Reference module: Länder, Kreise, postcodes (GeoNames), KldB 2010 and recognised training
 * occupations, loaded from `data/` at start and served publicly under `/api/reference`.
 */
export { type Centroid, greatCircleKm, postcodeCentroids } from './geo';
export { loadReferenceData } from './reference.loader';
export { referenceRoutes } from './reference.routes';
export {
  assertPostcode,
  distanceKm,
  getKreis,
  getOccupation,
  listKreise,
  listLaender,
  lookupPostcode,
  searchOccupations,
  searchPlaces,
} from './reference.service';
