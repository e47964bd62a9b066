import type {
  TCompany,
  TCompanyBoard,
  TCompanyDetail,
  TCompanyDuplicate,
  TCompanyFields,
  TCompanyFilter,
  TCompanyQuery,
  TCompanySummary,
  TCreateCompany,
  TUpdateCompany,
} from '../../../contracts/companies';
import { COMPANY_PIPELINE, type TCompanyStage, ZCompanyStage } from '../../../contracts/companies.enums';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError, conflict, notFound } from '../../platform/errors';
import { companyScope, lockWritableCompany, requireCompany, todayIso } from './companies.access';
import { checkCompanyFields } from './companies.checks';
import { loadCompanyDetail } from './companies.detail';
import * as repo from './companies.repository';
import { buildCompanySearchText, companyNameKey, searchWords } from './companies.text';
import { FIELD_COLUMNS, fieldsOf, toColumns, toCompany, toSummary } from './companies.view';
import { selectPersons } from './persons.repository';
import { insertStageChanges } from './stages.repository';

/** Duplicates as the API shows them. */
function toDuplicates(rows: Awaited<ReturnType<typeof repo.selectDuplicates>>): TCompanyDuplicate[] {
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    postcode: r.postcode,
    place: r.place,
    stage: r.stage as TCompanyStage,
  }));
}

/**
 * Refuses a likely duplicate: another company of `scope` (merged ones ignored, `excludeId` itself
 * not counted) with the same name key and postcode.
 * @throws `company_duplicate` (409, field `body.name`, with `duplicates`: the existing companies)
 */
async function refuseDuplicates(
  db: Executor,
  scope: OfficeScope,
  c: { nameKey: string; postcode: string | null; excludeId?: string },
): Promise<void> {
  const dups = await repo.selectDuplicates(db, scope, c);
  if (dups.length > 0) {
    throw new AppError('company_duplicate', [{ field: 'body.name', code: 'company_duplicate' }], {
      duplicates: toDuplicates(dups),
    });
  }
}

/**
 * Creates a company in the actor's office with its first history row (`stage`, default
 * `identified`, dated today), name key and search text; audited. Refuses a likely duplicate (same
 * name key and postcode in the office, merged records ignored) unless `allowDuplicate`.
 * @throws `forbidden`, `validation` (400, see `checkCompanyFields`), `company_duplicate` (409, with
 *   `duplicates`: the existing companies)
 */
export async function createCompany(ctx: RequestContext, input: TCreateCompany): Promise<TCompanyDetail> {
  const actor = requireAccess(ctx, 'create', 'company');
  const scope = companyScope(actor);
  const { stage, allowDuplicate, ...fields } = input;
  const { place } = await checkCompanyFields(ctx.db, actor.officeId, fields, fields);
  const nameKey = companyNameKey(fields.name);
  const postcode = fields.postcode ?? null;
  if (!allowDuplicate) await refuseDuplicates(ctx.db, scope, { nameKey, postcode });
  const day = todayIso();
  const placeName = place !== undefined ? place : (fields.place ?? null);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertCompany(trx, {
      ...toColumns(fields),
      office_id: actor.officeId,
      name: fields.name,
      place: placeName,
      stage,
      stage_changed_on: day,
      name_key: nameKey,
      search_text: buildCompanySearchText({ name: fields.name, place: placeName, postcode }),
      created_by: actor.system ? null : actor.userId,
    });
    await insertStageChanges(trx, [
      {
        company_id: id,
        office_id: actor.officeId,
        from_stage: null,
        to_stage: stage,
        changed_on: day,
        reason: null,
        changed_by: actor.system ? null : actor.userId,
      },
    ]);
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'company',
      entityId: id,
      officeId: actor.officeId,
      details: { fields: Object.keys(fields), stage, ...(allowDuplicate && { allowDuplicate: true }) },
    });
    return loadCompanyDetail(trx, scope, id);
  });
}

/**
 * One company of the actor's office with contact persons, history, newest contacts and advice
 * checklist. The read is audited (contact persons are personal data).
 * @throws `forbidden`, `not_found` (unknown or another office's company)
 */
export async function getCompany(ctx: RequestContext, id: string): Promise<TCompanyDetail> {
  const actor = requireAccess(ctx, 'read', 'company');
  const detail = await loadCompanyDetail(ctx.db, companyScope(actor), id);
  await audit(ctx, ctx.db, {
    action: 'read',
    entityType: 'company',
    entityId: id,
    officeId: detail.officeId,
  });
  return detail;
}

