import type { RequestContext } from '../../platform/auth/context';
import { companyKey, companyNameKey, findCompaniesByKeys } from '../companies/index';
import { type SeedPlace, seedPlaces } from '../places/index';

/**
 * Demo training places (issue 5) of the demo companies of Düsseldorf and Hagen (`demo.companies.ts`,
 * seeded before): two or three places for most companies — apprenticeships in real occupations of
 * the occupation list, some entry qualifications (EQ) and internships, some published on the public
 * place list, one filled and one withdrawn. Deterministic: fixed start dates (2027-08-01 /
 * 2027-09-01), no randomness. Companies are looked up by name and postcode in their office; a
 * company that is missing is skipped.
 */

/** One demo company with its places; `contact` is the name of one of its contact persons. */
interface DemoCompanyPlaces {
  name: string;
  postcode: string;
  places: Array<Partial<SeedPlace> & Pick<SeedPlace, 'kind'> & { contact?: string }>;
}

const AUG = '2027-08-01';
const SEP = '2027-09-01';

const DUSSELDORF: DemoCompanyPlaces[] = [
  {
    name: 'Friseursalon Aydın',
    postcode: '40227',
    places: [
      {
        kind: 'apprenticeship',
        occupationId: 'friseur',
        title: 'Ausbildung Friseur/-in im Salon Aydın',
        startsOn: AUG,
        minSchoolQualification: 'esa',
        minGermanLevel: 'B1',
        languageSupport: true,
        published: true,
        contact: 'Elif Aydın',
        profile: {
          tasks: 'Kundschaft empfangen und beraten, Haare waschen, schneiden und färben, Termine planen.',
          mustHaves: ['Freude am Umgang mit Menschen', 'Zuverlässigkeit und Pünktlichkeit'],
          niceToHaves: ['Türkischkenntnisse', 'Praktikum im Friseurhandwerk'],
          workingHours: 'Di–Sa, 9–18 Uhr; Berufsschule zwei Tage pro Woche',
          languageNeeds: 'Deutsch B1 für das Kundengespräch; Sprachförderung im Betrieb möglich',
        },
      },
      {
        kind: 'entry_qualification',
        occupationId: 'eq-friseur',
        title: 'Einstiegsqualifizierung im Friseurhandwerk',
        startsOn: SEP,
        minGermanLevel: 'A2',
        languageSupport: true,
        published: true,
        contact: 'Elif Aydın',
      },
    ],
  },
  {
    name: 'Kfz-Werkstatt Haddad GmbH',
    postcode: '40231',
    places: [
      {
        kind: 'apprenticeship',
        occupationId: 'kraftfahrzeugmechatroniker',
        title: 'Ausbildung Kfz-Mechatroniker/-in (Pkw-Technik)',
        startsOn: AUG,
        seats: 2,
        minSchoolQualification: 'esa',
        minGermanLevel: 'B1',
        published: true,
        contact: 'Karim Haddad',
        profile: {
          tasks: 'Wartung und Inspektion, Fehlerdiagnose mit dem Tester, Reifen- und Bremsendienst.',
          mustHaves: ['Technisches Interesse', 'Handwerkliches Geschick'],
          niceToHaves: ['Arabisch oder Französisch für die Kundschaft', 'Führerschein Klasse B'],
          workingHours: 'Mo–Fr, 7:30–16:30 Uhr',
          languageNeeds: 'Deutsch B1; Fachbegriffe lernt man im Betrieb',
        },
      },
      {
        kind: 'internship',
        title: 'Betriebspraktikum in der Kfz-Werkstatt (2–4 Wochen)',
        startsOn: SEP,
        durationMonths: 1,
        languageSupport: true,
      },
    ],
  },
  {
    name: 'Restaurant Anatolia',
    postcode: '40210',
    places: [
      {
        kind: 'apprenticeship',
        occupationId: 'koch',
        title: 'Ausbildung Koch/Köchin',
        startsOn: AUG,
        minGermanLevel: 'A2',
        languageSupport: true,
        published: true,
      },
      {
        kind: 'entry_qualification',
        occupationId: 'eq-kueche',
        title: 'EQ in der Restaurantküche',
        startsOn: SEP,
      },
    ],
  },
  {
    name: 'Lebensmittel Yıldız',
    postcode: '40233',
    places: [
      {
        kind: 'apprenticeship',
        occupationId: 'verkaeufer',
        title: 'Ausbildung Verkäufer/-in im Lebensmittelhandel',
        startsOn: AUG,
        minSchoolQualification: 'esa',
        minGermanLevel: 'B1',
        published: true,
      },
      {
        kind: 'apprenticeship',
        occupationId: 'kaufmann-im-einzelhandel',
        title: 'Ausbildung Kaufmann/-frau im Einzelhandel',
        startsOn: AUG,
        minSchoolQualification: 'msa',
        minGermanLevel: 'B2',
      },
    ],
  },
  {
    name: 'Ambulanter Pflegedienst Hoffnung GmbH',
    postcode: '40476',
    places: [
      {
        kind: 'apprenticeship',
        occupationId: 'kaufmann-im-gesundheitswesen',
        title: 'Ausbildung Kaufmann/-frau im Gesundheitswesen',
        startsOn: AUG,
        minSchoolQualification: 'msa',
        minGermanLevel: 'B2',
        status: 'filled',
        contact: 'Thomas Berger',
      },
      {
        kind: 'internship',
        title: 'Praktikum in der ambulanten Pflege',
        startsOn: SEP,
        durationMonths: 2,
        drivingLicenceRequired: true,
        languageSupport: true,
        published: true,
        contact: 'Thomas Berger',
      },
      {
        kind: 'entry_qualification',
        occupationId: 'eq-hauswirtschaft',
        title: 'EQ Hauswirtschaft in der Pflege',
        startsOn: SEP,
        languageSupport: true,
      },
    ],
  },
  {
    name: 'Steuerbüro Nguyen',
    postcode: '40217',
    places: [
      {
        kind: 'apprenticeship',
        occupationId: 'steuerfachangestellter',
        title: 'Ausbildung Steuerfachangestellte/-r',
        startsOn: AUG,
        minSchoolQualification: 'msa',
        minGermanLevel: 'C1',
        status: 'withdrawn',
      },
    ],
  },
];

