import type { z } from 'zod';
import type { TCefrLevel, ZSchoolQualification } from '../../../contracts/clients';
import type {
  TAcquisitionChannel,
  TChamber,
  TCompanyStage,
  TPlaceKind,
  TPlaceStatus,
  TSector,
  TTrainingHistory,
  TYesNoInProgress,
} from '../../../contracts/companies.enums';

/**
 * German labels of the code lists, as written into exports and read back by imports, with the other
 * spellings an import accepts (German and English; matched case-, accent- and punctuation-blind, see
 * `labelKey`). The first label is the one exports write. Sources: DOMAIN.md, BBiG §§ 71–75 (competent
 * bodies), WZ 2008 (Destatis) section titles, KMK names of school qualifications.
 */
type Labels<T extends string> = Record<T, readonly [string, ...string[]]>;
type TSchoolQualification = z.infer<typeof ZSchoolQualification>;

/** Key for label matching: lower case, umlauts as ae/oe/ue folded to a/o/u, ß = ss, only letters and digits. */
export function labelKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const PLACE_KIND_LABELS: Labels<TPlaceKind> = {
  apprenticeship: [
    'Ausbildung',
    'Ausbildungsplatz',
    'Ausbildungsstelle',
    'Berufsausbildung',
    'duale Ausbildung',
    'Ausbildung / Duales Studium',
    'Lehrstelle',
    'Lehre',
    'apprenticeship',
  ],
  internship: ['Praktikum', 'Praktikumsplatz', 'Betriebspraktikum', 'Praktikum / Trainee', 'internship'],
  entry_qualification: [
    'Einstiegsqualifizierung',
    'EQ',
    'Einstiegsqualifizierung (EQ)',
    'entry qualification',
    'entry_qualification',
  ],
  taster_day: [
    'Schnuppertag',
    'Berufsfelderkundung',
    'Probetag',
    'Probearbeitstag',
    'taster day',
    'taster_day',
  ],
};

export const PLACE_STATUS_LABELS: Labels<TPlaceStatus> = {
  open: ['offen', 'frei', 'zu besetzen', 'verfügbar', 'open'],
  filled: ['besetzt', 'vergeben', 'filled'],
  withdrawn: ['zurückgezogen', 'gestrichen', 'entfällt', 'storniert', 'withdrawn'],
};

export const CHAMBER_LABELS: Labels<TChamber> = {
  ihk: ['IHK', 'IHK (Industrie- und Handelskammer)', 'Industrie- und Handelskammer', 'chamber of commerce'],
  hwk: ['HWK', 'HWK (Handwerkskammer)', 'Handwerkskammer', 'chamber of crafts'],
  lwk: ['Landwirtschaftskammer', 'LWK'],
  rak: ['Rechtsanwaltskammer', 'RAK'],
  aek: ['Ärztekammer', 'ÄK'],
  zak: ['Zahnärztekammer', 'ZÄK'],
  tak: ['Tierärztekammer', 'TÄK'],
  apk: ['Apothekerkammer', 'APK'],
  stbk: ['Steuerberaterkammer', 'StBK'],
  public_service: ['Öffentlicher Dienst', 'ÖD', 'OED', 'public service', 'public_service'],
  other: ['Andere zuständige Stelle', 'sonstige', 'sonstiges', 'andere', 'other'],
};