/** True when two field values are the same (null = undefined; lists compared as written). */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Changes fields of a company of the actor's office, optimistic on `version`: only fields that
 * differ are written (no change = no-op, no version bump). Name, place or postcode changes renew
 * the name key and search text. A change of name key or postcode that makes the company a likely
 * duplicate of another one of the office is refused as on create, unless `allowDuplicate`. Audited
 * with the names of the changed fields.
 * @throws `forbidden`, `not_found`, `validation` (400), `conflict` (409: stale `version`; or the
 *   company was merged, code `merged` with `mergedIntoId`), `company_duplicate` (409, with
 *   `duplicates`)
 */
export async function updateCompany(
  ctx: RequestContext,
  id: string,
  input: TUpdateCompany,
): Promise<TCompanyDetail> {
  const actor = requireAccess(ctx, 'update', 'company');
  const scope = companyScope(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await lockWritableCompany(trx, scope, id);
    const { version, allowDuplicate, ...fields } = input;
    const before = fieldsOf(current);
    const patch: Partial<TCompanyFields> = {};
    for (const f of Object.keys(fields) as (keyof TCompanyFields)[]) {
      if (fields[f] !== undefined && f in FIELD_COLUMNS && !same(fields[f], before[f])) {
        (patch as Record<string, unknown>)[f] = fields[f];
      }
    }
    if (Object.keys(patch).length === 0) {
      if (current.version !== version) throw conflict();
      return loadCompanyDetail(trx, scope, id);
    }
    if (current.version !== version) throw conflict();
    const after = { ...before, ...patch };
    const { place } = await checkCompanyFields(trx, current.office_id, patch, after);
    const nameKey = companyNameKey(after.name);
    const postcode = after.postcode ?? null;
    if (!allowDuplicate && (nameKey !== current.name_key || postcode !== (current.postcode ?? null))) {
      await refuseDuplicates(trx, scope, { nameKey, postcode, excludeId: id });
    }
    const columns = { ...toColumns(patch), ...(place !== undefined && { place }) };
    const placeAfter = place !== undefined ? place : after.place;
    if (patch.name !== undefined || place !== undefined || patch.place !== undefined) {
      const persons = await selectPersons(trx, scope, id);
      columns.name_key = nameKey;
      columns.search_text = buildCompanySearchText({
        name: after.name,
        place: placeAfter,
        postcode: after.postcode,
        contactNames: persons.map((p) => p.name),
      });
    }
    if (!(await repo.updateCompany(trx, scope, id, version, columns))) throw conflict();
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'company',
      entityId: id,
      officeId: current.office_id,
      details: {
        fields: Object.keys(patch),
        version: version + 1,
        ...(allowDuplicate && { allowDuplicate: true }),
      },
    });
    return loadCompanyDetail(trx, scope, id);
  });
}

/**
 * Deletes a company of the actor's office with its contact persons, contacts, advice items, history
 * and follow-up tasks; audited. A company with training places or with companies merged into it is
 * kept (merge or withdraw those first).
 * @throws `forbidden`, `not_found`, `conflict` (409: stale `version`), `company_has_places` (409,
 *   `params.id` code `has_places`), `company_has_merged` (409, `params.id` code `has_merged`)
 */
export async function deleteCompany(ctx: RequestContext, id: string, version: number): Promise<void> {
  const actor = requireAccess(ctx, 'delete', 'company');
  const scope = companyScope(actor);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.lockCompany(trx, scope, id))) throw notFound();
    const current = await requireCompany(trx, scope, id);
    if (current.version !== version) throw conflict();
    const deps = await repo.countDependants(trx, scope, id);
    if (deps.places > 0) {
      throw new AppError('company_has_places', [{ field: 'params.id', code: 'has_places' }]);
    }
    if (deps.merged > 0) {
      throw new AppError('company_has_merged', [{ field: 'params.id', code: 'has_merged' }]);
    }
    if (!(await repo.deleteCompany(trx, scope, id, version))) throw conflict();
    await audit(ctx, trx, {
      action: 'delete',
      entityType: 'company',
      entityId: id,
      officeId: current.office_id,
      details: { name: current.name },
    });
  });
}

