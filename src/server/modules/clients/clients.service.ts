import type {
  TClient,
  TClientFields,
  TClientQuery,
  TClientSummary,
  TCreateClient,
  TUpdateClient,
} from '../../../contracts/clients';
import { audit, selectAuditEntries } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { type OfficeScope, officesScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import { auditListRead } from './clients.audit';
import {
  assertMayWriteSensitive,
  assertMinimalUnlessConsented,
  checkFields,
  type FieldInput,
  regionOf,
  toColumns,
} from './clients.checks';
import { CLIENT_FIELDS, type ClientField, FIELD_COLUMNS, hasValue } from './clients.fields';
import * as repo from './clients.repository';
import { buildNameKeys, buildSearchText, foldText, phoneQueryDigits } from './clients.search';
import {
  clientScope,
  fieldsOf,
  hasCounsellingConsent,
  toClient,
  toConsent,
  todayIso,
  toGuardian,
  toSummary,
} from './clients.view';
import { insertConsent, selectConsents } from './consents.repository';
import { assertClientMayConsent, impossibleDate } from './consents.rules';
import { searchKeys } from './duplicates/index';
import { selectGuardians } from './guardians.repository';
import { fillEntrySnapshot } from './snapshots.service';

/** Loads a client inside `scope` as the API shape for the acting role. @throws `not_found` */
export async function loadClient(
  ctx: RequestContext,
  db: Executor,
  scope: OfficeScope,
  id: string,
): Promise<TClient> {
  const row = await repo.selectClient(db, scope, id);
  if (!row || !ctx.actor) throw notFound();
  const today = todayIso();
  const [consents, guardians, region] = await Promise.all([
    selectConsents(db, scope, id),
    selectGuardians(db, scope, id),
    regionOf(db, row.postcode?.trim() ?? null),
  ]);
  return toClient(row, {
    consents: consents.map((c) => toConsent(c, today)),
    guardians: guardians.map(toGuardian),
    region,
    role: ctx.actor.role,
  });
}

/**
 * Writes changed fields of a client (inside an open transaction): derives `place` from a changed
 * postcode, recomputes `search_text` and `name_keys`, bumps the version (only while it equals
 * `version`, unless null), fills the entry snapshot and audits the field names with the new version.
 * Validation and consent rules are the caller's.
 * @returns false when the version was stale (nothing written)
 */
export async function writeClientPatch(
  ctx: RequestContext,
  trx: Executor,
  opts: {
    scope: OfficeScope;
    current: NonNullable<Awaited<ReturnType<typeof repo.selectClient>>>;
    patch: FieldInput;
    place?: string | null | undefined;
    version: number | null;
    auditDetails?: Record<string, unknown>;
  },
): Promise<boolean> {
  const { current, patch } = opts;
  const after = { ...fieldsOf(current), ...patch } as TClientFields;
  const columns: repo.ClientWrite = {
    ...toColumns(patch),
    ...(opts.place !== undefined && { place: opts.place }),
    ...(patch.postcode === null && { place: null }),
    search_text: buildSearchText(after),
    name_keys: buildNameKeys(after),
  };
  const ok = await repo.updateClient(trx, opts.scope, current.id, opts.version, columns);
  if (!ok) return false;
  await fillEntrySnapshot(trx, opts.scope, current.id);
  await audit(ctx, trx, {
    action: 'update',
    entityType: 'client',
    entityId: current.id,
    officeId: current.office_id,
    details: { fields: Object.keys(patch), version: current.version + 1, ...opts.auditDetails },
  });
  return true;
}

/**
 * Creates a client in the actor's office (also the cases module's intake: pass its transaction as
 * `trx` so client and case commit together). Derives the place from the postcode, stores the search
 * text and phonetic name keys, records the counselling consent if given, takes the entry snapshot of
 * the programme fields and audits the creation.
 * @param input `ZCreateClient`; without `counsellingConsent` only names and date of birth may be set
 * @throws `unauthenticated`, `forbidden` (admin, volunteer, viewer), `validation` (400: impossible
 *   dates, unknown postcode or occupation), `consent_required` (400, naming the fields),
 *   `guardian_consent_required` (400: the client is below `CONSENT_MIN_AGE` or the birth date unknown)
 */
export async function createClient(
  ctx: RequestContext,
  input: TCreateClient,
  trx?: Executor,
): Promise<TClient> {
  const actor = requireAccess(ctx, 'create', 'client');
  assertMayWriteSensitive(actor.role, input);
  const { counsellingConsent, ...fields } = input;
  const run = async (db: Executor): Promise<TClient> => {
    const { place } = await checkFields(db, fields);
    if (counsellingConsent) {
      const e = impossibleDate(counsellingConsent.givenOn, 'body.counsellingConsent.givenOn', {
        today: todayIso(),
        notBefore: fields.dateOfBirth ?? null,
      });
      if (e) throw new AppError('validation', [e]);
      assertClientMayConsent({
        minAge: ctx.config.consentMinAge,
        dateOfBirth: fields.dateOfBirth ?? null,
        givenOn: counsellingConsent.givenOn,
        field: 'body.counsellingConsent',
      });
    }
    assertMinimalUnlessConsented(fields, counsellingConsent !== undefined);
    const id = await repo.insertClient(db, {
      ...toColumns(fields),
      office_id: actor.officeId,
      given_names: fields.givenNames,
      family_name: fields.familyName,
      place: place ?? null,
      search_text: buildSearchText(fields),
      name_keys: buildNameKeys(fields),
      created_by: actor.system ? null : actor.userId,
    });
    const scope = clientScope(actor);
    if (counsellingConsent) {
      await insertConsent(db, {
        client_id: id,
        office_id: actor.officeId,
        purpose: 'counselling',
        partner_name: null,
        legal_basis: counsellingConsent.legalBasis,
        given_on: counsellingConsent.givenOn,
        form: counsellingConsent.form,
        given_by: 'client',
        guardian_id: null,
        recorded_by: actor.system ? null : actor.userId,
      });
    }
    await fillEntrySnapshot(db, scope, id);
    await audit(ctx, db, {
      action: 'create',
      entityType: 'client',
      entityId: id,
      officeId: actor.officeId,
      details: {
        fields: (Object.keys(fields) as ClientField[]).filter((f) => hasValue(fields[f])),
        consent: counsellingConsent !== undefined,
        version: 1,
      },
    });
    return loadClient(ctx, db, scope, id);
  };
  return trx ? run(trx) : ctx.db.transaction().execute(run);
}

/** One client of the actor's office; the read is audited (personal record). @throws `forbidden`, `not_found` */
export async function getClient(ctx: RequestContext, id: string): Promise<TClient> {
  const actor = requireAccess(ctx, 'read', 'client');
  const client = await loadClient(ctx, ctx.db, clientScope(actor), id);
  await audit(ctx, ctx.db, { action: 'read', entityType: 'client', entityId: id, officeId: client.officeId });
  return client;
}

/** A query with an @ in one word: part of an e-mail address, looked up as text, not as names. */
const EMAIL_PART = /^[^\s@]*@[^\s@]*$/;
/** A whole e-mail address (after `emailQuery` stripped `<…>` and `mailto:`): only its holders. */
const EMAIL_WHOLE = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

/** The query without the `<…>` or `mailto:` a mail program adds when an address is copied. */
function emailQuery(text: string): string {
  return text
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .trim();
}

/**
 * Lists or searches the clients of the actor's office (merged-away records hidden). `q` is one box
 * over any name spelling, phone, e-mail and postcode: German full text, trigram similarity and
 * phonetic name keys, ranked. A whole e-mail address (also as `<…>` or `mailto:`) finds only the clients
 * holding exactly that address, a part of one (with its @) the addresses containing it — never every
 * "Amina" of the office. @throws `forbidden`
 */
export async function listClients(
  ctx: RequestContext,
  q: TClientQuery,
): Promise<{ items: TClientSummary[]; total: number }> {
  const actor = requireAccess(ctx, 'read', 'client');
  const raw = q.q?.trim() ?? '';
  const mail = emailQuery(raw);
  const text = EMAIL_PART.test(mail) ? mail : raw;
  const search = text
    ? {
        folded: foldText(text),
        digits: phoneQueryDigits(text),
        keys: EMAIL_PART.test(text) ? [] : [...new Set(searchKeys(text))],
        exact: EMAIL_PART.test(text),
        email: EMAIL_WHOLE.test(text) ? text.toLowerCase() : null,
        limit: q.limit,
        offset: q.offset,
      }
    : null;
  const { rows, total } = await repo.searchClients(ctx.db, clientScope(actor), search, q);
  const items = rows.map(toSummary);
  await auditListRead(
    ctx,
    text ? 'search' : 'list',
    items.map((c) => c.id),
    text ? { query: text } : {},
  );
  return { items, total };
}

/** Fields changed by others since `version`, from the audit entries of the client's updates. */
async function fieldsChangedSince(
  db: Executor,
  officeId: string,
  id: string,
  version: number,
): Promise<string[]> {
  const { rows } = await selectAuditEntries(db, officesScope([officeId]), {
    entityType: 'client',
    entityId: id,
    action: 'update',
    limit: 200,
    offset: 0,
  });
  const changed = new Set<string>();
  for (const r of rows) {
    const d = (r.details ?? {}) as { version?: number; fields?: string[] };
    if (typeof d.version === 'number' && d.version > version) for (const f of d.fields ?? []) changed.add(f);
  }
  return CLIENT_FIELDS.filter((f) => changed.has(f));
}

/** True when two field values are the same (null = undefined = empty list for lists). */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Changes fields of a client of the actor's office, optimistic on `version`. Only fields that differ
 * are written; an update without changes is a no-op (no version bump, no audit entry). Another
 * module's use case may pass its transaction as `outer` so its own writes commit with the client's
 * (the self-service confirmation); without it the update runs in its own transaction.
 * @throws `forbidden`, `not_found`, `validation` (400, see `createClient`), `consent_required` (400),
 *   `conflict` (409: stale `version`, with `changedFields` since that version; or the record was merged,
 *   with `mergedIntoId`)
 */
export async function updateClient(
  ctx: RequestContext,
  id: string,
  input: TUpdateClient,
  outer?: Executor,
): Promise<TClient> {
  const actor = requireAccess(ctx, 'update', 'client');
  assertMayWriteSensitive(actor.role, input);
  const scope = clientScope(actor);
  const run = async (trx: Executor): Promise<TClient> => {
    const current = await repo.selectClient(trx, scope, id);
    if (!current) throw notFound();
    if (current.merged_into_id) {
      throw new AppError('conflict', [{ field: 'params.id', code: 'merged' }], {
        mergedIntoId: current.merged_into_id,
      });
    }
    const { version, ...fields } = input;
    const before = fieldsOf(current);
    const patch: FieldInput = {};
    for (const f of Object.keys(fields) as ClientField[]) {
      if (fields[f] !== undefined && f in FIELD_COLUMNS && !same(fields[f], before[f])) {
        (patch as Record<string, unknown>)[f] = fields[f];
      }
    }
    const stale = async (): Promise<never> => {
      throw new AppError('conflict', [{ field: 'body.version', code: 'conflict' }], {
        changedFields: await fieldsChangedSince(trx, current.office_id, id, version),
      });
    };
    if (Object.keys(patch).length === 0) {
      if (current.version !== version) await stale();
      return loadClient(ctx, trx, scope, id);
    }
    const { place } = await checkFields(trx, patch, {
      dateOfBirth: current.date_of_birth,
      availableFrom: current.available_from,
      availableUntil: current.available_until,
    });
    const consents = (await selectConsents(trx, scope, id)).map((c) => toConsent(c));
    assertMinimalUnlessConsented(patch, hasCounsellingConsent(consents));
    if (!(await writeClientPatch(ctx, trx, { scope, current, patch, place, version }))) await stale();
    return loadClient(ctx, trx, scope, id);
  };
  return outer ? run(outer) : ctx.db.transaction().execute(run);
}