export const SECTOR_LABELS: Labels<TSector> = {
  A: ['Land- und Forstwirtschaft, Fischerei', 'Landwirtschaft'],
  B: ['Bergbau und Gewinnung von Steinen und Erden', 'Bergbau'],
  C: ['Verarbeitendes Gewerbe', 'Industrie', 'Produktion'],
  D: ['Energieversorgung'],
  E: ['Wasserversorgung; Abwasser- und Abfallentsorgung', 'Entsorgung'],
  F: ['Baugewerbe', 'Bau'],
  G: ['Handel; Instandhaltung und Reparatur von Kraftfahrzeugen', 'Handel', 'Einzelhandel', 'Großhandel'],
  H: ['Verkehr und Lagerei', 'Logistik'],
  I: ['Gastgewerbe', 'Gastronomie', 'Hotellerie'],
  J: ['Information und Kommunikation', 'IT'],
  K: ['Finanz- und Versicherungsdienstleistungen', 'Banken', 'Versicherungen'],
  L: ['Grundstücks- und Wohnungswesen', 'Immobilien'],
  M: ['Freiberufliche, wissenschaftliche und technische Dienstleistungen', 'Freie Berufe'],
  N: ['Sonstige wirtschaftliche Dienstleistungen'],
  O: ['Öffentliche Verwaltung, Verteidigung; Sozialversicherung', 'Öffentliche Verwaltung'],
  P: ['Erziehung und Unterricht', 'Bildung'],
  Q: ['Gesundheits- und Sozialwesen', 'Gesundheitswesen', 'Sozialwesen'],
  R: ['Kunst, Unterhaltung und Erholung'],
  S: ['Sonstige Dienstleistungen'],
  T: ['Private Haushalte'],
  U: ['Exterritoriale Organisationen und Körperschaften'],
};

export const YES_NO_IN_PROGRESS_LABELS: Labels<TYesNoInProgress> = {
  yes: ['ja', 'yes', 'j', 'x', '1', 'vorhanden'],
  no: ['nein', 'no', 'n', '0', 'nicht vorhanden'],
  in_progress: [
    'in Vorbereitung',
    'beantragt',
    'in Bearbeitung',
    'in Arbeit',
    'geplant',
    'in progress',
    'in_progress',
  ],
};

export const TRAINING_HISTORY_LABELS: Labels<TTrainingHistory> = {
  never: ['hat noch nie ausgebildet', 'noch nie', 'nie', 'erstmals', 'Erstausbildungsbetrieb', 'never'],
  not_recently: [
    'hat länger nicht ausgebildet',
    'länger nicht ausgebildet',
    'lange nicht',
    'länger nicht',
    'nicht mehr',
    'früher',
    'not recently',
    'not_recently',
  ],
  training_now: ['bildet derzeit aus', 'bildet aus', 'aktuell', 'training now', 'training_now'],
};

export const COMPANY_STAGE_LABELS: Labels<TCompanyStage> = {
  identified: ['Identifiziert', 'erkannt', 'neu', 'identified'],
  contacted: ['Kontaktiert', 'angesprochen', 'contacted'],
  advised: ['Beraten', 'in Beratung', 'advised'],
  ready_to_train: ['Ausbildungsbereit', 'bereit', 'ready to train', 'ready_to_train'],
  offering: ['bietet Plätze an', 'bietet an', 'Angebot', 'offering'],
  training: ['Bildet aus', 'Ausbildung läuft', 'training'],
  declined: ['Abgesagt', 'abgelehnt', 'kein Interesse', 'Absage', 'declined'],
  inactive: ['Ruht', 'inaktiv', 'ruhend', 'inactive'],
};

export const ACQUISITION_CHANNEL_LABELS: Labels<TAcquisitionChannel> = {
  cold_call: ['Kaltakquise', 'Telefonakquise', 'Anruf', 'cold call', 'cold_call'],
  outreach_visit: [
    'Aufsuchende Beratung',
    'Betriebsbesuch',
    'Besuch',
    'vor Ort',
    'outreach visit',
    'outreach_visit',
  ],
  referral: ['Persönliche Empfehlung', 'Empfehlung', 'empfohlen', 'referral'],
};

