import type {
  TAdviceItemKey,
  TAdviceState,
  TCompanyContactChannel,
  TCompanyFields,
  TContactPersonRole,
} from '../../../contracts/companies';
import type { TCompanyStage } from '../../../contracts/companies.enums';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import type { Executor } from '../../platform/db/database';
import { createCompanyTask } from '../cases/index';
import { insertAdviceItems } from './advice.repository';
import * as repo from './companies.repository';
import { buildCompanySearchText, companyNameKey } from './companies.text';
import { toColumns } from './companies.view';
import { insertContacts } from './contacts.repository';
import { insertPersons } from './persons.repository';
import { insertStageChanges } from './stages.repository';

/**
 * One complete company record for seeding (demo installation): the company, its dated pipeline
 * history (first entry = where it entered; the last one is its current stage), contact persons,
 * logged contacts (optionally with a follow-up task) and advice items. Dates are `YYYY-MM-DD`.
 */
export interface CompanyRecordSeed {
  fields: TCompanyFields;
  history: ReadonlyArray<{ to: TCompanyStage; on: string; reason?: string }>;
  persons: ReadonlyArray<{
    name: string;
    role: TContactPersonRole;
    jobTitle?: string;
    phone?: string;
    email?: string;
    languages?: readonly string[];
    isPrimary?: boolean;
  }>;
  contacts: ReadonlyArray<{
    contactedOn: string;
    channel: TCompanyContactChannel;
    /** Index into `persons`. */
    person?: number;
    result: string;
    nextStep?: { title: string; dueOn: string | null };
    counsellorId: string | null;
  }>;
  advice: ReadonlyArray<{ item: TAdviceItemKey; state: TAdviceState; on: string | null; note?: string }>;
}

/**
 * Writes complete company records into office `officeId` inside `exec` (demo seed): company with
 * name key and search text, history, persons, contacts with follow-up tasks (cases module) and
 * advice items; one audit entry per company. No access check and no duplicate check: the caller
 * (the demo seed, a system context) vouches for the data.
 * @returns the company ids, in order
 */
export async function seedCompanyRecords(
  ctx: RequestContext,
  exec: Executor,
  input: { officeId: string; createdBy: string | null; records: readonly CompanyRecordSeed[] },
): Promise<string[]> {
  const ids: string[] = [];
  for (const r of input.records) {
    const first = r.history[0];
    const last = r.history[r.history.length - 1];
    if (!first || !last) throw new Error(`seed company ${r.fields.name} has no history`);
    const id = await repo.insertCompany(exec, {
      ...toColumns(r.fields),
      office_id: input.officeId,
      name: r.fields.name,
      stage: last.to,
      stage_changed_on: last.on,
      name_key: companyNameKey(r.fields.name),
      search_text: buildCompanySearchText({
        name: r.fields.name,
        place: r.fields.place,
        postcode: r.fields.postcode,
        contactNames: r.persons.map((p) => p.name),
      }),
      created_by: input.createdBy,
    });
    await insertStageChanges(
      exec,
      r.history.map((h, i) => ({
        company_id: id,
        office_id: input.officeId,
        from_stage: i === 0 ? null : (r.history[i - 1]?.to ?? null),
        to_stage: h.to,
        changed_on: h.on,
        reason: h.reason ?? null,
        changed_by: r.fields.ownerUserId ?? null,
      })),
    );
    const personIds = await insertPersons(
      exec,
      r.persons.map((p) => ({
        company_id: id,
        office_id: input.officeId,
        name: p.name,
        role: p.role,
        job_title: p.jobTitle ?? null,
        phone: p.phone ?? null,
        email: p.email ?? null,
        languages: [...(p.languages ?? [])],
        is_primary: p.isPrimary ?? false,
      })),
    );
    for (const c of r.contacts) {
      const taskId = c.nextStep
        ? await createCompanyTask(ctx, exec, {
            officeId: input.officeId,
            companyId: id,
            title: c.nextStep.title,
            dueOn: c.nextStep.dueOn,
            ownerId: r.fields.ownerUserId ?? c.counsellorId,
          })
        : null;
      await insertContacts(exec, [
        {
          company_id: id,
          office_id: input.officeId,
          contacted_on: c.contactedOn,
          channel: c.channel,
          contact_person_id: c.person !== undefined ? (personIds[c.person] ?? null) : null,
          result: c.result,
          next_step: c.nextStep?.title ?? null,
          task_id: taskId,
          counsellor_id: c.counsellorId,
        },
      ]);
    }
    await insertAdviceItems(
      exec,
      r.advice.map((a) => ({
        company_id: id,
        office_id: input.officeId,
        item: a.item,
        state: a.state,
        state_on: a.on,
        note: a.note ?? null,
        updated_by: r.fields.ownerUserId ?? null,
      })),
    );
    await audit(ctx, exec, {
      action: 'create',
      entityType: 'company',
      entityId: id,
      officeId: input.officeId,
      details: { seeded: true, stage: last.to },
    });
    ids.push(id);
  }
  return ids;
}
