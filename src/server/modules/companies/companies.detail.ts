import type { TCompanyDetail } from '../../../contracts/companies';
import type { OfficeScope } from '../../platform/auth/scope';
import type { Executor } from '../../platform/db/database';
import { selectAdviceItems } from './advice.repository';
import { requireCompany } from './companies.access';
import * as repo from './companies.repository';
import { buildCompanySearchText } from './companies.text';
import { toAdviceList, toCompany, toContact, toPerson, toStageChange } from './companies.view';
import { selectContacts } from './contacts.repository';
import { selectPersons } from './persons.repository';
import { selectStageChanges } from './stages.repository';

/** How many of the newest contacts the company detail carries (the contact list has them all). */
export const DETAIL_CONTACTS = 50;

/**
 * Assembles a company inside `scope` with its contact persons, history, newest contacts and advice
 * checklist (`ZCompanyDetail`). Not audited: the callers audit their own read or write.
 * @throws `not_found`
 */
export async function loadCompanyDetail(
  db: Executor,
  scope: OfficeScope,
  id: string,
): Promise<TCompanyDetail> {
  const row = await requireCompany(db, scope, id);
  const [persons, history, contacts, advice] = await Promise.all([
    selectPersons(db, scope, id),
    selectStageChanges(db, scope, id),
    selectContacts(db, scope, id, { limit: DETAIL_CONTACTS }),
    selectAdviceItems(db, scope, id),
  ]);
  return {
    ...toCompany(row),
    contactPersons: persons.map(toPerson),
    history: history.map(toStageChange),
    contacts: contacts.map(toContact),
    advice: toAdviceList(advice),
  };
}

/**
 * Recomputes a company's `search_text` from its name, place, postcode and its contact persons'
 * names (after any of them changed), inside the caller's transaction.
 */
export async function refreshSearchText(db: Executor, scope: OfficeScope, id: string): Promise<void> {
  const row = await requireCompany(db, scope, id);
  const persons = await selectPersons(db, scope, id);
  await repo.updateSearchText(
    db,
    id,
    buildCompanySearchText({
      name: row.name,
      place: row.place,
      postcode: row.postcode,
      contactNames: persons.map((p) => p.name),
    }),
  );
}
