import type { TCompany, TCompanyContact, TCreateCompanyContact } from '../../../contracts/companies';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors';
import { createCompanyTask } from '../cases/index';
import {
  companyScope,
  impossibleDate,
  lockWritableCompany,
  requireCompany,
  requireStaff,
  todayIso,
} from './companies.access';
import { toCompany, toContact } from './companies.view';
import * as repo from './contacts.repository';
import { selectPerson } from './persons.repository';
import { advanceOnContact } from './stages.service';

/**
 * Logs a contact with a company of the actor's office (call, visit, e-mail, event, letter, video):
 * date (not in the future), channel, the contact person spoken to (of this company), result and
 * next step. A `nextStep` becomes a follow-up task through the cases module (so it is in "my
 * tasks" and on the agenda with the company's name), due `nextStepDueOn`, owned by
 * `nextStepOwnerId`, else the company's responsible counsellor, else the actor. A contact of an
 * `identified` company moves it to `contacted` (history row, see `advanceOnContact`). One
 * transaction; audited.
 * @returns the contact (with its task) and the company as it is now (stage, version)
 * @throws `forbidden`, `not_found`, `conflict` (merged company), `impossible_date`
 *   (`body.contactedOn`: `in_future`; `body.nextStepDueOn`: `before_contact`), `validation`
 *   (`body.contactPersonId`: `not_of_company`),
 *   `unknown_user` (`body.nextStepOwnerId`)
 */
export async function logCompanyContact(
  ctx: RequestContext,
  companyId: string,
  input: TCreateCompanyContact,
): Promise<{ contact: TCompanyContact; company: TCompany }> {
  const actor = requireAccess(ctx, 'update', 'company');
  const scope = companyScope(actor);
  if (input.contactedOn > todayIso()) throw impossibleDate('body.contactedOn', 'in_future');
  // A next step may be due in the past (a back-filled contact), but not before the contact itself.
  if (input.nextStepDueOn && input.nextStepDueOn < input.contactedOn) {
    throw impossibleDate('body.nextStepDueOn', 'before_contact');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const company = await lockWritableCompany(trx, scope, companyId);
    if (input.contactPersonId && !(await selectPerson(trx, scope, companyId, input.contactPersonId))) {
      throw new AppError('validation', [{ field: 'body.contactPersonId', code: 'not_of_company' }]);
    }
    if (input.nextStepOwnerId) {
      await requireStaff(trx, company.office_id, input.nextStepOwnerId, 'body.nextStepOwnerId');
    }
    let taskId: string | null = null;
    if (input.nextStep) {
      taskId = await createCompanyTask(ctx, trx, {
        officeId: company.office_id,
        companyId,
        title: input.nextStep,
        dueOn: input.nextStepDueOn ?? null,
        ownerId: input.nextStepOwnerId ?? company.owner_user_id ?? actor.userId,
      });
    }
    const [id] = await repo.insertContacts(trx, [
      {
        company_id: companyId,
        office_id: company.office_id,
        contacted_on: input.contactedOn,
        channel: input.channel,
        contact_person_id: input.contactPersonId ?? null,
        result: input.result,
        next_step: input.nextStep ?? null,
        task_id: taskId,
        counsellor_id: actor.userId,
      },
    ]);
    const advanced = await advanceOnContact(ctx, trx, { scope, company, contactedOn: input.contactedOn });
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'company_contact',
      entityId: id ?? null,
      officeId: company.office_id,
      details: { companyId, channel: input.channel, taskId, ...(advanced && { advancedTo: 'contacted' }) },
    });
    const [row] = await repo.selectContacts(trx, scope, companyId, { ids: [id as string] });
    return {
      contact: toContact(row as repo.ContactRow),
      company: toCompany(await requireCompany(trx, scope, companyId)),
    };
  });
}

/**
 * The contact log of a company of the actor's office, newest first, each with the follow-up task as
 * it stands now (done or open, due date, owner). Audited read (names contact persons).
 * @throws `forbidden`, `not_found`
 */
export async function listCompanyContacts(
  ctx: RequestContext,
  companyId: string,
): Promise<TCompanyContact[]> {
  const actor = requireAccess(ctx, 'read', 'company');
  const scope = companyScope(actor);
  const company = await requireCompany(ctx.db, scope, companyId);
  const rows = await repo.selectContacts(ctx.db, scope, companyId);
  await audit(ctx, ctx.db, {
    action: 'read',
    entityType: 'company_contact',
    entityId: null,
    officeId: company.office_id,
    details: { companyId, count: rows.length },
  });
  return rows.map(toContact);
}
