import type { RequestContext } from '../../platform/auth/context';
import { type CompanyRecordSeed, seedCompanyRecords } from '../companies/index';
import { hagenCompanies } from './demo.companies.hagen';

/**
 * Demo companies (issue 5): migrant-owned small firms of the service centres Düsseldorf and Hagen,
 * spread over the acquisition pipeline, with contact persons, logged contacts, follow-up tasks and
 * advice items. Fictitious firms and people at real postcodes; phone numbers and `.example` e-mail
 * addresses lead nowhere. Deterministic: no randomness, every date is a fixed number of days
 * before (or, for due dates, after) the day of seeding, so the demo never looks stale.
 */

/** `iso` plus `days` calendar days. */
function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Today in Germany (`YYYY-MM-DD`). */
export function todayInGermany(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}

/** Company fields every record sets; the rest default to "not recorded". */
const DEMO_COMPANY_BASE = {
  website: null,
  notes: null,
  acquisitionReferredBy: null,
} as const;

/** The Düsseldorf companies; `ago(n)` = n days before seeding. */
function dusseldorf(
  owner: string,
  ago: (n: number) => string,
  ahead: (n: number) => string,
): CompanyRecordSeed[] {
  return [
    {
      fields: {
        ...DEMO_COMPANY_BASE,
        name: 'Friseursalon Aydın',
        legalForm: 'e. K.',
        sector: 'S',
        employees: 4,
        street: 'Ellerstraße 112',
        postcode: '40227',
        place: 'Düsseldorf',
        phone: '0211 5550 1201',
        email: 'info@salon-aydin.example',
        chamber: 'hwk',
        ownerMigrationBackground: true,
        ownerLanguages: ['tr', 'de'],
        authorisedToTrain: 'yes',
        qualifiedTrainer: 'yes',
        trainingHistory: 'never',
        acquisitionChannel: 'outreach_visit',
        acquisitionOn: ago(120),
        ownerUserId: owner,
        tags: ['Handwerk', 'Erstausbildungsbetrieb'],
      },
      history: [
        { to: 'identified', on: ago(120) },
        { to: 'contacted', on: ago(118) },
        { to: 'advised', on: ago(90) },
        { to: 'ready_to_train', on: ago(40) },
        { to: 'offering', on: ago(12) },
      ],
      persons: [
        {
          name: 'Mehmet Aydın',
          role: 'owner',
          phone: '0211 5550 1201',
          languages: ['tr', 'de'],
          isPrimary: true,
        },
        { name: 'Elif Aydın', role: 'trainer', jobTitle: 'Friseurmeisterin', languages: ['tr', 'de'] },
      ],
      contacts: [
        {
          contactedOn: ago(118),
          channel: 'visit',
          person: 0,
          result: 'Besuch im Salon: Interesse an einer ersten Auszubildenden, Fragen zur Ausbildereignung.',
          counsellorId: owner,
        },
        {
          contactedOn: ago(90),
          channel: 'visit',
          person: 1,
          result:
            'Beratung zu Ausbildungsplan und Eintragung bei der Handwerkskammer; Meisterbrief liegt vor.',
          counsellorId: owner,
        },
        {
          contactedOn: ago(12),
          channel: 'phone',
          person: 0,
          result: 'Ausbildungsplatz Friseur/in ab August zugesagt; Bewerbungen bitte per E-Mail.',
          nextStep: { title: 'Zwei passende Bewerberinnen vorschlagen', dueOn: ahead(7) },
          counsellorId: owner,
        },
      ],
      advice: [
        { item: 'trainer_aptitude', state: 'done', on: ago(90), note: 'Meisterbrief (Friseurhandwerk)' },
        { item: 'workplace_suitability', state: 'done', on: ago(60) },
        { item: 'chamber_registration', state: 'done', on: ago(40) },
        { item: 'training_plan', state: 'in_progress', on: ago(20) },
        { item: 'funding_assisted_training', state: 'not_applicable', on: ago(40) },
      ],
    },
    {
      fields: {
        ...DEMO_COMPANY_BASE,
        name: 'Kfz-Werkstatt Haddad GmbH',
        legalForm: 'GmbH',
        sector: 'G',
        employees: 7,
        street: 'Erkrather Straße 230',
        postcode: '40231',
        place: 'Düsseldorf',
        phone: '0211 5550 1402',
        email: 'werkstatt@haddad-kfz.example',
        chamber: 'hwk',
        ownerMigrationBackground: true,
        ownerLanguages: ['ar', 'de', 'fr'],
        authorisedToTrain: 'in_progress',
        qualifiedTrainer: 'in_progress',
        trainingHistory: 'not_recently',
        acquisitionChannel: 'referral',
        acquisitionReferredBy: 'Mehmet Aydın (Friseursalon Aydın)',
        acquisitionOn: ago(70),
        ownerUserId: owner,
        tags: ['Handwerk', 'Kfz'],
      },
      history: [
        { to: 'identified', on: ago(70) },
        { to: 'contacted', on: ago(66) },
        { to: 'advised', on: ago(30) },
      ],
      persons: [
        { name: 'Karim Haddad', role: 'managing_director', languages: ['ar', 'de', 'fr'], isPrimary: true },
        {
          name: 'Rania Haddad',
          role: 'hr',
          jobTitle: 'Büroleitung',
          email: 'buero@haddad-kfz.example',
          languages: ['ar', 'de'],
        },
      ],
      contacts: [
        {
          contactedOn: ago(66),
          channel: 'phone',
          person: 0,
          result: 'Erstes Telefonat auf Empfehlung; Termin in der Werkstatt vereinbart.',
          counsellorId: owner,
        },
        {
          contactedOn: ago(30),
          channel: 'visit',
          person: 0,
          result: 'Ausbildereignung: ein Geselle meldet sich zum AEVO-Kurs der Handwerkskammer an.',
          nextStep: { title: 'Nachfragen, ob die AEVO-Anmeldung erfolgt ist', dueOn: ahead(3) },
          counsellorId: owner,
        },
      ],
      advice: [
        { item: 'trainer_aptitude', state: 'in_progress', on: ago(30), note: 'AEVO-Kurs ab nächstem Monat' },
        { item: 'workplace_suitability', state: 'done', on: ago(30) },
        {
          item: 'funding_assisted_training',
          state: 'in_progress',
          on: ago(30),
          note: 'Agentur für Arbeit informiert',
        },
      ],
    },
    {
      fields: {
        ...DEMO_COMPANY_BASE,
        name: 'Restaurant Anatolia',
        legalForm: 'GmbH',
        sector: 'I',
        employees: 12,
        street: 'Immermannstraße 21',
        postcode: '40210',
        place: 'Düsseldorf',
        phone: '0211 5550 1603',
        email: 'kontakt@anatolia-restaurant.example',
        chamber: 'ihk',
        ownerMigrationBackground: true,
        ownerLanguages: ['tr', 'ku', 'de'],
        authorisedToTrain: null,
        qualifiedTrainer: 'no',
        trainingHistory: 'never',
        acquisitionChannel: 'cold_call',
        acquisitionOn: ago(21),
        ownerUserId: owner,
        tags: ['Gastronomie'],
      },
      history: [
        { to: 'identified', on: ago(21) },
        { to: 'contacted', on: ago(14) },
      ],
      persons: [{ name: 'Hüseyin Kaya', role: 'owner', languages: ['tr', 'ku', 'de'], isPrimary: true }],
      contacts: [
        {
          contactedOn: ago(14),
          channel: 'phone',
          person: 0,
          result:
            'Grundsätzlich offen für eine Einstiegsqualifizierung in der Küche; möchte persönliches Gespräch.',
          nextStep: { title: 'Besuch im Restaurant Anatolia vereinbaren', dueOn: ahead(10) },
          counsellorId: owner,
        },
      ],
      advice: [],
    },
    {
      fields: {
        ...DEMO_COMPANY_BASE,
        name: 'Lebensmittel Yıldız',
        legalForm: null,
        sector: 'G',
        employees: 5,
        street: 'Birkenstraße 64',
        postcode: '40233',
        place: 'Düsseldorf',
        phone: '0211 5550 1804',
        email: null,
        chamber: 'ihk',
        ownerMigrationBackground: null,
        ownerLanguages: [],
        authorisedToTrain: null,
        qualifiedTrainer: null,
        trainingHistory: null,
        acquisitionChannel: 'outreach_visit',
        acquisitionOn: ago(5),
        ownerUserId: owner,
        tags: ['Einzelhandel'],
      },
      history: [{ to: 'identified', on: ago(5) }],
      persons: [{ name: 'Ayşe Yıldız', role: 'owner', isPrimary: true }],
      contacts: [],
      advice: [],
    },
    {
      fields: {
        ...DEMO_COMPANY_BASE,
        name: 'Ambulanter Pflegedienst Hoffnung GmbH',
        legalForm: 'GmbH',
        sector: 'Q',
        employees: 25,
        street: 'Münsterstraße 150',
        postcode: '40476',
        place: 'Düsseldorf',
        phone: '0211 5550 2005',
        email: 'verwaltung@pflegedienst-hoffnung.example',
        chamber: 'other',
        ownerMigrationBackground: true,
        ownerLanguages: ['uk', 'ru', 'de'],
        authorisedToTrain: 'yes',
        qualifiedTrainer: 'yes',
        trainingHistory: 'training_now',
        acquisitionChannel: 'referral',
        acquisitionReferredBy: 'Migrantenselbstorganisation „Brücke e. V.“',
        acquisitionOn: ago(400),
        ownerUserId: owner,
        tags: ['Pflege', 'Praxisanleitung'],
      },
      history: [
        { to: 'identified', on: ago(400) },
        { to: 'contacted', on: ago(395) },
        { to: 'advised', on: ago(370) },
        { to: 'ready_to_train', on: ago(340) },
        { to: 'offering', on: ago(300) },
        { to: 'training', on: ago(90) },
      ],
      persons: [
        { name: 'Olena Kovalenko', role: 'owner', languages: ['uk', 'ru', 'de'], isPrimary: true },
        { name: 'Thomas Berger', role: 'trainer', jobTitle: 'Praxisanleiter', phone: '0211 5550 2006' },
      ],
      contacts: [
        {
          contactedOn: ago(95),
          channel: 'visit',
          person: 1,
          result: 'Vertrag Pflegefachfrau unterschrieben; Start der Ausbildung abgestimmt.',
          counsellorId: owner,
        },
      ],
      advice: [
        { item: 'trainer_aptitude', state: 'done', on: ago(370), note: 'Praxisanleitung nach PflAPrV' },
        { item: 'workplace_suitability', state: 'done', on: ago(350) },
        { item: 'training_plan', state: 'done', on: ago(320) },
        { item: 'funding_assisted_training', state: 'done', on: ago(100) },
      ],
    },
    {
      fields: {
        ...DEMO_COMPANY_BASE,
        name: 'Steuerbüro Nguyen',
        legalForm: null,
        sector: 'M',
        employees: 6,
        street: 'Friedrichstraße 40',
        postcode: '40217',
        place: 'Düsseldorf',
        phone: '0211 5550 2207',
        email: 'kanzlei@steuerbuero-nguyen.example',
        chamber: 'stbk',
        ownerMigrationBackground: true,
        ownerLanguages: ['vi', 'de'],
        authorisedToTrain: 'yes',
        qualifiedTrainer: 'yes',
        trainingHistory: 'not_recently',
        acquisitionChannel: 'cold_call',
        acquisitionOn: ago(150),
        ownerUserId: owner,
        tags: ['Freie Berufe'],
      },
      history: [
        { to: 'identified', on: ago(150) },
        { to: 'contacted', on: ago(140) },
        {
          to: 'declined',
          on: ago(60),
          reason: 'Derzeit keine Kapazität; im nächsten Herbst erneut ansprechen.',
        },
      ],
      persons: [
        {
          name: 'Thi Lan Nguyen',
          role: 'owner',
          jobTitle: 'Steuerberaterin',
          languages: ['vi', 'de'],
          isPrimary: true,
        },
      ],
      contacts: [
        {
          contactedOn: ago(60),
          channel: 'email',
          person: 0,
          result: 'Absage für dieses Jahr: zu viel Arbeit mit der Umstellung der Kanzleisoftware.',
          counsellorId: owner,
        },
      ],
      advice: [],
    },
  ];
}

