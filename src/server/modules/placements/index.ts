/**
 * Placements module (issue 6; DOMAIN.md `Placement`, Vermittlung): a client × training place pairing a
 * counsellor acted on — from a matching suggestion or by hand — with its dated stages
 * (`proposed → company_contacted → interview → internship_or_eq → contract`, side exits `rejected`
 * with a reason and `withdrawn`) and its outcome. It feeds the other pipelines through their index
 * only: the case moves to `applying`/`placed` (cases), the company to `training` (companies), the place
 * to `filled` and the client onto its candidate list (places). The only writer of `placement` and
 * `placement_stage_change`; rules in placements.rules.ts.
 */
export { moveClientPlacements } from './placements.repository';
export { placementRoutes as placementsRoutes } from './placements.routes';
export {
  createPlacement,
  deletePlacement,
  getPlacement,
  listPlacements,
  movePlacementStage,
} from './placements.service';
