import type { TCompanyStage, TPlaceKind, TPlaceStatus } from '../../../contracts/companies.enums';
import type {
  TPlacement,
  TPlacementListItem,
  TPlacementRejectionReason,
  TPlacementScore,
  TPlacementSource,
  TPlacementStage,
  TPlacementStageChange,
  TPlacementTrialKind,
} from '../../../contracts/placements';
import type { PlacementRow, selectStageChanges } from './placements.repository';

/** Repository rows of a placement's history. */
type HistoryRow = Awaited<ReturnType<typeof selectStageChanges>>[number];

const iso = (d: Date | string): string => new Date(d).toISOString();

/** Maps a repository row to the list shape (`ZPlacementListItem`). */
export function toPlacementItem(r: PlacementRow): TPlacementListItem {
  return {
    id: r.id,
    officeId: r.office_id,
    client: { id: r.client_id, name: r.client_name },
    place: {
      id: r.place_id,
      kind: r.place_kind as TPlaceKind,
      title: r.place_title,
      occupationId: r.place_occupation_id,
      occupationName: r.place_occupation_name,
      startsOn: r.place_starts_on,
      postcode: r.place_postcode,
      place: r.place_town,
      seats: r.place_seats,
      status: r.place_status as TPlaceStatus,
      company: { id: r.company_id, name: r.company_name, stage: r.company_stage as TCompanyStage },
    },
    stage: r.stage as TPlacementStage,
    stageOn: r.stage_on,
    proposedOn: r.proposed_on,
    rejectionReason: r.rejection_reason as TPlacementRejectionReason | null,
    rejectionNote: r.rejection_note,
    trialKind: r.trial_kind as TPlacementTrialKind | null,
    source: r.source as TPlacementSource,
    score: r.score ? ({ ...r.score, flags: r.score.flags ?? [] } as TPlacementScore) : null,
    createdByName: r.created_by_name,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

/** Maps a history row to `ZPlacementStageChange`. */
function toStageChange(h: HistoryRow): TPlacementStageChange {
  return {
    fromStage: h.from_stage as TPlacementStage | null,
    toStage: h.to_stage as TPlacementStage,
    on: h.changed_on,
    reason: h.reason as TPlacementRejectionReason | null,
    trialKind: h.trial_kind as TPlacementTrialKind | null,
    note: h.note,
    changedById: h.changed_by,
    changedByName: h.changed_by_name,
    recordedAt: iso(h.created_at),
  };
}

/** Maps a row and its history (oldest first) to `ZPlacement`. */
export function toPlacement(r: PlacementRow, history: HistoryRow[]): TPlacement {
  return { ...toPlacementItem(r), history: history.map(toStageChange) };
}
