import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { redactSensitive } from './clients.view';

const consent = { givenOn: '2025-09-01', form: 'paper' };

describe('clients', () => {
  let t: TestApp;
  let counsellor: TestClient;
  let coordinator: TestClient;

  const total = async () => (await counsellor.get('/api/clients?limit=1')).json().total as number;
  const create = (body: Record<string, unknown>) => counsellor.post('/api/clients', body);

  beforeAll(async () => {
    t = await createTestApp();
    counsellor = await t.client(DEMO.counsellor);
    coordinator = await t.client(DEMO.coordinator);
  });
  afterAll(() => t.close());

  it('creates a client with place, Land and Kreis derived from the postcode, programme fields and an entry snapshot', async () => {
    const res = await create({
      givenNames: 'Aylin',
      familyName: 'Demir',
      dateOfBirth: '2008-02-14',
      gender: 'female',
      postcode: '40210',
      citizenship: 'TR',
      schoolQualification: 'msa',
      schoolForeign: false,
      germanLevel: 'B2',
      germanLevelDate: '2025-06-01',
      germanLevelSource: 'certificate',
      wishedOccupationIds: ['friseur'],
      employmentStatusAtEntry: 'inactive',
      languages: [{ code: 'tr', level: 'C2' }],
      counsellingConsent: consent,
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json().client;
    expect(c).toMatchObject({
      place: 'Düsseldorf',
      landCode: '05',
      kreisAgs: '05111',
      minimal: false,
      wishedOccupationIds: ['friseur'],
      programme: {
        ageGroupAtEntry: '18_29',
        iscedLevel: 2,
        citizenshipGroup: 'third_country',
        ruralResidence: false,
      },
    });
    expect(c.consents).toMatchObject([
      { purpose: 'counselling', givenBy: 'client', active: true, recordedBy: 'Deniz Beratung' },
    ]);
    const snap = await t.handle.db
      .selectFrom('client_snapshot')
      .select(['kind', 'data'])
      .where('client_id', '=', c.id)
      .execute();
    expect(snap).toEqual([
      {
        kind: 'entry',
        data: {
          ageGroupAtEntry: '18_29',
          iscedLevel: 2,
          citizenshipGroup: 'third_country',
          ruralResidence: false,
          employmentStatus: 'inactive',
          foreignBackground: null,
        },
      },
    ]);
    const got = (await counsellor.get(`/api/clients/${c.id}`)).json().client;
    expect(got).toEqual(c);
  });

  it('marks a residence in a thinly populated Kreis as rural (Brilon, Hochsauerlandkreis: 133 /km²)', async () => {
    const c = (
      await create({
        givenNames: 'Jonas',
        familyName: 'Land',
        dateOfBirth: '2007-01-01',
        postcode: '59929',
        counsellingConsent: consent,
      })
    ).json().client;
    expect(c).toMatchObject({ place: 'Brilon', kreisAgs: '05958', programme: { ruralResidence: true } });
  });

  it.each([
    ['a birth date in the future', { dateOfBirth: '2030-01-01' }, 'body.dateOfBirth', 'impossible_date'],
    ['a birth date before 1930', { dateOfBirth: '1929-12-31' }, 'body.dateOfBirth', 'impossible_date'],
    [
      'a German level dated in the future',
      { germanLevel: 'B1', germanLevelDate: '2099-01-01' },
      'body.germanLevelDate',
      'impossible_date',
    ],
    ['CEFR level C3', { germanLevel: 'C3' }, 'body.germanLevel', 'invalid_value'],
    ['postcode 00000', { postcode: '00000' }, 'body.postcode', 'unknown_postcode'],
    ['a four-digit postcode', { postcode: '1067' }, 'body.postcode', 'invalid_format'],
    [
      'an unknown occupation',
      { wishedOccupationIds: ['friseur', 'zauberer'] },
      'body.wishedOccupationIds.1',
      'unknown_occupation',
    ],
  ])('refuses %s with 400 naming the field, saving nothing', async (_label, bad, field, code) => {
    const before = await total();
    const res = await create({
      givenNames: 'Falsch',
      familyName: 'Eingabe',
      dateOfBirth: '2004-04-04',
      counsellingConsent: consent,
      ...bad,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field, code })]);
    expect(await total()).toBe(before);
  });

  it('refuses the same impossible input on update, leaving the record as it was', async () => {
    const c = (
      await create({
        givenNames: 'Lina',
        familyName: 'Haddad',
        dateOfBirth: '2005-05-05',
        counsellingConsent: consent,
      })
    ).json().client;
    const res = await counsellor.patch(`/api/clients/${c.id}`, {
      version: c.version,
      postcode: '00000',
      dateOfBirth: '2031-05-05',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.dateOfBirth', 'body.postcode']);
    expect((await counsellor.get(`/api/clients/${c.id}`)).json().client).toMatchObject({
      version: c.version,
      postcode: null,
    });
  });

  it('keeps only a minimal record without counselling consent, and opens up once consent is recorded', async () => {
    const before = await total();
    const refused = await create({
      givenNames: 'Omid',
      familyName: 'Rahimi',
      phone: '0151 2345678',
      notes: 'x',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'consent_required',
      errors: [
        { field: 'body.phone', code: 'consent_required' },
        { field: 'body.notes', code: 'consent_required' },
      ],
    });
    expect(await total()).toBe(before);

    const c = (await create({ givenNames: 'Omid', familyName: 'Rahimi', dateOfBirth: '2006-03-03' })).json()
      .client;
    expect(c).toMatchObject({ minimal: true, phone: null, dateOfBirth: '2006-03-03', consents: [] });
    const patch = await counsellor.patch(`/api/clients/${c.id}`, {
      version: c.version,
      phone: '0151 2345678',
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().code).toBe('consent_required');

    const rec = await counsellor.post(`/api/clients/${c.id}/consents`, {
      purpose: 'counselling',
      ...consent,
    });
    expect(rec.statusCode, rec.body).toBe(201);
    expect(rec.json().client.minimal).toBe(false);
    const ok = await counsellor.patch(`/api/clients/${c.id}`, { version: c.version, phone: '0151 2345678' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().client.phone).toBe('0151 2345678');
  });

  it('requires the guardian to consent for a client under 16', async () => {
    const c = (
      await create({ givenNames: 'Mira', familyName: 'Jovanović', dateOfBirth: '2012-05-01' })
    ).json().client;
    const self = await counsellor.post(`/api/clients/${c.id}/consents`, {
      purpose: 'counselling',
      ...consent,
    });
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({
      code: 'guardian_consent_required',
      errors: [{ field: 'body.givenBy', code: 'below_consent_age' }],
    });
    const noGuardian = await counsellor.post(`/api/clients/${c.id}/consents`, {
      purpose: 'counselling',
      givenBy: 'guardian',
      ...consent,
    });
    expect(noGuardian.statusCode).toBe(400);
    expect(noGuardian.json().errors[0].field).toBe('body.guardianId');

    // A guardian of another client does not count.
    const other = (await create({ givenNames: 'Anderes', familyName: 'Kind' })).json().client;
    const foreignGuardian = (
      await counsellor.post(`/api/clients/${other.id}/guardians`, {
        name: 'Fremde Mutter',
        relation: 'mother',
      })
    ).json().guardian;
    const wrong = await counsellor.post(`/api/clients/${c.id}/consents`, {
      purpose: 'counselling',
      givenBy: 'guardian',
      guardianId: foreignGuardian.id,
      ...consent,
    });
    expect(wrong.statusCode).toBe(400);

    const g = await counsellor.post(`/api/clients/${c.id}/guardians`, {
      name: 'Dragana Jovanović',
      relation: 'mother',
      language: 'sr',
      involvedInCounselling: true,
    });
    expect(g.statusCode).toBe(201);
    const ok = await counsellor.post(`/api/clients/${c.id}/consents`, {
      purpose: 'counselling',
      givenBy: 'guardian',
      guardianId: g.json().guardian.id,
      ...consent,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().consent).toMatchObject({
      givenBy: 'guardian',
      guardianId: g.json().guardian.id,
      active: true,
    });
    expect(ok.json().client.minimal).toBe(false);

    // Intake with the client's own consent is refused for a minor, and for an unknown age.
    const intake = await create({
      givenNames: 'Zu',
      familyName: 'Jung',
      dateOfBirth: '2013-01-01',
      counsellingConsent: consent,
    });
    expect(intake.statusCode).toBe(400);
    expect(intake.json().code).toBe('guardian_consent_required');
    const unknownAge = await counsellor.post(`/api/clients/${other.id}/consents`, {
      purpose: 'counselling',
      ...consent,
    });
    expect(unknownAge.json().errors[0].code).toBe('date_of_birth_unknown');
  });

  it('takes the consent age from CONSENT_MIN_AGE', async () => {
    const t14 = await createTestApp({ CONSENT_MIN_AGE: '14' });
    try {
      const c = await t14.client(DEMO.counsellor);
      const res = await c.post('/api/clients', {
        givenNames: 'Vierzehn',
        familyName: 'Jahre',
        dateOfBirth: '2011-01-01',
        counsellingConsent: consent,
      });
      expect(res.statusCode, res.body).toBe(201);
    } finally {
      await t14.close();
    }
  });

  it('refuses a partner transfer without a partner name and a consent dated in the future', async () => {
    const c = (
      await create({
        givenNames: 'Karim',
        familyName: 'Nasser',
        dateOfBirth: '2004-01-01',
        counsellingConsent: consent,
      })
    ).json().client;
    const noPartner = await counsellor.post(`/api/clients/${c.id}/consents`, {
      purpose: 'partner_transfer',
      ...consent,
    });
    expect(noPartner.json().errors[0].field).toBe('body.partnerName');
    const future = await counsellor.post(`/api/clients/${c.id}/consents`, {
      purpose: 'matching',
      givenOn: '2099-01-01',
      form: 'paper',
    });
    expect(future.json().errors[0]).toMatchObject({ field: 'body.givenOn', code: 'impossible_date' });
  });

  it('clears everything but the names when counselling consent is withdrawn, keeping the consent', async () => {
    const c = (
      await create({
        givenNames: 'Samir',
        familyName: 'Khalil',
        dateOfBirth: '2003-07-07',
        phone: '0176 1112223',
        postcode: '40210',
        residenceStatus: 'duldung',
        notes: 'vertraulich',
        counsellingConsent: consent,
      })
    ).json().client;
    const consentId = c.consents[0].id;
    const future = await counsellor.post(`/api/clients/${c.id}/consents/${consentId}/withdraw`, {
      withdrawnOn: '2099-01-01',
    });
    expect(future.statusCode).toBe(400);
    const res = await counsellor.post(`/api/clients/${c.id}/consents/${consentId}/withdraw`, {
      withdrawnOn: '2025-10-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json().client;
    expect(after).toMatchObject({
      givenNames: 'Samir',
      familyName: 'Khalil',
      minimal: true,
      dateOfBirth: null,
      phone: null,
      postcode: null,
      place: null,
      residenceStatus: null,
      notes: null,
      version: c.version + 1,
    });
    expect(after.consents).toMatchObject([{ id: consentId, withdrawnOn: '2025-10-01', active: false }]);
    const row = await t.handle.db
      .selectFrom('client')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect([row.phone, row.notes, row.residence_status, row.date_of_birth, row.search_text]).toEqual([
      null,
      null,
      null,
      null,
      'samir khalil',
    ]);
    // The phone number no longer finds the client.
    expect((await counsellor.get('/api/clients?q=0176%201112223')).json().items).toEqual([]);
  });

  it('answers a stale update with 409 naming the fields changed since', async () => {
    const c = (
      await create({
        givenNames: 'Ali',
        familyName: 'Rezai',
        dateOfBirth: '2001-01-01',
        counsellingConsent: consent,
      })
    ).json().client;
    const first = await counsellor.patch(`/api/clients/${c.id}`, {
      version: c.version,
      phone: '0170 1234567',
      interests: 'Autos',
    });
    expect(first.statusCode).toBe(200);
    const stale = await coordinator.get(`/api/clients/${c.id}`);
    expect(stale.statusCode).toBe(404); // the coordinator sits in the state office: other office
    const second = await counsellor.patch(`/api/clients/${c.id}`, {
      version: c.version,
      email: 'ali@example.org',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'conflict', changedFields: ['phone', 'interests'] });
    expect((await counsellor.get(`/api/clients/${c.id}`)).json().client.email).toBeNull();
    // The same values again are no change: no conflict, no new version.
    const same = await counsellor.patch(`/api/clients/${c.id}`, {
      version: c.version + 1,
      phone: '0170 1234567',
    });
    expect(same.json().client.version).toBe(c.version + 1);
  });

  it('audits every read of a client', async () => {
    const c = (await create({ givenNames: 'Audit', familyName: 'Lesen' })).json().client;
    await counsellor.get(`/api/clients/${c.id}`);
    await counsellor.get(`/api/clients/${c.id}`);
    const audit = (await coordinator.get(`/api/audit?entityType=client&entityId=${c.id}&action=read`)).json();
    expect(audit.total).toBe(2);
    expect(audit.items[0]).toMatchObject({ actorName: 'Deniz Beratung', action: 'read' });
  });

  it('shows sensitive fields to counsellors, refuses admin, volunteer and viewer, and nulls them for other roles', async () => {
    const c = (
      await create({
        givenNames: 'Sensibel',
        familyName: 'Daten',
        dateOfBirth: '2002-02-02',
        residenceStatus: 'ausbildungsduldung',
        residenceParagraph: '§ 60c AufenthG',
        residenceExpiresOn: '2027-03-31',
        workPermit: 'yes',
        notes: 'Gesprächsnotiz',
        counsellingConsent: consent,
      })
    ).json().client;
    expect(c).toMatchObject({
      residenceStatus: 'ausbildungsduldung',
      workPermit: 'yes',
      notes: 'Gesprächsnotiz',
    });
    for (const email of [DEMO.admin, DEMO.volunteer, DEMO.viewer]) {
      const other = await t.client(email);
      expect((await other.get(`/api/clients/${c.id}`)).statusCode).toBe(403);
      expect((await other.get('/api/clients')).statusCode).toBe(403);
    }
    const redacted = redactSensitive(
      {
        givenNames: 'A',
        residenceStatus: 'duldung',
        residenceParagraph: 'x',
        residenceExpiresOn: '2027-01-01',
        workPermit: 'no',
        workPermitExpiresOn: null,
        notes: 'n',
      },
      'volunteer',
    );
    expect(redacted).toEqual({
      givenNames: 'A',
      residenceStatus: null,
      residenceParagraph: null,
      residenceExpiresOn: null,
      workPermit: null,
      workPermitExpiresOn: null,
      notes: null,
    });
  });

  it('adds, updates (with version) and removes guardians; one who gave consent stays', async () => {
    const c = (await create({ givenNames: 'Eltern', familyName: 'Test', dateOfBirth: '2011-11-11' })).json()
      .client;
    const g = (
      await counsellor.post(`/api/clients/${c.id}/guardians`, {
        name: 'Vater Test',
        relation: 'father',
        language: 'ar',
      })
    ).json().guardian;
    expect(g).toMatchObject({ language: 'ar', involvedInCounselling: false, version: 1 });
    const up = await counsellor.patch(`/api/clients/${c.id}/guardians/${g.id}`, {
      version: 1,
      involvedInCounselling: true,
    });
    expect(up.json().guardian).toMatchObject({ involvedInCounselling: true, version: 2 });
    expect(
      (await counsellor.patch(`/api/clients/${c.id}/guardians/${g.id}`, { version: 1, phone: '1' }))
        .statusCode,
    ).toBe(409);
    await counsellor.post(`/api/clients/${c.id}/consents`, {
      purpose: 'counselling',
      givenBy: 'guardian',
      guardianId: g.id,
      ...consent,
    });
    const del = await counsellor.request('DELETE', `/api/clients/${c.id}/guardians/${g.id}`);
    expect(del.statusCode).toBe(409);
    const g2 = (
      await counsellor.post(`/api/clients/${c.id}/guardians`, { name: 'Tante Test', relation: 'other' })
    ).json().guardian;
    expect((await counsellor.request('DELETE', `/api/clients/${c.id}/guardians/${g2.id}`)).statusCode).toBe(
      200,
    );
    expect(
      (await counsellor.get(`/api/clients/${c.id}`)).json().client.guardians.map((x: { id: string }) => x.id),
    ).toEqual([g.id]);
  });
});
