import {
  type TAdviceItem,
  type TCompany,
  type TCompanyContact,
  type TCompanyFields,
  type TCompanyStageChange,
  type TCompanySummary,
  type TContactPerson,
  ZAdviceItemKey,
} from '../../../contracts/companies';
import type { AdviceRow } from './advice.repository';
import type { CompanyRow, CompanySummaryRow, CompanyWrite } from './companies.repository';
import type { ContactRow } from './contacts.repository';
import type { PersonRow } from './persons.repository';
import type { selectStageChanges } from './stages.repository';

/** Maps a company row to `ZCompany`. */
export function toCompany(r: CompanyRow): TCompany {
  return {
    id: r.id,
    officeId: r.office_id,
    name: r.name,
    legalForm: r.legal_form,
    sector: r.sector as TCompany['sector'],
    employees: r.employees,
    street: r.street,
    postcode: r.postcode,
    place: r.place,
    phone: r.phone,
    email: r.email,
    website: r.website,
    chamber: r.chamber as TCompany['chamber'],
    ownerMigrationBackground: r.owner_migration_background,
    ownerLanguages: r.owner_languages,
    authorisedToTrain: r.authorised_to_train as TCompany['authorisedToTrain'],
    qualifiedTrainer: r.qualified_trainer as TCompany['qualifiedTrainer'],
    trainingHistory: r.training_history as TCompany['trainingHistory'],
    stage: r.stage as TCompany['stage'],
    stageChangedOn: r.stage_changed_on,
    acquisitionChannel: r.acquisition_channel as TCompany['acquisitionChannel'],
    acquisitionReferredBy: r.acquisition_referred_by,
    acquisitionOn: r.acquisition_on,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name,
    tags: r.tags,
    notes: r.notes,
    mergedIntoId: r.merged_into_id,
    version: r.version,
  };
}

/** Maps a summary row to `ZCompanySummary`. */
export function toSummary(r: CompanySummaryRow): TCompanySummary {
  return {
    id: r.id,
    name: r.name,
    postcode: r.postcode,
    place: r.place,
    stage: r.stage as TCompanySummary['stage'],
    stageChangedOn: r.stage_changed_on,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name,
    trainingHistory: r.training_history as TCompanySummary['trainingHistory'],
    acquisitionChannel: r.acquisition_channel as TCompanySummary['acquisitionChannel'],
    tags: r.tags,
    primaryContactName: r.primary_contact_name,
    lastContactOn: r.last_contact_on,
    openTasks: Number(r.open_tasks),
    nextDueOn: r.next_due_on,
    version: r.version,
  };
}

/** The editable fields of a company, from its row (for merges and change detection). */
export function fieldsOf(r: CompanyRow): Required<Omit<TCompanyFields, 'name'>> & { name: string } {
  const c = toCompany(r);
  return {
    name: c.name,
    legalForm: c.legalForm,
    sector: c.sector,
    employees: c.employees,
    street: c.street,
    postcode: c.postcode,
    place: c.place,
    phone: c.phone,
    email: c.email,
    website: c.website,
    chamber: c.chamber,
    ownerMigrationBackground: c.ownerMigrationBackground,
    ownerLanguages: c.ownerLanguages,
    authorisedToTrain: c.authorisedToTrain,
    qualifiedTrainer: c.qualifiedTrainer,
    trainingHistory: c.trainingHistory,
    acquisitionChannel: c.acquisitionChannel,
    acquisitionReferredBy: c.acquisitionReferredBy,
    acquisitionOn: c.acquisitionOn,
    ownerUserId: c.ownerUserId,
    tags: c.tags,
    notes: c.notes,
  };
}

/** Column of each editable field. */
export const FIELD_COLUMNS: Record<keyof TCompanyFields, keyof CompanyWrite> = {
  name: 'name',
  legalForm: 'legal_form',
  sector: 'sector',
  employees: 'employees',
  street: 'street',
  postcode: 'postcode',
  place: 'place',
  phone: 'phone',
  email: 'email',
  website: 'website',
  chamber: 'chamber',
  ownerMigrationBackground: 'owner_migration_background',
  ownerLanguages: 'owner_languages',
  authorisedToTrain: 'authorised_to_train',
  qualifiedTrainer: 'qualified_trainer',
  trainingHistory: 'training_history',
  acquisitionChannel: 'acquisition_channel',
  acquisitionReferredBy: 'acquisition_referred_by',
  acquisitionOn: 'acquisition_on',
  ownerUserId: 'owner_user_id',
  tags: 'tags',
  notes: 'notes',
};

/** Column values of the given fields (undefined ones skipped; lists de-duplicated). */
export function toColumns(input: Partial<TCompanyFields>): CompanyWrite {
  const out: Record<string, unknown> = {};
  for (const f of Object.keys(input) as (keyof TCompanyFields)[]) {
    const v = input[f];
    if (v === undefined || !(f in FIELD_COLUMNS)) continue;
    out[FIELD_COLUMNS[f]] = Array.isArray(v) ? [...new Set(v)] : v;
  }
  return out as CompanyWrite;
}

/** True when a field holds a value (not null, not an empty list or text). */
export function hasValue(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'string') return v.trim().length > 0;
  return true;
}

/** Maps a contact person row to `ZContactPerson`. */
export function toPerson(r: PersonRow): TContactPerson {
  return {
    id: r.id,
    name: r.name,
    role: r.role as TContactPerson['role'],
    jobTitle: r.job_title,
    phone: r.phone,
    email: r.email,
    languages: r.languages,
    isPrimary: r.is_primary,
    version: r.version,
  };
}

/** Maps a history row to `ZCompanyStageChange`. */
export function toStageChange(
  r: Awaited<ReturnType<typeof selectStageChanges>>[number],
): TCompanyStageChange {
  return {
    fromStage: r.from_stage as TCompanyStageChange['fromStage'],
    toStage: r.to_stage as TCompanyStageChange['toStage'],
    changedOn: r.changed_on,
    reason: r.reason,
    changedByName: r.changed_by_name,
  };
}

/** Maps a contact row (with its task) to `ZCompanyContact`. */
export function toContact(r: ContactRow): TCompanyContact {
  return {
    id: r.id,
    contactedOn: r.contacted_on,
    channel: r.channel as TCompanyContact['channel'],
    contactPersonId: r.contact_person_id,
    contactPersonName: r.contact_person_name,
    result: r.result,
    nextStep: r.next_step,
    counsellorId: r.counsellor_id,
    counsellorName: r.counsellor_name,
    task:
      r.task_id && r.task_title !== null && r.task_version !== null
        ? {
            id: r.task_id,
            title: r.task_title,
            dueOn: r.task_due_on,
            ownerId: r.task_owner_id,
            ownerName: r.task_owner_name,
            done: r.task_done_at !== null,
            version: r.task_version,
          }
        : null,
  };
}

/** The whole checklist in its fixed order: saved items as saved, the others `open` with version 0. */
export function toAdviceList(rows: readonly AdviceRow[]): TAdviceItem[] {
  const byItem = new Map(rows.map((r) => [r.item, r]));
  return ZAdviceItemKey.options.map((item) => {
    const r = byItem.get(item);
    return r
      ? {
          item,
          state: r.state as TAdviceItem['state'],
          stateOn: r.state_on,
          note: r.note,
          updatedByName: r.updated_by_name,
          version: r.version,
        }
      : { item, state: 'open', stateOn: null, note: null, updatedByName: null, version: 0 };
  });
}
