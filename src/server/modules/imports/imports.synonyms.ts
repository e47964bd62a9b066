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

/** Company fields with their header synonyms (German and English). */
export const COMPANY_FIELDS: readonly FieldDef[] = [
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

/** Place fields with their header synonyms (German and English). */
export const PLACE_FIELDS: readonly FieldDef[] = [
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
