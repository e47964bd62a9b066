import type { TImportMapping, TImportTarget } from '../../../contracts/imports';
import { ZCompanyImportField, ZPlaceImportField } from '../../../contracts/imports';
import { AppError } from '../../platform/errors';
import { labelKey } from './imports.labels';

/**
 * Target fields of the imports with the header names (German and English) that suggest them. A
 * header matches when its key (`labelKey`: case, umlauts, punctuation ignored) equals a synonym's
 * key; "PLZ (Betrieb)" matches `companyPostcode` before `postcode` because longer synonyms win.
 */
export interface FieldDef {
  field: string;
  required: boolean;
  synonyms: readonly string[];
}

const COMPANY_FIELDS: readonly FieldDef[] = [
  {
    field: 'name',
    required: true,
    synonyms: [
      'Firmenname',
      'Firma',
      'Betrieb',
      'Betriebsname',
      'Unternehmen',
      'Unternehmensname',
      'Name',
      'Arbeitgeber',
      'Ausbildungsbetrieb',
      'Company',
      'Company name',
      'Employer',
    ],
  },
  { field: 'legalForm', required: false, synonyms: ['Rechtsform', 'Gesellschaftsform', 'Legal form'] },
  {
    field: 'sector',
    required: false,
    synonyms: ['Branche', 'Wirtschaftszweig', 'WZ', 'WZ 2008', 'Branche (WZ)', 'Sector', 'Industry'],
  },
  {
    field: 'employees',
    required: false,
    synonyms: [
      'Mitarbeitende',
      'Mitarbeiter',
      'Beschäftigte',
      'Anzahl Mitarbeiter',
      'Anzahl Beschäftigte',
      'Betriebsgröße',
      'Employees',
      'Staff',
    ],
  },
  {
    field: 'street',
    required: false,
    synonyms: [
      'Straße',
      'Strasse',
      'Str',
      'Straße und Hausnummer',
      'Adresse',
      'Anschrift',
      'Street',
      'Address',
    ],
  },
  {
    field: 'postcode',
    required: false,
    synonyms: ['PLZ', 'Postleitzahl', 'Postcode', 'Zip', 'Zip code', 'Postal code'],
  },
  { field: 'place', required: false, synonyms: ['Ort', 'Stadt', 'Gemeinde', 'Place', 'City', 'Town'] },
  {
    field: 'phone',
    required: false,
    synonyms: ['Telefon', 'Tel', 'Telefonnummer', 'Rufnummer', 'Phone', 'Telephone'],
  },
  {
    field: 'email',
    required: false,
    synonyms: ['E-Mail', 'Email', 'Mail', 'E-Mail-Adresse', 'Email address'],
  },
  {
    field: 'website',
    required: false,
    synonyms: ['Website', 'Webseite', 'Homepage', 'Internet', 'Internetseite', 'URL', 'Web'],
  },
  {
    field: 'chamber',
    required: false,
    synonyms: ['Kammer', 'Zuständige Kammer', 'Zuständige Stelle', 'Chamber'],
  },
  {
    field: 'ownerMigrationBackground',
    required: false,
    synonyms: [
      'Migrationshintergrund',
      'Migrationshintergrund Inhaber',
      'Migrationshintergrund Inhaber/in',
      'Inhaber mit Migrationshintergrund',
      'Migrant business',
      'Owner migration background',
    ],
  },
  {
    field: 'ownerLanguages',
    required: false,
    synonyms: [
      'Sprachen',
      'Sprachen Inhaber',
      'Sprachen Inhaber/in',
      'Sprachen der Inhaberin',
      'Languages',
      'Owner languages',
    ],
  },
  {
    field: 'authorisedToTrain',
    required: false,
    synonyms: [
      'Ausbildungsberechtigung',
      'Ausbildungsberechtigt',
      'Ausbildungsbefugnis',
      'Authorised to train',
    ],
  },
  {
    field: 'qualifiedTrainer',
    required: false,
    synonyms: [
      'Ausbilder',
      'Ausbilderin',
      'Ausbilder/in',
      'Ausbilder/in (AEVO)',
      'AEVO',
      'Ausbildereignung',
      'Qualified trainer',
    ],
  },
  {
    field: 'trainingHistory',
    required: false,
    synonyms: ['Ausbildungserfahrung', 'Ausbildungshistorie', 'Bisher ausgebildet', 'Training history'],
  },
  { field: 'stage', required: false, synonyms: ['Phase', 'Stufe', 'Akquisephase', 'Stand', 'Stage'] },
  {
    field: 'acquisitionChannel',
    required: false,
    synonyms: ['Akquise', 'Zugang', 'Akquiseweg', 'Kontaktweg', 'Acquisition channel'],
  },
  { field: 'tags', required: false, synonyms: ['Schlagworte', 'Schlagwörter', 'Stichworte', 'Tags'] },
  {
    field: 'notes',
    required: false,
    synonyms: [
      'Notizen',
      'Notiz',
      'Bemerkung',
      'Bemerkungen',
      'Anmerkungen',
      'Kommentar',
      'Notes',
      'Comments',
    ],
  },
];

