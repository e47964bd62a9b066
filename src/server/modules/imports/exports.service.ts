import type { TCompany } from '../../../contracts/companies';
import type { TCompanyExportQuery, TExportFormat, TPlaceExportQuery } from '../../../contracts/imports';
import type { TPlace } from '../../../contracts/places';
import type { RequestContext } from '../../platform/auth/context';
import { requireAccess } from '../../platform/auth/policy';
import { type CellValue, writeCsv, writeXlsx, XLSX_MIME } from '../../platform/tabular/index';
import { listCompaniesForExport } from '../companies/index';
import { listPlacesForExport } from '../places/index';
import { todayInGermany } from './imports.jobs';
import {
  ACQUISITION_CHANNEL_LABELS,
  CHAMBER_LABELS,
  COMPANY_STAGE_LABELS,
  LANGUAGE_NAMES,
  labelOf,
  PLACE_KIND_LABELS,
  PLACE_STATUS_LABELS,
  SCHOOL_QUALIFICATION_LABELS,
  SECTOR_LABELS,
  TRAINING_HISTORY_LABELS,
  YES_NO_IN_PROGRESS_LABELS,
} from './imports.labels';

/** An export file ready to send. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** A calendar day (`YYYY-MM-DD`) as a UTC date cell, or null. */
const day = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00.000Z`) : null);
const yesNo = (b: boolean | null): string => (b === null ? '' : b ? 'ja' : 'nein');

/**
 * Columns of the company export: German headers the importer recognises, so an export can be
 * imported again (round trip); code lists as their German labels (see imports.labels.ts).
 */
const COMPANY_COLUMNS: Array<[string, (c: TCompany) => CellValue]> = [
  ['Firmenname', (c) => c.name],
  ['Rechtsform', (c) => c.legalForm],
  ['Branche (WZ)', (c) => (c.sector ? `${c.sector} – ${SECTOR_LABELS[c.sector][0]}` : null)],
  ['Mitarbeitende', (c) => c.employees],
  ['Straße', (c) => c.street],
  ['PLZ', (c) => c.postcode],
  ['Ort', (c) => c.place],
  ['Telefon', (c) => c.phone],
  ['E-Mail', (c) => c.email],
  ['Website', (c) => c.website],
  ['Kammer', (c) => labelOf(CHAMBER_LABELS, c.chamber)],
  ['Migrationshintergrund Inhaber/in', (c) => yesNo(c.ownerMigrationBackground)],
  ['Sprachen Inhaber/in', (c) => c.ownerLanguages.map((l) => LANGUAGE_NAMES[l]?.[0] ?? l).join(', ')],
  ['Ausbildungsberechtigung', (c) => labelOf(YES_NO_IN_PROGRESS_LABELS, c.authorisedToTrain)],
  ['Ausbilder/in (AEVO)', (c) => labelOf(YES_NO_IN_PROGRESS_LABELS, c.qualifiedTrainer)],
  ['Ausbildungserfahrung', (c) => labelOf(TRAINING_HISTORY_LABELS, c.trainingHistory)],
  ['Phase', (c) => labelOf(COMPANY_STAGE_LABELS, c.stage)],
  ['Phase seit', (c) => day(c.stageChangedOn)],
  ['Akquise', (c) => labelOf(ACQUISITION_CHANNEL_LABELS, c.acquisitionChannel)],
  ['Empfohlen von', (c) => c.acquisitionReferredBy],
  ['Ansprechperson KAUSA', (c) => c.ownerName],
  ['Schlagworte', (c) => c.tags.join(', ')],
  ['Notizen', (c) => c.notes],
];

/** Columns of the place export (German headers the importer recognises). */
const PLACE_COLUMNS: Array<[string, (p: TPlace) => CellValue]> = [
  ['Firmenname', (p) => p.companyName],
  ['Art', (p) => labelOf(PLACE_KIND_LABELS, p.kind)],
  ['Beruf', (p) => p.occupationName],
  ['Titel', (p) => p.title],
  ['Beschreibung', (p) => p.description],
  ['Plätze', (p) => p.seats],
  ['Beginn', (p) => day(p.startsOn)],
  ['Dauer (Monate)', (p) => p.durationMonths],
  ['PLZ', (p) => p.postcode],
  ['Ort', (p) => p.place],
  ['Straße', (p) => p.street],
  ['Schulabschluss', (p) => labelOf(SCHOOL_QUALIFICATION_LABELS, p.minSchoolQualification)],
  ['Deutschniveau', (p) => p.minGermanLevel],
  ['Führerschein', (p) => yesNo(p.drivingLicenceRequired)],
  ['Sprachförderung', (p) => yesNo(p.languageSupport)],
  ['Status', (p) => labelOf(PLACE_STATUS_LABELS, p.status)],
  ['Veröffentlicht', (p) => yesNo(p.published)],
  ['Referenznummer', (p) => p.externalRef],
  ['Ansprechperson', (p) => p.contactPersonName],
];

async function toFile<T>(
  name: string,
  sheet: string,
  format: TExportFormat,
  columns: Array<[string, (r: T) => CellValue]>,
  items: readonly T[],
): Promise<ExportFile> {
  const headers = columns.map(([h]) => h);
  const rows = items.map((it) => columns.map(([, get]) => get(it)));
  const fileName = `${name}-${todayInGermany()}.${format}`;
  return format === 'xlsx'
    ? { fileName, contentType: XLSX_MIME, body: await writeXlsx({ name: sheet, headers, rows }) }
    : { fileName, contentType: 'text/csv; charset=utf-8', body: writeCsv(headers, rows) };
}

/**
 * The office's companies matching the list filters as CSV (UTF-8 with BOM, `;`) or XLSX, German
 * headers. Access check and audit entry by the companies module (`listCompaniesForExport`).
 * @throws `forbidden`
 */
export async function exportCompanies(ctx: RequestContext, q: TCompanyExportQuery): Promise<ExportFile> {
  requireAccess(ctx, 'export', 'company');
  const { format, ...filter } = q;
  const items = await listCompaniesForExport(ctx, filter);
  return toFile('betriebe', 'Betriebe', format, COMPANY_COLUMNS, items);
}

/**
 * The office's training places matching the list filters as CSV or XLSX, German headers. Access
 * check and audit entry by the places module (`listPlacesForExport`). @throws `forbidden`
 */
export async function exportPlaces(ctx: RequestContext, q: TPlaceExportQuery): Promise<ExportFile> {
  requireAccess(ctx, 'export', 'place');
  const { format, ...filter } = q;
  const items = await listPlacesForExport(ctx, filter);
  return toFile('plaetze', 'Plätze', format, PLACE_COLUMNS, items);
}