/** Summaries of `ids` in the order of `ids`. */
async function summariesInOrder(db: Executor, scope: OfficeScope, ids: readonly string[]) {
  const rows = await repo.selectSummaries(db, scope, ids);
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.map((id) => byId.get(id)).filter((s): s is TCompanySummary => s !== undefined);
}

/**
 * Lists or searches the companies of the actor's office (merged ones hidden): filters by stage,
 * responsible counsellor, tag, acquisition channel and training history; `q` must match every word
 * (substring or trigram similarity, accents and umlaut spellings folded) over name, place,
 * postcode and contact person names. Ordered by search rank, then name. Not audited: it shows
 * company names only (contact person names only on the audited detail).
 * @throws `forbidden`
 */
export async function listCompanies(
  ctx: RequestContext,
  q: TCompanyQuery,
): Promise<{ items: TCompanySummary[]; total: number }> {
  const actor = requireAccess(ctx, 'read', 'company');
  const scope = companyScope(actor);
  const { limit, offset, ...filter } = q;
  const { ids, total } = await repo.selectCompanyIds(ctx.db, scope, filter, searchWords(filter.q ?? ''), {
    limit,
    offset,
  });
  return { items: await summariesInOrder(ctx.db, scope, ids), total };
}

/**
 * All companies of the actor's office matching the list filters (`TCompanyFilter`, no paging), as
 * full records in list order, for the CSV/XLSX export; the export is audited (`export`, with the
 * filter and the number of companies).
 * @throws `forbidden` (`export` on `company`)
 */
export async function listCompaniesForExport(
  ctx: RequestContext,
  query: TCompanyFilter,
): Promise<TCompany[]> {
  const actor = requireAccess(ctx, 'export', 'company');
  const scope = companyScope(actor);
  const filter: TCompanyFilter = {
    stage: query.stage,
    ownerUserId: query.ownerUserId,
    tag: query.tag,
    channel: query.channel,
    trainingHistory: query.trainingHistory,
    q: query.q,
  };
  const { ids } = await repo.selectCompanyIds(ctx.db, scope, filter, searchWords(filter.q ?? ''), null);
  const rows = await repo.selectCompaniesByIds(ctx.db, scope, ids);
  const byId = new Map(rows.map((r) => [r.id, toCompany(r)]));
  const items = ids.map((id) => byId.get(id)).filter((c): c is TCompany => c !== undefined);
  await audit(ctx, ctx.db, {
    action: 'export',
    entityType: 'company',
    entityId: null,
    officeId: actor.officeId,
    details: { count: items.length, filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) },
  });
  return items;
}

/** Board columns in order: the pipeline, then the side exits. */
const BOARD_STAGES: readonly TCompanyStage[] = [
  ...COMPANY_PIPELINE,
  ...ZCompanyStage.options.filter((s) => !COMPANY_PIPELINE.includes(s)),
];

/**
 * The kanban board of the actor's office: one column per stage (pipeline order, then `declined`
 * and `inactive`) with the number of companies in it and the first `perStage` cards by name,
 * optionally only those of one responsible counsellor. @throws `forbidden`
 */
export async function getCompanyBoard(
  ctx: RequestContext,
  q: { ownerUserId?: string | undefined; perStage: number },
): Promise<TCompanyBoard> {
  const actor = requireAccess(ctx, 'read', 'company');
  const scope = companyScope(actor);
  const { ids, counts } = await repo.selectBoard(ctx.db, scope, q);
  const cards = await summariesInOrder(ctx.db, scope, ids);
  const key = (c: TCompanySummary) => c.name.toLocaleLowerCase('de');
  return {
    columns: BOARD_STAGES.map((stage) => ({
      stage,
      count: counts.get(stage) ?? 0,
      items: cards.filter((c) => c.stage === stage).sort((a, b) => key(a).localeCompare(key(b), 'de')),
    })),
  };
}

/**
 * Companies of the actor's office with the same name key as `name` and, when given, the same
 * `postcode` (the check the create form runs while typing). @throws `forbidden`
 */
export async function findCompanyDuplicates(
  ctx: RequestContext,
  q: { name: string; postcode?: string | undefined },
): Promise<TCompanyDuplicate[]> {
  const actor = requireAccess(ctx, 'read', 'company');
  const rows = await repo.selectDuplicates(ctx.db, companyScope(actor), {
    nameKey: companyNameKey(q.name),
    postcode: q.postcode,
  });
  return toDuplicates(rows);
}