/** Names of the hand-made demo companies of both offices (the synthetic ones must not repeat them). */
export function demoCompanyNames(): string[] {
  const day = (n: number) => addDays('2026-11-30', n);
  return [...dusseldorf('', day, day), ...hagenCompanies('', day, day)].map((c) => c.fields.name);
}

/**
 * Seeds the demo companies of the Düsseldorf and Hagen service centres, each company owned by the
 * demo counsellor of its office, in one transaction.
 * @param ctx a system context
 * @param ids the office ids and the demo counsellors' user ids
 */
export async function seedDemoCompanies(
  ctx: RequestContext,
  ids: { dusOfficeId: string; hagenOfficeId: string; dusCounsellorId: string; hagenCounsellorId: string },
): Promise<void> {
  const today = todayInGermany();
  const ago = (n: number) => addDays(today, -n);
  const ahead = (n: number) => addDays(today, n);
  await ctx.db.transaction().execute(async (trx) => {
    await seedCompanyRecords(ctx, trx, {
      officeId: ids.dusOfficeId,
      createdBy: ids.dusCounsellorId,
      records: dusseldorf(ids.dusCounsellorId, ago, ahead),
    });
    await seedCompanyRecords(ctx, trx, {
      officeId: ids.hagenOfficeId,
      createdBy: ids.hagenCounsellorId,
      records: hagenCompanies(ids.hagenCounsellorId, ago, ahead),
    });
  });
}
