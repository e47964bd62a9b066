import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { TOfficeKind, TRole } from '../../../contracts/common';
import type { CompanyTables } from './schema.companies';
import type { CounsellingTables } from './schema.counselling';
import type { MatchingTables } from './schema.matching';
import type { PlacementTables } from './schema.placements';
import type { SelfServiceTables } from './schema.self-service';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string, string>;

/** Table `office` (written only by the offices repository). */
export interface OfficeTable {
  id: Generated<string>;
  parent_id: string | null;
  kind: TOfficeKind;
  name: string;
  land_code: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Table `app_user` (written only by the users repository). */
export interface UserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: TRole;
  office_id: string;
  password_hash: string;
  locale: Generated<'de' | 'en'>;
  disabled_at: Timestamp | null;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Table `session`: `id` is the SHA-256 of the cookie token, so a database leak yields no live sessions. */
export interface SessionTable {
  id: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  last_seen_at: Generated<Date>;
  ip: string | null;
  user_agent: string | null;
}

/** Table `audit_log`: append-only (a trigger rejects UPDATE and DELETE). */
export interface AuditLogTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_user_id: string | null;
  actor_role: TRole | null;
  office_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: Json;
  ip: string | null;
}

/** Table `app_meta`: key/value facts of the installation (e.g. demo seeded, data set checksums). */
export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: Generated<Date>;
}

/** Table `reference_dataset`: checksum of each loaded reference data set (reload only on change). */
export interface ReferenceDatasetTable {
  name: string;
  checksum: string;
  rows: number;
  loaded_at: Generated<Date>;
}

/** Table `land`: the 16 Länder (AGS 2 digits). */
export interface LandTable {
  code: string;
  name: string;
  population: number | null;
}

/** Table `kreis`: Kreise and kreisfreie Städte (AGS 5 digits). */
export interface KreisTable {
  ags: string;
  name: string;
  land_code: string;
  population: number | null;
  /** Inhabitants per km² (Destatis 2018); null where unknown. */
  population_per_km2: number | null;
}

/** Table `postcode`: one row per postcode with Land, Kreis and centroid (WGS84 degrees). */
export interface PostcodeTable {
  postcode: string;
  land_code: string;
  kreis_ags: string;
  lat: number;
  lon: number;
}

/** Table `postcode_place`: places under a postcode; `search_name` is lower-cased and accent-folded. */
export interface PostcodePlaceTable {
  id: Generated<number>;
  postcode: string;
  name: string;
  search_name: string;
  organisation: boolean;
}

/** Table `kldb`: KldB 2010 (v2020) nodes of all five levels. */
export interface KldbTable {
  code: string;
  level: number;
  title: string;
  short_title: string;
  parent_code: string | null;
}

/** Table `occupation`: recognised training occupations (and EQ fields). */
export interface OccupationTable {
  id: string;
  name: string;
  name_female: string;
  name_male: string;
  kldb: string;
  duration_months: number;
  chamber: string[];
  kind: string;
  aliases: string[];
  field: string | null;
  /** Federal law of a `federal_other` training ("PflBG"); null otherwise (migration 0010). */
  legal_basis: string | null;
  search_text: string;
}

/**
 * Table `office_directory`: the public KAUSA office directory (written only by the office-directory
 * repository). Dates are `date` columns, read back as `yyyy-mm-dd` text (the repository casts them);
 * `stories` is a JSON array of `{ title, url }`.
 */
export interface OfficeDirectoryTable {
  id: Generated<string>;
  name: string;
  kind: TOfficeKind;
  location: string | null;
  postcode: string | null;
  lat: number | null;
  lon: number | null;
  grant_number: string | null;
  funding_from: string | null;
  funding_to: string | null;
  land_codes: string[];
  operator_name: string | null;
  operator_address: string | null;
  operator_phone: string | null;
  operator_fax: string | null;
  operator_email: string | null;
  operator_website: string | null;
  contact_person: string | null;
  description: string | null;
  focus_topics: string[];
  funders: string[];
  stories: ColumnType<Array<{ title: string; url: string | null }>, string, string>;
  missing_fields: string[];
  source_file: string;
  office_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** All tables, for Kysely's type checking. Each table has exactly one writing repository. */
export interface Database
  extends CounsellingTables,
    CompanyTables,
    PlacementTables,
    SelfServiceTables,
    MatchingTables {
  office: OfficeTable;
  app_user: UserTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  app_meta: AppMetaTable;
  reference_dataset: ReferenceDatasetTable;
  land: LandTable;
  kreis: KreisTable;
  postcode: PostcodeTable;
  postcode_place: PostcodePlaceTable;
  kldb: KldbTable;
  occupation: OccupationTable;
  office_directory: OfficeDirectoryTable;
}

export type OfficeRow = Selectable<OfficeTable>;
export type NewOfficeRow = Insertable<OfficeTable>;
export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserRowUpdate = Updateable<UserTable>;
export type AuditRow = Selectable<AuditLogTable>;
