import type { TCompanyStage } from '../../../contracts/companies.enums';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { Executor } from '../../platform/db/database';
import { companyScope } from './companies.access';
import * as repo from './companies.repository';
import { selectLastChangeOn } from './stages.repository';
import { writeStageChange } from './stages.service';

/** What an automatic company move did. Dates `YYYY-MM-DD`. */
export interface CompanyAdvance {
  companyId: string;
  from: string;
  to: TCompanyStage;
  /** The day the history row is dated. */
  on: string;
}

/**
 * Moves a company of the actor's office to stage `to` on behalf of another module's use case — a
 * placement that reaches `contract` (issue 6) moves the company to `training` — inside the caller's
 * transaction `trx`. Left alone (returns null): a company already in `to`, a merged company (its
 * places moved to the kept one), or one outside the actor's office. The history row is dated `on`, but
 * never before the company's last change, so the history stays in order; the audit entry carries
 * `automatic: true`. Which stages count as "earlier" is the caller's rule.
 * @throws `forbidden` (roles that may not update companies)
 */
export async function advanceCompanyStage(
  ctx: RequestContext,
  trx: Executor,
  opts: { companyId: string; to: TCompanyStage; on: string },
): Promise<CompanyAdvance | null> {
  const actor = requireAccess(ctx, 'update', 'company');
  const scope = companyScope(actor);
  if (!(await repo.lockCompany(trx, scope, opts.companyId))) return null;
  const company = await repo.selectCompany(trx, scope, opts.companyId);
  if (!company || company.merged_into_id || company.stage === opts.to) return null;
  const last = await selectLastChangeOn(trx, company.id);
  const on = last && last > opts.on ? last : opts.on;
  const ok = await writeStageChange(ctx, trx, {
    scope,
    company,
    to: opts.to,
    on,
    reason: null,
    version: null,
    automatic: true,
  });
  return ok ? { companyId: company.id, from: company.stage, to: opts.to, on } : null;
}