const PLACE_FIELDS: readonly FieldDef[] = [
  {
    field: 'companyName',
    required: true,
    synonyms: [
      'Firmenname',
      'Firma',
      'Betrieb',
      'Betriebsname',
      'Unternehmen',
      'Unternehmensname',
      'Arbeitgeber',
      'Ausbildungsbetrieb',
      'Company',
      'Company name',
      'Employer',
    ],
  },
  {
    field: 'companyPostcode',
    required: false,
    synonyms: ['PLZ Betrieb', 'PLZ (Betrieb)', 'Betriebs-PLZ', 'Firmen-PLZ', 'PLZ Firma', 'Company postcode'],
  },
  {
    field: 'kind',
    required: false,
    synonyms: ['Art', 'Platzart', 'Angebotsart', 'Art des Platzes', 'Kind', 'Type', 'Typ'],
  },
  {
    field: 'occupation',
    required: false,
    synonyms: ['Beruf', 'Ausbildungsberuf', 'Berufsbezeichnung', 'Beruf/EQ-Feld', 'Occupation', 'Profession'],
  },
  {
    field: 'title',
    required: false,
    synonyms: ['Titel', 'Stellentitel', 'Stellenbezeichnung', 'Bezeichnung', 'Title', 'Job title'],
  },
  {
    field: 'description',
    required: false,
    synonyms: ['Beschreibung', 'Stellenbeschreibung', 'Details', 'Description'],
  },
  {
    field: 'seats',
    required: false,
    synonyms: [
      'Plätze',
      'Anzahl',
      'Anzahl Plätze',
      'Anzahl Stellen',
      'Stellen',
      'Freie Plätze',
      'Seats',
      'Places',
      'Openings',
    ],
  },
  {
    field: 'startsOn',
    required: false,
    synonyms: [
      'Beginn',
      'Ausbildungsbeginn',
      'Eintrittsdatum',
      'Eintritt',
      'Startdatum',
      'Start',
      'Start date',
      'Starts on',
    ],
  },
  {
    field: 'durationMonths',
    required: false,
    synonyms: [
      'Dauer',
      'Dauer (Monate)',
      'Dauer in Monaten',
      'Ausbildungsdauer',
      'Laufzeit',
      'Duration',
      'Duration (months)',
      'Months',
    ],
  },
  {
    field: 'postcode',
    required: false,
    synonyms: ['PLZ', 'Postleitzahl', 'PLZ Arbeitsort', 'Postcode', 'Zip', 'Zip code', 'Postal code'],
  },
  {
    field: 'place',
    required: false,
    synonyms: [
      'Ort',
      'Stadt',
      'Arbeitsort',
      'Ausbildungsort',
      'Einsatzort',
      'Place',
      'City',
      'Town',
      'Location',
    ],
  },
  {
    field: 'street',
    required: false,
    synonyms: ['Straße', 'Strasse', 'Str', 'Adresse', 'Anschrift', 'Street', 'Address'],
  },
  {
    field: 'minSchoolQualification',
    required: false,
    synonyms: [
      'Schulabschluss',
      'Mindestschulabschluss',
      'Abschluss',
      'Schulbildung',
      'School qualification',
    ],
  },
  {
    field: 'minGermanLevel',
    required: false,
    synonyms: [
      'Deutschniveau',
      'Deutschkenntnisse',
      'Sprachniveau',
      'Sprachniveau Deutsch',
      'German level',
      'German',
    ],
  },
  {
    field: 'drivingLicenceRequired',
    required: false,
    synonyms: [
      'Führerschein',
      'Fuehrerschein',
      'Führerschein erforderlich',
      'FS',
      'Driving licence',
      'Driving license',
      "Driver's license",
    ],
  },
  {
    field: 'languageSupport',
    required: false,
    synonyms: ['Sprachförderung', 'Sprachunterstützung', 'Sprachförderung möglich', 'Language support'],
  },
  { field: 'status', required: false, synonyms: ['Status', 'Zustand', 'Stand'] },
  {
    field: 'published',
    required: false,
    synonyms: ['Veröffentlicht', 'Öffentlich', 'Veröffentlichen', 'Published', 'Public'],
  },
  {
    field: 'externalRef',
    required: false,
    synonyms: [
      'Referenznummer',
      'Ref.-Nr.',
      'Refnr',
      'Stellennummer',
      'Externe ID',
      'Externe Referenz',
      'Reference',
      'External reference',
    ],
  },
];

