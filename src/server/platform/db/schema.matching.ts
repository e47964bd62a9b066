import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type Created = Generated<Date>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/**
 * Table `match_config` (issue 6): the matching weights and parameters of one office (`ZMatchConfig`, defaults
 * filled in); no row = the defaults (version 1), so a stored row has version ≥ 2. Written only by the matching
 * config repository.
 */
export interface MatchConfigTable {
  office_id: string;
  config: Json<Record<string, unknown>>;
  version: number;
  updated_by: string | null;
  updated_at: Created;
}

/** Table `match_run`: one stored batch run with its exact parameters; written by the matching runs repository. */
export interface MatchRunTable {
  id: Generated<string>;
  office_id: string;
  /** `office` | `region` (see contracts/matching `ZMatchRunScope`). */
  scope: string;
  /** For an office's part of a region run: the region run. */
  parent_id: string | null;
  k: number;
  /** places | clients | both */
  direction: string;
  filters: Json<Record<string, unknown>>;
  config: Json<Record<string, unknown>>;
  config_version: number;
  data_stamp: string | null;
  /** queued | running | done | failed */
  status: Generated<string>;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  client_count: Generated<number>;
  place_count: Generated<number>;
  result_count: Generated<number>;
  error_code: string | null;
  created_by: string | null;
  created_at: Created;
  started_at: NullableTime;
  finished_at: NullableTime;
  heartbeat_at: Created;
}

/** Table `match_run_result`: one entry of a ranked list of a run (`direction` says whose list). */
export interface MatchRunResultTable {
  run_id: string;
  office_id: string;
  /** places (the client's list) | clients (the place's list) */
  direction: string;
  client_id: string;
  place_id: string;
  rank: number;
  score: number;
}

/** The matching tables (merged into `Database`). */
export interface MatchingTables {
  match_config: MatchConfigTable;
  match_run: MatchRunTable;
  match_run_result: MatchRunResultTable;
}
