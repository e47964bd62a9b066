import type { TChamber } from '../../../contracts/reference';
import { audit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import type { Executor } from '../../platform/db/database';
import { caseScope } from './case-access';
import { lockCase, selectOpenCaseOfClient } from './cases.repository';
import * as repo from './contracts.repository';

/**
 * A company's chamber (companies' finer list) as a training contract's competent body (`ZChamber`): the
 * chambers of the liberal professions (lawyers, doctors, dentists, vets, pharmacists, tax advisers — BBiG
 * § 71 (4)–(6)) are `FB`, the public service `OED`; null for none or an unknown code.
 */
export function contractChamberOf(companyChamber: string | null): TChamber | null {
  if (!companyChamber) return null;
  const map: Record<string, TChamber> = {
    ihk: 'IHK',
    hwk: 'HWK',
    lwk: 'LWK',
    rak: 'FB',
    aek: 'FB',
    zak: 'FB',
    tak: 'FB',
    apk: 'FB',
    stbk: 'FB',
    public_service: 'OED',
    other: 'OTHER',
  };
  return map[companyChamber] ?? null;
}

/** What a placement's contract knows of the training contract (from its place and company). */
export interface PlacementContractInput {
  clientId: string;
  placementId: string;
  companyName: string;
  /** Five digits, or null. */
  companyPostcode: string | null;
  occupationId: string | null;
  /** Start of the training, `YYYY-MM-DD`, or null when the place has none. */
  startsOn: string | null;
  /** The company's chamber as the companies module stores it (`ihk`, `hwk`, …), or null when not recorded. */
  chamber: string | null;
  /** The contract day, `YYYY-MM-DD` (never in the future: the placement's rules see to it). */
  signedOn: string;
  /** The placement's trial phase before the contract, if it had one. */
  precededBy: 'internship' | 'entry_qualification' | null;
}

/**
 * Records a placement's contract as the training contract (Ausbildungsvertrag, BBiG § 10) of the client's
 * open case, in the caller's transaction `trx`: company, occupation, start and chamber from the place and
 * its company, signed on the contract day, preceded by the placement's internship or EQ. Audited like a
 * contract recorded on the case (`training_contract` create, with the placement id). Left alone — returns
 * null — when the client has no open case, the case already has a running contract, or the place lacks
 * its occupation or start or the company its chamber: the case history's note ("Ausbildungsvertrag laut
 * Vermittlung: …") then stands for it until the counsellor records the contract.
 * @returns the new contract's id, or null
 * @throws `forbidden` (roles that may not record contracts)
 */
export async function recordContractOfPlacement(
  ctx: RequestContext,
  trx: Executor,
  input: PlacementContractInput,
): Promise<string | null> {
  const actor = requireAccess(ctx, 'create', 'case');
  const chamber = contractChamberOf(input.chamber);
  if (!input.occupationId || !input.startsOn || !chamber) return null;
  const scope = caseScope(actor);
  const open = await selectOpenCaseOfClient(trx, scope, input.clientId);
  if (!open) return null;
  const kase = await lockCase(trx, scope, open.id);
  if (!kase) return null;
  const current = await repo.selectCurrentContract(trx, scope, kase.id);
  if (current && current.terminated_on === null) return null;
  const id = await repo.insertContract(trx, {
    case_id: kase.id,
    office_id: kase.office_id,
    company_name: input.companyName,
    company_postcode: input.companyPostcode,
    occupation_id: input.occupationId,
    starts_on: input.startsOn,
    chamber,
    signed_on: input.signedOn,
    preceded_by: input.precededBy ?? 'none',
  });
  await audit(ctx, trx, {
    action: 'create',
    entityType: 'training_contract',
    entityId: id,
    officeId: kase.office_id,
    details: {
      caseId: kase.id,
      occupationId: input.occupationId,
      placementId: input.placementId,
      automatic: true,
    },
  });
  return id;
}
