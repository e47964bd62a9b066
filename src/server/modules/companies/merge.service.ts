import type { TCompanyDetail, TCompanyFields, TMergeCompanies } from '../../../contracts/companies';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { AppError, conflict, notFound } from '../../platform/errors';
import { moveCompanyTasks } from '../cases/index';
import * as advice from './advice.repository';
import { assertNotMerged, companyScope, requireCompany } from './companies.access';
import { loadCompanyDetail } from './companies.detail';
import * as repo from './companies.repository';
import { buildCompanySearchText, companyNameKey } from './companies.text';
import { FIELD_COLUMNS, fieldsOf, hasValue, toAdviceList, toColumns } from './companies.view';
import { moveContacts } from './contacts.repository';
import { movePersons, selectPersons } from './persons.repository';
import { moveStageChanges } from './stages.repository';

/**
 * Moves another module's records of a merged company to the company it was merged into, inside the
 * merge transaction (e.g. the places module's `moveCompanyPlaces`). Handed to `companiesRoutes` by
 * `app.ts`, so the companies module never imports the modules that depend on it.
 */
export type CompanyMergeHandler = (
  exec: Executor,
  input: { officeId: string; fromCompanyId: string; toCompanyId: string },
) => Promise<unknown>;

/** How far an advice item has come: the merge keeps the more advanced of two states. */
const ADVICE_RANK: Record<string, number> = { open: 0, in_progress: 1, not_applicable: 2, done: 2 };

/** Address fields move together: a half address from two records would point nowhere. */
const ADDRESS: ReadonlyArray<keyof TCompanyFields> = ['street', 'postcode', 'place'];

/** The advice items of `fromId` joined into `intoId`: per item the more advanced state wins (ties: `intoId`'s). */
async function mergeAdvice(
  trx: Executor,
  scope: OfficeScope,
  officeId: string,
  intoId: string,
  fromId: string,
) {
  const into = new Map(
    toAdviceList(await advice.selectAdviceItems(trx, scope, intoId)).map((i) => [i.item, i]),
  );
  const from = await advice.selectAdviceItems(trx, scope, fromId);
  for (const f of from) {
    const i = into.get(f.item as never);
    if (!i || (ADVICE_RANK[f.state] ?? 0) <= (ADVICE_RANK[i.state] ?? 0)) continue;
    const values = { state: f.state, state_on: f.state_on, note: f.note ?? i.note };
    if (i.version === 0) {
      await advice.insertAdviceItems(trx, [
        { ...values, company_id: intoId, office_id: officeId, item: f.item },
      ]);
    } else {
      await advice.updateAdviceItem(trx, scope, intoId, f.item, i.version, values);
    }
  }
  await advice.deleteAdviceItems(trx, scope, fromId);
}

/**
 * `POST /api/companies/:id/merge`: merges the duplicate `otherId` into company `intoId` (both of the
 * actor's office, neither merged yet) in one transaction, keeping all history: contact persons
 * (the kept company's primary stays primary), contacts, follow-up tasks (cases module), stage
 * history and advice items (the more advanced state per item) move over; empty fields of the kept
 * company take the other's values (tags and languages joined; the address only as a whole); then
 * the `handlers` move other modules' records (places). The other company stays, read-only, with
 * `merged_into_id` set and hidden from lists. Refuses when a training place would stay behind.
 * @throws `forbidden`, `not_found` (either company), `validation` (`body.otherId`: `same_company`),
 *   `conflict` (409: stale `version`; code `merged` when one was merged already),
 *   `company_has_places` (409, `body.otherId`: a place of the other company would stay behind)
 */
export async function mergeCompanies(
  ctx: RequestContext,
  intoId: string,
  input: TMergeCompanies,
  handlers: readonly CompanyMergeHandler[],
): Promise<TCompanyDetail> {
  const actor = requireAccess(ctx, 'update', 'company');
  const scope = companyScope(actor);
  const fromId = input.otherId;
  if (intoId === fromId) throw new AppError('validation', [{ field: 'body.otherId', code: 'same_company' }]);
  return ctx.db.transaction().execute(async (trx) => {
    // A fixed lock order keeps two crossing merges from deadlocking.
    for (const id of [intoId, fromId].sort()) if (!(await repo.lockCompany(trx, scope, id))) throw notFound();
    const into = await requireCompany(trx, scope, intoId);
    const from = await requireCompany(trx, scope, fromId);
    assertNotMerged(into, 'params.id');
    assertNotMerged(from, 'body.otherId');
    if (into.version !== input.version) throw conflict();
    const officeId = into.office_id;

    await movePersons(trx, scope, fromId, intoId);
    await moveContacts(trx, scope, fromId, intoId);
    await moveCompanyTasks(trx, { officeId, fromCompanyId: fromId, toCompanyId: intoId });
    await moveStageChanges(trx, scope, fromId, intoId);
    await mergeAdvice(trx, scope, officeId, intoId, fromId);

    const a = fieldsOf(into);
    const b = fieldsOf(from);
    const patch: Partial<TCompanyFields> = {};
    for (const f of Object.keys(FIELD_COLUMNS) as (keyof TCompanyFields)[]) {
      if (f === 'name' || ADDRESS.includes(f)) continue;
      if (f === 'tags' || f === 'ownerLanguages') {
        const joined = [...new Set([...a[f], ...b[f]])].slice(0, 20);
        if (joined.length !== a[f].length) patch[f] = joined;
      } else if (!hasValue(a[f]) && hasValue(b[f])) {
        (patch as Record<string, unknown>)[f] = b[f];
      }
    }
    if (ADDRESS.every((f) => !hasValue(a[f])) && ADDRESS.some((f) => hasValue(b[f]))) {
      for (const f of ADDRESS) (patch as Record<string, unknown>)[f] = b[f];
    }
    const after = { ...a, ...patch };
    const persons = await selectPersons(trx, scope, intoId);
    await repo.updateCompany(trx, scope, intoId, input.version, {
      ...toColumns(patch),
      name_key: companyNameKey(after.name),
      search_text: buildCompanySearchText({
        name: after.name,
        place: after.place,
        postcode: after.postcode,
        contactNames: persons.map((p) => p.name),
      }),
    });
    await repo.markMerged(trx, scope, fromId, intoId);
    for (const move of handlers) await move(trx, { officeId, fromCompanyId: fromId, toCompanyId: intoId });
    if ((await repo.countDependants(trx, scope, fromId)).places > 0) {
      throw new AppError('company_has_places', [{ field: 'body.otherId', code: 'has_places' }]);
    }
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'company',
      entityId: intoId,
      officeId,
      details: { fields: Object.keys(patch), mergedFrom: fromId, version: input.version + 1 },
    });
    await audit(ctx, trx, {
      action: 'update',
      entityType: 'company',
      entityId: fromId,
      officeId,
      details: { fields: [], mergedInto: intoId, version: from.version + 1 },
    });
    return loadCompanyDetail(trx, scope, intoId);
  });
}
