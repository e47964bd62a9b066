import type { z } from 'zod';
import type {
  TContactPerson,
  ZCreateContactPerson,
  ZUpdateContactPerson,
} from '../../../contracts/companies';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { conflict, notFound } from '../../platform/errors';
import { companyScope, lockWritableCompany } from './companies.access';
import { refreshSearchText } from './companies.detail';
import { toPerson } from './companies.view';
import * as repo from './persons.repository';

/**
 * Contact persons of a company (Ansprechpersonen im Betrieb): personal data of the company's office.
 * Every change is audited (field names only, never values); the company's search text follows the
 * names.
 */

/**
 * Adds a contact person to a company of the actor's office. `isPrimary` makes them the primary
 * contact and clears the flag of the others.
 * @throws `forbidden`, `not_found`, `conflict` (a merged company)
 */
export async function addContactPerson(
  ctx: RequestContext,
  companyId: string,
  input: z.infer<typeof ZCreateContactPerson>,
): Promise<TContactPerson> {
  const actor = requireAccess(ctx, 'update', 'company');
  const scope = companyScope(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const company = await lockWritableCompany(trx, scope, companyId);
    if (input.isPrimary) await repo.clearPrimary(trx, scope, companyId, null);
    const [id] = await repo.insertPersons(trx, [
      {
        company_id: companyId,
        office_id: company.office_id,
        name: input.name,
        role: input.role,
        job_title: input.jobTitle ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        languages: [...new Set(input.languages ?? [])],
        is_primary: input.isPrimary ?? false,
      },
    ]);
    await refreshSearchText(trx, scope, companyId);
    await audit(ctx, trx, {
      action: 'create',
      entityType: 'company_contact_person',
      entityId: id ?? null,
      officeId: company.office_id,
      details: { companyId, fields: Object.keys(input) },
    });
    const row = await repo.selectPerson(trx, scope, companyId, id as string);
    return toPerson(row as repo.PersonRow);
  });
}

/**
 * Changes a contact person (optimistic on `version`); setting `isPrimary` clears the flag of the
 * company's other persons.
 * @throws `forbidden`, `not_found` (company or person), `conflict` (stale `version`, merged company)
 */
export async function updateContactPerson(
  ctx: RequestContext,
  companyId: string,
  personId: string,
  input: z.infer<typeof ZUpdateContactPerson>,
): Promise<TContactPerson> {
  const actor = requireAccess(ctx, 'update', 'company');
  const scope = companyScope(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const company = await lockWritableCompany(trx, scope, companyId);
    const before = await repo.selectPerson(trx, scope, companyId, personId);
    if (!before) throw notFound();
    if (before.version !== input.version) throw conflict();
    const { version, ...fields } = input;
    const patch = {
      ...(fields.name !== undefined && { name: fields.name }),
      ...(fields.role !== undefined && { role: fields.role }),
      ...(fields.jobTitle !== undefined && { job_title: fields.jobTitle }),
      ...(fields.phone !== undefined && { phone: fields.phone }),
      ...(fields.email !== undefined && { email: fields.email }),
      ...(fields.languages !== undefined && { languages: [...new Set(fields.languages)] }),
      ...(fields.isPrimary !== undefined && { is_primary: fields.isPrimary }),
    };
    if (Object.keys(patch).length > 0) {
      if (fields.isPrimary) await repo.clearPrimary(trx, scope, companyId, personId);
      if (!(await repo.updatePersonVersioned(trx, scope, personId, version, patch))) throw conflict();
      if (fields.name !== undefined) await refreshSearchText(trx, scope, companyId);
      await audit(ctx, trx, {
        action: 'update',
        entityType: 'company_contact_person',
        entityId: personId,
        officeId: company.office_id,
        details: {
          companyId,
          fields: Object.keys(fields).filter((f) => fields[f as keyof typeof fields] !== undefined),
        },
      });
    }
    const row = await repo.selectPerson(trx, scope, companyId, personId);
    return toPerson(row as repo.PersonRow);
  });
}

/**
 * Removes a contact person (optimistic on `version`); contacts and places that named them keep
 * their record without the person.
 * @throws `forbidden`, `not_found`, `conflict` (stale `version`, merged company)
 */
export async function removeContactPerson(
  ctx: RequestContext,
  companyId: string,
  personId: string,
  version: number,
): Promise<void> {
  const actor = requireAccess(ctx, 'update', 'company');
  const scope = companyScope(actor);
  await ctx.db.transaction().execute(async (trx) => {
    const company = await lockWritableCompany(trx, scope, companyId);
    const before = await repo.selectPerson(trx, scope, companyId, personId);
    if (!before) throw notFound();
    if (!(await repo.deletePerson(trx, scope, personId, version))) throw conflict();
    await refreshSearchText(trx, scope, companyId);
    await audit(ctx, trx, {
      action: 'delete',
      entityType: 'company_contact_person',
      entityId: personId,
      officeId: company.office_id,
      details: { companyId },
    });
  });
}