/** The fields of a target, in display order. */
export function fieldsOf(target: TImportTarget): readonly FieldDef[] {
  return target === 'companies' ? COMPANY_FIELDS : PLACE_FIELDS;
}

/**
 * Suggested mapping for the headers of a file: each field gets the first header (left to right)
 * whose key equals one of its synonyms; a header serves one field, longer synonyms first ("PLZ
 * Betrieb" before "PLZ").
 */
export function suggestMapping(target: TImportTarget, headers: readonly string[]): TImportMapping {
  const candidates: Array<{ field: string; key: string }> = [];
  for (const f of fieldsOf(target))
    for (const s of f.synonyms) candidates.push({ field: f.field, key: labelKey(s) });
  candidates.sort((a, b) => b.key.length - a.key.length);
  const keys = headers.map(labelKey);
  const mapping: TImportMapping = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field]) continue;
    const i = keys.findIndex((k, idx) => k === c.key && !used.has(idx));
    if (i >= 0) {
      mapping[c.field] = headers[i] as string;
      used.add(i);
    }
  }
  // Keep the display order of the fields.
  return Object.fromEntries(
    fieldsOf(target)
      .filter((f) => mapping[f.field])
      .map((f) => [f.field, mapping[f.field] as string]),
  );
}

/**
 * Checks a mapping against the file: known fields of the target, headers that exist, every required
 * field mapped. Returns field → column index.
 * @throws AppError `import_mapping` (400) with one field error per problem (`body.mapping.<field>`,
 *   codes `unknown_field`, `unknown_column`, `required`)
 */
export function resolveMapping(
  target: TImportTarget,
  headers: readonly string[],
  mapping: TImportMapping,
): Map<string, number> {
  const known = new Set<string>(
    (target === 'companies' ? ZCompanyImportField : ZPlaceImportField).options as readonly string[],
  );
  const problems: Array<{ field: string; code: string }> = [];
  const columns = new Map<string, number>();
  for (const [field, header] of Object.entries(mapping)) {
    if (!known.has(field)) {
      problems.push({ field: `body.mapping.${field}`, code: 'unknown_field' });
      continue;
    }
    if (header === '') continue;
    const i = headers.indexOf(header);
    if (i < 0) problems.push({ field: `body.mapping.${field}`, code: 'unknown_column' });
    else columns.set(field, i);
  }
  for (const f of fieldsOf(target)) {
    if (f.required && !columns.has(f.field) && !problems.some((p) => p.field === `body.mapping.${f.field}`)) {
      problems.push({ field: `body.mapping.${f.field}`, code: 'required' });
    }
  }
  if (problems.length) {
    throw new AppError(
      'import_mapping',
      problems.map((p) => ({ ...p, messageKey: 'import_mapping' as const })),
    );
  }
  return columns;
}
