import type { z } from 'zod';

/** Stable error codes of the API and the HTTP status each maps to (one map, house style rule 3). */
export const ERROR_STATUS = {
  validation: 400,
  bad_request: 400,
  wrong_password: 400,
  invalid_office_parent: 400,
  cannot_disable_self: 400,
  cannot_change_own_role: 400,
  last_admin: 409,
  password_unchanged: 400,
  unknown_office: 400,
  control_characters: 400,
  invalid_postcode: 400,
  invalid_stage_change: 400,
  outcome_required: 400,
  contract_or_note_required: 400,
  unknown_user: 400,
  consent_required: 400,
  guardian_consent_required: 400,
  impossible_date: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_disabled: 401,
  forbidden: 403,
  csrf: 403,
  password_change_required: 403,
  not_found: 404,
  unknown_postcode: 404,
  unknown_occupation: 404,
  unknown_occupation_named: 400,
  conflict: 409,
  duplicate: 409,
  payload_too_large: 413,
  // Self-service (issue 7): profile links, uploads, letters.
  profile_link_unknown: 404,
  profile_link_expired: 410,
  profile_link_used: 410,
  profile_link_revoked: 410,
  profile_link_not_open: 409,
  upload_too_large: 413,
  upload_type_not_allowed: 415,
  upload_photo_not_image: 415,
  too_many_uploads: 409,
  counselling_consent_required: 422,
  letter_email_missing: 422,
  letter_values_missing: 422,
  mail_failed: 502,
  // Companies (issue 5): duplicate warning and rules of the acquisition pipeline.
  company_duplicate: 409,
  company_has_places: 409,
  company_has_merged: 409,
  referred_by_required: 400,
  reason_required: 400,
  // Training places (issue 5): rules zod cannot check (field errors carry the specific code).
  place_invalid: 422,
  occupation_required: 422,
  occupation_not_recognised: 422,
  eq_duration: 422,
  starts_in_past: 422,
  contact_person_not_of_company: 422,
  record_merged: 422,
  company_not_active: 422,
  place_not_open: 422,
  candidate_not_proposed: 422,
  matching_consent_required: 422,
  // Placements (issue 6): one open placement per client and place; only a proposed one may be deleted.
  placement_exists: 409,
  placement_not_deletable: 409,
  // A contract needs a free seat: the place's contracts already take all of them.
  place_seats_taken: 409,
  contract_needs_apprenticeship: 400,
  // A place's seats cannot drop below its signed contracts, nor can it open while they take every seat.
  seats_below_contracts: 409,
  match_excluded: 422,
  // Imports and exports (issue 5): unusable files, the import flow, the BA job-search service.
  file_empty: 400,
  file_no_header: 400,
  file_wrong_delimiter: 400,
  file_bad_quotes: 400,
  file_too_many_rows: 400,
  file_unreadable: 400,
  file_not_table: 400,
  file_format_unsupported: 415,
  import_mapping: 400,
  ba_format: 400,
  import_running: 409,
  import_not_validated: 409,
  import_committed: 409,
  import_failed: 500,
  ba_unreachable: 502,
  ba_bad_response: 502,
  ba_live_disabled: 503,
  // Matching (issue 6): invalid weights or parameters of an office (field errors name each one).
  match_config_invalid: 400,
  account_locked: 423,
  rate_limited: 429,
  internal: 500,
} as const;

/** One of our error codes; each has a message under `errors.<code>` in every locale file. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** A field-level problem: `field` is a dotted path (`body.email`), `code` a zod issue code or ours. */
export interface FieldError {
  field: string;
  code: string;
  /** Translation key under `errors.` used when no zod message applies; defaults to the code. */
  messageKey?: ErrorCode;
  /** The zod issue behind a service's own validation (with `input`): worded like a request's. */
  issue?: z.core.$ZodRawIssue;
  /** Values for the message's placeholders (e.g. `{ value: 'kochh' }` for "„{{value}}“ …"). */
  params?: Record<string, string | number>;
}

/**
 * The one error type services throw. The HTTP error handler turns it into a localised
 * RFC 9457 problem+json with status `ERROR_STATUS[code]`.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

/** Shortcut: a 404 for a record that does not exist or lies outside the actor's scope. */
export const notFound = (): AppError => new AppError('not_found');
/** Shortcut: a 403 for an action the actor's role may not perform. */
export const forbidden = (): AppError => new AppError('forbidden');
/** Shortcut: a 409 for an update carrying a stale `version`. */
export const conflict = (): AppError =>
  new AppError('conflict', [{ field: 'body.version', code: 'conflict' }]);