export const SCHOOL_QUALIFICATION_LABELS: Labels<TSchoolQualification> = {
  none: ['kein Abschluss', 'keiner', 'kein', 'keine', 'ohne', 'ohne Abschluss', 'none'],
  esa: [
    'Erster Schulabschluss',
    'Erster Schulabschluss (ESA, Hauptschulabschluss)',
    'ESA',
    'Hauptschulabschluss',
    'Hauptschule',
    'Berufsbildungsreife',
    'erster allgemeinbildender Schulabschluss',
  ],
  msa: [
    'Mittlerer Schulabschluss',
    'Mittlerer Schulabschluss (MSA)',
    'MSA',
    'Realschulabschluss',
    'Realschule',
    'mittlere Reife',
    'Fachoberschulreife',
    'Sekundarabschluss I',
  ],
  fachhochschulreife: ['Fachhochschulreife', 'FHR', 'Fachabitur'],
  abitur: [
    'Abitur',
    'Abitur (allgemeine Hochschulreife)',
    'allgemeine Hochschulreife',
    'Hochschulreife',
    'AHR',
  ],
};

export const CEFR_LEVELS: readonly TCefrLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

/** Languages by German (and English) name → ISO 639 code; the first German name is what exports write. */
export const LANGUAGE_NAMES: Record<string, readonly string[]> = {
  de: ['Deutsch', 'German'],
  en: ['Englisch', 'English'],
  tr: ['Türkisch', 'Turkish'],
  ar: ['Arabisch', 'Arabic'],
  fa: ['Persisch', 'Farsi', 'Persian'],
  prs: ['Dari'],
  ps: ['Paschtu', 'Paschto', 'Pashto'],
  ku: ['Kurdisch', 'Kurdish'],
  kmr: ['Kurmandschi', 'Kurmanci', 'Kurmanji'],
  ckb: ['Sorani'],
  ru: ['Russisch', 'Russian'],
  uk: ['Ukrainisch', 'Ukrainian'],
  pl: ['Polnisch', 'Polish'],
  ro: ['Rumänisch', 'Romanian'],
  bg: ['Bulgarisch', 'Bulgarian'],
  sr: ['Serbisch', 'Serbian'],
  hr: ['Kroatisch', 'Croatian'],
  bs: ['Bosnisch', 'Bosnian'],
  sq: ['Albanisch', 'Albanian'],
  mk: ['Mazedonisch', 'Macedonian'],
  el: ['Griechisch', 'Greek'],
  it: ['Italienisch', 'Italian'],
  es: ['Spanisch', 'Spanish'],
  pt: ['Portugiesisch', 'Portuguese'],
  fr: ['Französisch', 'French'],
  nl: ['Niederländisch', 'Dutch'],
  hu: ['Ungarisch', 'Hungarian'],
  cs: ['Tschechisch', 'Czech'],
  vi: ['Vietnamesisch', 'Vietnamese'],
  zh: ['Chinesisch', 'Chinese'],
  ti: ['Tigrinya', 'Tigrinisch'],
  am: ['Amharisch', 'Amharic'],
  so: ['Somali'],
  ur: ['Urdu'],
  hi: ['Hindi'],
  bn: ['Bengalisch', 'Bengali'],
  pa: ['Punjabi', 'Pandschabi'],
  ta: ['Tamil', 'Tamilisch'],
  hy: ['Armenisch', 'Armenian'],
  ka: ['Georgisch', 'Georgian'],
  az: ['Aserbaidschanisch', 'Azerbaijani'],
  he: ['Hebräisch', 'Hebrew'],
  uz: ['Usbekisch', 'Uzbek'],
  sw: ['Swahili', 'Suaheli'],
  tl: ['Tagalog'],
};

/** Reverse index: label key → code, for one label table. */
export function labelIndex<T extends string>(labels: Labels<T>): Map<string, T> {
  const index = new Map<string, T>();
  for (const [code, names] of Object.entries(labels) as Array<[T, readonly string[]]>) {
    index.set(labelKey(code), code);
    for (const n of names) if (!index.has(labelKey(n))) index.set(labelKey(n), code);
  }
  return index;
}

/** The export label of a code (first German label), or '' for null. */
export function labelOf<T extends string>(labels: Labels<T>, code: T | null): string {
  return code === null ? '' : labels[code][0];
}
