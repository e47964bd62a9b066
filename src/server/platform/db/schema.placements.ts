import type { ColumnType, Generated } from 'kysely';

type DateOnly = ColumnType<string, string, string>;
type Created = Generated<Date>;

/** Score snapshot of a placement as stored (`jsonb`): the matching score 0..1, its factors and flags. */
export interface PlacementScoreJson {
  score: number;
  factors: Array<{
    key: string;
    raw: number | string | null;
    value: number;
    weight: number;
    contribution: number;
    reason: string | null;
    via?: string | null;
  }>;
  flags: string[];
}

/** Table `placement` (Vermittlung, issue 6): a client × place pairing; written by the placements repository. */
export interface PlacementTable {
  id: Generated<string>;
  office_id: string;
  client_id: string;
  place_id: string;
  /** proposed | company_contacted | interview | internship_or_eq | contract | rejected | withdrawn */
  stage: Generated<string>;
  stage_on: DateOnly;
  proposed_on: DateOnly;
  rejection_reason: string | null;
  rejection_note: string | null;
  /** internship | entry_qualification */
  trial_kind: string | null;
  /** manual | matching */
  source: Generated<string>;
  score: ColumnType<PlacementScoreJson | null, string | null, string | null>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Created;
}

/** Table `placement_stage_change`: dated history of a placement's stages. */
export interface PlacementStageChangeTable {
  id: Generated<string>;
  placement_id: string;
  office_id: string;
  from_stage: string | null;
  to_stage: string;
  changed_on: DateOnly;
  reason: string | null;
  trial_kind: string | null;
  note: string | null;
  changed_by: string | null;
  created_at: Created;
}

/** The tables of the placements module. */
export interface PlacementTables {
  placement: PlacementTable;
  placement_stage_change: PlacementStageChangeTable;
}
