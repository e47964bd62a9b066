import type { ColumnType, Generated } from 'kysely';

type DateOnly = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;
type Created = Generated<Date>;

/** Table `client`: a young person counselled by one office (`office_id`); written by the clients repository. */
export interface ClientTable {
  id: Generated<string>;
  office_id: string;
  given_names: string;
  family_name: string;
  spoken_name: string | null;
  date_of_birth: DateOnly | null;
  gender: string | null;
  phone: string | null;
  email: string | null;
  messenger: string | null;
  street: string | null;
  postcode: string | null;
  place: string | null;
  country_of_origin: string | null;
  citizenship: string | null;
  languages: Json<Array<{ code: string; level: string | null }>>;
  german_level: string | null;
  german_level_date: DateOnly | null;
  german_level_source: string | null;
  school_qualification: string | null;
  school_foreign: boolean | null;
  school_country: string | null;
  school_recognition: string | null;
  work_experience: string | null;
  interests: string | null;
  strengths: string | null;
  wished_occupation_ids: string[];
  mobility_radius_km: number | null;
  /** Availability window for a training start (migration 0007, matching); dates. */
  available_from: ColumnType<string | null, string | null | undefined, string | null>;
  available_until: ColumnType<string | null, string | null | undefined, string | null>;
  /** Wanted kinds of place (`TPlaceKind`); empty = no preference (migration 0007). */
  wanted_place_kinds: Generated<string[]>;
  driving_licence: boolean | null;
  residence_status: string | null;
  residence_paragraph: string | null;
  residence_expires_on: DateOnly | null;
  work_permit: string | null;
  work_permit_expires_on: DateOnly | null;
  employment_status_at_entry: string | null;
  foreign_background: boolean | null;
  notes: string | null;
  /** Phonetic keys of all name parts (duplicate detection index). */
  name_keys: string[];
  /** Names, phone, e-mail, postcode: the text the client search runs over. */
  search_text: string;
  merged_into_id: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Created;
}

/** Table `guardian`: parent or legal guardian of a client. */
export interface GuardianTable {
  id: Generated<string>;
  client_id: string;
  office_id: string;
  name: string;
  relation: string;
  phone: string | null;
  email: string | null;
  language: string | null;
  involved_in_counselling: Generated<boolean>;
  version: Generated<number>;
  created_at: Created;
}

/** Table `consent`: one purpose of one client, with legal basis, form and withdrawal. */
export interface ConsentTable {
  id: Generated<string>;
  client_id: string;
  office_id: string;
  purpose: string;
  partner_name: string | null;
  legal_basis: string;
  given_on: DateOnly;
  form: string;
  /** `client` or `guardian` (minors under the configured age). */
  given_by: string;
  guardian_id: string | null;
  recorded_by: string | null;
  recorded_at: Created;
  withdrawn_on: DateOnly | null;
  withdrawn_recorded_by: string | null;
}

/** Table `client_snapshot`: programme fields at entry and exit (funder reporting). */
export interface ClientSnapshotTable {
  id: Generated<string>;
  client_id: string;
  office_id: string;
  kind: 'entry' | 'exit';
  taken_at: Created;
  data: Json<Record<string, unknown>>;
}

/** Table `case`: one client's way from first contact to stable training. */
export interface CaseTable {
  id: Generated<string>;
  client_id: string;
  office_id: string;
  counsellor_id: string | null;
  stage: Generated<string>;
  outcome: string | null;
  opened_on: ColumnType<string, string | undefined, string>;
  closed_on: DateOnly | null;
  last_contact_on: DateOnly | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Created;
}

/** Table `case_stage_change`: every stage change with its date (the case history). */
export interface CaseStageChangeTable {
  id: Generated<string>;
  case_id: string;
  from_stage: string | null;
  to_stage: string;
  outcome: string | null;
  changed_on: DateOnly;
  changed_by: string | null;
  note: string | null;
  recorded_at: Created;
}

/** Table `counselling_session`: a held or planned counselling contact (appointment). */
export interface CounsellingSessionTable {
  id: Generated<string>;
  case_id: string;
  office_id: string;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  duration_minutes: number | null;
  status: Generated<string>;
  channel: string;
  participants: Json<Array<{ kind: string; name: string | null }>>;
  language: string | null;
  topics: string[];
  notes: string | null;
  counsellor_id: string | null;
  version: Generated<number>;
  created_at: Created;
}

/** Table `task`: a next step with due date and owner. */
export interface TaskTable {
  id: Generated<string>;
  office_id: string;
  case_id: string | null;
  /** Set for a company follow-up (issue 5); then `case_id` is null. */
  company_id: ColumnType<string | null, string | null | undefined, string | null>;
  session_id: string | null;
  kind: Generated<string>;
  title: string;
  due_on: DateOnly | null;
  owner_id: string | null;
  done_at: ColumnType<Date, Date | string | null, Date | string | null> | null;
  version: Generated<number>;
  created_at: Created;
}

/** Table `referral`: hand-over to a partner organisation (Verweisberatung). */
export interface ReferralTable {
  id: Generated<string>;
  case_id: string;
  office_id: string;
  partner_kind: string;
  partner_name: string | null;
  referred_on: DateOnly;
  reason: string;
  feedback: string | null;
  feedback_on: DateOnly | null;
  version: Generated<number>;
  created_at: Created;
}

/** Table `training_contract`: signed training contract of a placed client. */
export interface TrainingContractTable {
  id: Generated<string>;
  case_id: string;
  office_id: string;
  company_name: string;
  company_postcode: string | null;
  occupation_id: string;
  starts_on: DateOnly;
  chamber: string;
  signed_on: DateOnly | null;
  preceded_by: string | null;
  terminated_on: DateOnly | null;
  termination_reason: string | null;
  version: Generated<number>;
  created_at: Created;
}

/** The counselling tables (merged into `Database`). */
export interface CounsellingTables {
  client: ClientTable;
  guardian: GuardianTable;
  consent: ConsentTable;
  client_snapshot: ClientSnapshotTable;
  case: CaseTable;
  case_stage_change: CaseStageChangeTable;
  counselling_session: CounsellingSessionTable;
  task: TaskTable;
  referral: ReferralTable;
  training_contract: TrainingContractTable;
}
