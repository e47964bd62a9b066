import type { ColumnType, Generated } from 'kysely';

type DateOnly = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;
type Created = Generated<Date>;
type DefaultedDate = ColumnType<string, string | undefined, string>;

/** Table `company`: a (potential) training company owned by one office; written by the companies repository. */
export interface CompanyTable {
  id: Generated<string>;
  office_id: string;
  name: string;
  legal_form: string | null;
  /** WZ 2008 section letter (A–U). */
  sector: string | null;
  employees: number | null;
  street: string | null;
  postcode: string | null;
  place: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  chamber: string | null;
  /** Voluntary self-declaration; null = not declared. */
  owner_migration_background: boolean | null;
  owner_languages: Generated<string[]>;
  authorised_to_train: string | null;
  qualified_trainer: string | null;
  training_history: string | null;
  stage: Generated<string>;
  stage_changed_on: DefaultedDate;
  acquisition_channel: string | null;
  acquisition_referred_by: string | null;
  acquisition_on: DateOnly | null;
  /** The one responsible counsellor (Ansprechperson). */
  owner_user_id: string | null;
  tags: Generated<string[]>;
  notes: string | null;
  /** Normalised name for the duplicate check (same name + postcode). */
  name_key: Generated<string>;
  search_text: Generated<string>;
  merged_into_id: string | null;
  import_job_id: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Created;
}

/** Table `company_stage_change`: dated history of the acquisition pipeline. */
export interface CompanyStageChangeTable {
  id: Generated<string>;
  company_id: string;
  office_id: string;
  from_stage: string | null;
  to_stage: string;
  changed_on: DateOnly;
  reason: string | null;
  changed_by: string | null;
  created_at: Created;
}

/** Table `company_contact_person`: people at a company, with their role. */
export interface CompanyContactPersonTable {
  id: Generated<string>;
  company_id: string;
  office_id: string;
  name: string;
  role: string;
  job_title: string | null;
  phone: string | null;
  email: string | null;
  languages: Generated<string[]>;
  is_primary: Generated<boolean>;
  version: Generated<number>;
  created_at: Created;
}

/** Table `company_contact`: one logged contact (call, visit, e-mail, event) with result and next step. */
export interface CompanyContactTable {
  id: Generated<string>;
  company_id: string;
  office_id: string;
  contacted_on: DateOnly;
  channel: string;
  contact_person_id: string | null;
  result: string;
  next_step: string | null;
  task_id: string | null;
  counsellor_id: string | null;
  version: Generated<number>;
  created_at: Created;
}

/** Table `company_advice_item`: one item of the advice checklist towards becoming a training company. */
export interface CompanyAdviceItemTable {
  id: Generated<string>;
  company_id: string;
  office_id: string;
  item: string;
  state: Generated<string>;
  state_on: DateOnly | null;
  note: string | null;
  updated_by: string | null;
  version: Generated<number>;
  updated_at: Created;
}

/** Table `training_place`: an offered place (apprenticeship, internship, EQ, taster day) of a company. */
export interface TrainingPlaceTable {
  id: Generated<string>;
  office_id: string;
  company_id: string;
  kind: string;
  occupation_id: string | null;
  title: string | null;
  description: string | null;
  seats: Generated<number>;
  starts_on: DateOnly | null;
  duration_months: number | null;
  postcode: string | null;
  place: string | null;
  street: string | null;
  min_school_qualification: string | null;
  /** CEFR level A1–C2. */
  min_german_level: string | null;
  driving_licence_required: Generated<boolean>;
  /** The company accepts a trainee who still needs German language support. */
  language_support: Generated<boolean>;
  contact_person_id: string | null;
  status: Generated<string>;
  published: Generated<boolean>;
  source: Generated<string>;
  external_ref: string | null;
  import_job_id: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Created;
}

/** Table `place_requirement_profile`: the requirement profile of a place (passgenaue Besetzung). */
export interface PlaceRequirementProfileTable {
  place_id: string;
  office_id: string;
  tasks: string | null;
  must_haves: Generated<string[]>;
  nice_to_haves: Generated<string[]>;
  working_hours: string | null;
  language_needs: string | null;
  updated_by: string | null;
  version: Generated<number>;
  updated_at: Created;
}

/** Table `place_proposal`: a proposal of pre-selected candidates sent to the company. */
export interface PlaceProposalTable {
  id: Generated<string>;
  place_id: string;
  office_id: string;
  sent_on: DateOnly;
  channel: string;
  note: string | null;
  sent_by: string | null;
  created_at: Created;
}

/** Table `place_candidate`: a pre-selected client for a place, the counsellor's assessment and the company's answer. */
export interface PlaceCandidateTable {
  id: Generated<string>;
  place_id: string;
  office_id: string;
  client_id: string;
  source: Generated<string>;
  score: number | null;
  assessment: string | null;
  assessment_note: string | null;
  proposal_id: string | null;
  answer: string | null;
  answer_on: DateOnly | null;
  answer_reason: string | null;
  added_by: string | null;
  version: Generated<number>;
  created_at: Created;
}

/** Table `import_job`: an uploaded CSV/XLSX/BA file, its mapping, dry-run result and progress. */
export interface ImportJobTable {
  id: Generated<string>;
  office_id: string;
  target: string;
  format: string;
  file_name: string | null;
  file_bytes: Buffer | null;
  encoding: string | null;
  delimiter: string | null;
  headers: Generated<string[]>;
  mapping: Json<Record<string, string> | null> | null;
  status: Generated<string>;
  total_rows: number | null;
  processed_rows: Generated<number>;
  valid_rows: Generated<number>;
  errors: ColumnType<unknown[], string | undefined, string>;
  warnings: ColumnType<unknown[], string | undefined, string>;
  created_by: string | null;
  created_at: Created;
  finished_at: ColumnType<Date, Date | string | null, Date | string | null> | null;
  version: Generated<number>;
}

/** The company, place and import tables (merged into `Database`). */
export interface CompanyTables {
  company: CompanyTable;
  company_stage_change: CompanyStageChangeTable;
  company_contact_person: CompanyContactPersonTable;
  company_contact: CompanyContactTable;
  company_advice_item: CompanyAdviceItemTable;
  training_place: TrainingPlaceTable;
  place_requirement_profile: PlaceRequirementProfileTable;
  place_proposal: PlaceProposalTable;
  place_candidate: PlaceCandidateTable;
  import_job: ImportJobTable;
}