const HAGEN: DemoCompanyPlaces[] = [
  {
    name: 'Bäckerei Demir',
    postcode: '58095',
    places: [
      {
        kind: 'apprenticeship',
        occupationId: 'baecker',
        title: 'Ausbildung Bäcker/-in',
        startsOn: AUG,
        minGermanLevel: 'A2',
        languageSupport: true,
        published: true,
        contact: 'Ali Demir',
        profile: {
          tasks: 'Teige herstellen, Brot und Brötchen backen, Backstube sauber halten.',
          mustHaves: ['Frühaufsteher/-in (Arbeitsbeginn 4 Uhr)', 'Körperliche Belastbarkeit'],
          niceToHaves: ['Erfahrung in einer Backstube'],
          workingHours: 'Di–Sa, 4–12 Uhr',
          languageNeeds: 'Deutsch A2; die Rezepte gibt es auch auf Türkisch',
        },
      },
      {
        kind: 'apprenticeship',
        occupationId: 'fachverkaeufer-im-lebensmittelhandwerk',
        title: 'Ausbildung Fachverkäufer/-in im Lebensmittelhandwerk (Bäckerei)',
        startsOn: AUG,
        minGermanLevel: 'B1',
        contact: 'Ali Demir',
      },
      {
        kind: 'entry_qualification',
        occupationId: 'eq-lebensmittelhandwerk',
        title: 'EQ Lebensmittelhandwerk',
        startsOn: SEP,
        languageSupport: true,
        published: true,
      },
    ],
  },
  {
    name: 'Elektro Petrov e.K.',
    postcode: '58097',
    places: [
      {
        kind: 'apprenticeship',
        occupationId: 'elektroniker-energie-und-gebaeudetechnik',
        title: 'Ausbildung Elektroniker/-in für Energie- und Gebäudetechnik',
        startsOn: AUG,
        minSchoolQualification: 'esa',
        minGermanLevel: 'B1',
        published: true,
      },
      {
        kind: 'taster_day',
        title: 'Schnuppertag im Elektrohandwerk',
        startsOn: SEP,
        languageSupport: true,
      },
    ],
  },
  {
    name: 'Mobilfunk Ahmadi',
    postcode: '58135',
    places: [
      {
        kind: 'apprenticeship',
        occupationId: 'kaufmann-im-einzelhandel',
        title: 'Ausbildung Kaufmann/-frau im Einzelhandel (Mobilfunk)',
        startsOn: AUG,
        minSchoolQualification: 'msa',
        minGermanLevel: 'B1',
      },
      { kind: 'internship', title: 'Schülerpraktikum im Handy-Shop', startsOn: SEP, durationMonths: 1 },
    ],
  },
  {
    name: 'Reinigungsservice Kovačević',
    postcode: '58119',
    places: [
      {
        kind: 'entry_qualification',
        occupationId: 'eq-gebaeudereinigung',
        title: 'EQ Gebäudereinigung',
        startsOn: SEP,
        minGermanLevel: 'A2',
        languageSupport: true,
        published: true,
      },
      {
        kind: 'apprenticeship',
        occupationId: 'gebaeudereiniger',
        title: 'Ausbildung Gebäudereiniger/-in',
        startsOn: AUG,
        drivingLicenceRequired: true,
      },
    ],
  },
];

async function seedOffice(
  ctx: RequestContext,
  office: { id: string; town: string; createdBy: string },
  companies: DemoCompanyPlaces[],
): Promise<void> {
  const officeId = office.id;
  const found = await findCompaniesByKeys(
    ctx.db,
    officeId,
    companies.map((c) => ({ nameKey: companyNameKey(c.name), postcode: c.postcode })),
  );
  const places: SeedPlace[] = [];
  for (const c of companies) {
    const company = found.get(companyKey(companyNameKey(c.name), c.postcode));
    if (!company) continue;
    for (const p of c.places) {
      const { contact, ...rest } = p;
      places.push({
        companyId: company.id,
        occupationId: null,
        title: null,
        description: null,
        seats: 1,
        startsOn: null,
        durationMonths: null,
        postcode: c.postcode,
        place: office.town,
        street: null,
        minSchoolQualification: null,
        minGermanLevel: null,
        drivingLicenceRequired: false,
        languageSupport: false,
        status: 'open',
        published: false,
        source: 'manual',
        externalRef: null,
        contactPersonName: contact ?? null,
        ...rest,
      });
    }
  }
  await seedPlaces(ctx.db, { officeId, createdBy: office.createdBy, places });
}

/**
 * Seeds the demo places of the Düsseldorf and Hagen offices (after the demo companies).
 * @param ctx a system context
 */
export async function seedDemoPlaces(
  ctx: RequestContext,
  ids: { dusOfficeId: string; hagenOfficeId: string; dusCounsellorId: string; hagenCounsellorId: string },
): Promise<void> {
  await seedOffice(
    ctx,
    { id: ids.dusOfficeId, town: 'Düsseldorf', createdBy: ids.dusCounsellorId },
    DUSSELDORF,
  );
  await seedOffice(ctx, { id: ids.hagenOfficeId, town: 'Hagen', createdBy: ids.hagenCounsellorId }, HAGEN);
}
