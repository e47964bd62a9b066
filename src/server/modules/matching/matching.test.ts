import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TClientSuggestions,
  TMatchConfigView,
  TPairExplanation,
  TPlaceCandidates,
} from '../../../contracts/matching';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { createMatchingFixture, type MatchingFixture } from './matching.fixture';

describe('matching: explained suggestions, explanation, weights', () => {
  let t: TestApp;
  let dus: TestClient;
  let hagen: TestClient;
  let coordinator: TestClient;
  let f: MatchingFixture;

  const suggestions = async (clientId: string, query = '', c = dus) => {
    const res = await c.get(`/api/clients/${clientId}/suggestions${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TClientSuggestions;
  };

  beforeAll(async () => {
    t = await createTestApp();
    dus = await t.client(DEMO.counsellor);
    hagen = await t.client(DEMO.counsellorHagen);
    coordinator = await t.client(DEMO.coordinator);
    f = await createMatchingFixture(t, dus, 'M');
  });
  afterAll(() => t.close());

  it('suggests the wished occupation first, every factor explained and adding up to the score', async () => {
    // The demo office holds synthetic places too: ask for enough that ties at the top cannot push ours out.
    const s = await suggestions(f.kfzClientId, '?k=50');
    expect(s.empty).toBeNull();
    expect(s.client).toMatchObject({ id: f.kfzClientId, displayName: 'Karim Match M', germanLevel: 'B1' });
    expect(s.items.length).toBeGreaterThan(0);
    const top = s.items.find((i) => i.place.id === f.kfzPlaceId);
    expect(top).toBeDefined();
    expect(top?.score).toBeCloseTo(1, 6);
    expect(top?.place).toMatchObject({
      occupationId: 'kraftfahrzeugmechatroniker',
      companyName: 'Matchwerk M',
      kind: 'apprenticeship',
      postcode: '40210',
      distanceKm: 0,
      status: 'open',
    });
    expect(top?.factors.map((x) => x.key)).toEqual([
      'occupation',
      'distance',
      'language',
      'school',
      'start',
      'kind',
    ]);
    expect(top?.factors[0]).toMatchObject({ raw: 'exact', value: 1 });
    for (const item of s.items) {
      const sum = item.factors.reduce((a, x) => a + x.contribution, 0);
      expect(sum).toBeCloseTo(item.score, 12);
    }
    const scores = s.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // The cook and hairdresser places are unrelated to a car-mechatronics wish.
    expect(s.items.map((i) => i.place.id)).not.toContain(f.kochPlaceId);
    expect(s.notes).toEqual([]);
    expect(s.configVersion).toBe(1);
  });

  it('applies the query filters', async () => {
    const onlyEq = await suggestions(f.kfzClientId, '?kind=entry_qualification,internship');
    expect(onlyEq.items.every((i) => i.place.kind !== 'apprenticeship')).toBe(true);
    const near = await suggestions(f.kfzClientId, '?maxKm=0.5&occupationId=kraftfahrzeugmechatroniker');
    expect(near.items.every((i) => (i.place.distanceKm ?? 99) <= 0.5)).toBe(true);
    expect(near.items.map((i) => i.place.id)).toContain(f.kfzPlaceId);
    const bad = await dus.get(`/api/clients/${f.kfzClientId}/suggestions?k=0&kind=boat`);
    expect(bad.statusCode).toBe(400);
  });

  it('refuses filters that would silently match nothing or mean something else (found by a fresh-user test)', async () => {
    const get = (q: string) => dus.get(`/api/clients/${f.kfzClientId}/suggestions${q}`);
    // An unknown occupation id is named, not answered with "nothing within the filters".
    const unknown = await get('?occupationId=kraftfahrzeugmechatroniker,nonexistent');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      {
        field: 'query.occupationId.1',
        code: 'unknown_occupation',
        message: 'Den Ausbildungsberuf „nonexistent“ gibt es nicht.',
      },
    ]);
    // Empty values mean "not given" for every number (minScore= was read as 0, maxKm= was refused).
    const plain = (await get('')).json();
    for (const q of ['?maxKm=', '?minScore=', '?k=&maxKm=&minScore=', '?withoutFlags=']) {
      const res = await get(q);
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
      expect(res.json().items).toEqual(plain.items);
    }
    // Only decimal numbers: "0x10" is not 16.
    const hex = await get('?maxKm=0x10');
    expect(hex.statusCode).toBe(400);
    expect(hex.json().errors[0]).toMatchObject({ field: 'query.maxKm' });
    // A parameter given twice is named as such (it read "Bitte einen Text angeben").
    const repeated = await get('?kind=apprenticeship&kind=internship&k=1&k=2');
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().errors).toEqual([
      expect.objectContaining({ field: 'query.k', code: 'repeated_parameter' }),
      {
        field: 'query.kind',
        code: 'repeated_parameter',
        message:
          'Diesen Parameter bitte nur einmal angeben (mehrere Werte durch Kommas getrennt, wo erlaubt).',
      },
    ]);
    // A kind named several times is one kind.
    const same = await get(
      '?kind=apprenticeship,apprenticeship,apprenticeship,apprenticeship,apprenticeship',
    );
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().items).toEqual((await get('?kind=apprenticeship')).json().items);
    const noLevel = await dus.get(`/api/places/${f.kfzPlaceId}/matching-candidates?minGermanLevel=`);
    expect(noLevel.statusCode, noLevel.body).toBe(200);
    const twice = await dus.post('/api/matching/runs', {
      k: 1,
      filters: {
        kinds: ['apprenticeship', 'apprenticeship', 'apprenticeship', 'apprenticeship', 'apprenticeship'],
      },
    });
    expect(twice.statusCode, twice.body).toBe(202);
    expect(twice.json().parameters.filters.kinds).toEqual(['apprenticeship']);
    const run = await dus.post('/api/matching/runs', { k: 3, filters: { occupationIds: ['nonexistent'] } });
    expect(run.statusCode).toBe(400);
    expect(run.json().errors[0]).toMatchObject({
      field: 'body.filters.occupationIds.0',
      code: 'unknown_occupation',
    });
  });

  it('matches free-text interests as keywords and says what is unknown', async () => {
    const s = await suggestions(f.autosClientId, '?k=50');
    expect(s.notes).toEqual(
      expect.arrayContaining([
        'mobility_radius_default',
        'client_school_unknown',
        'client_availability_unknown',
      ]),
    );
    const kfz = s.items.find((i) => i.place.id === f.kfzPlaceId);
    expect(kfz?.factors[0]).toMatchObject({ key: 'occupation', raw: 'interest' });
    expect(s.items.map((i) => i.place.id)).not.toContain(f.kochPlaceId);
  });

  it('says why a client gets nothing: no matching consent, nothing to match on', async () => {
    const none = await suggestions(f.noConsentClientId);
    expect(none).toMatchObject({ items: [], empty: 'no_matching_consent' });
    const empty = await suggestions(f.emptyClientId);
    expect(empty.items).toEqual([]);
    expect(empty.empty).toBe('nothing_to_match_on');
    expect(empty.notes).toEqual(expect.arrayContaining(['client_postcode_missing', 'no_wished_occupation']));
  });

  it('suggests clients for a place (consenting only, German level filter) and audits the read', async () => {
    const res = await dus.get(`/api/places/${f.kfzPlaceId}/matching-candidates?k=50`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as TPlaceCandidates;
    const ids = c.items.map((i) => i.client.id);
    expect(ids).not.toContain(f.noConsentClientId);
    // Exact top-k (the demo office has synthetic clients too): ours are listed unless k better ones fill the list.
    const explained = async (clientId: string) =>
      (await dus.get(`/api/matching/explain?clientId=${clientId}&placeId=${f.kfzPlaceId}`)).json()
        .score as number;
    const last = c.items.at(-1)?.score ?? 0;
    for (const id of [f.kfzClientId, f.autosClientId]) {
      if (c.items.length < 50 || (await explained(id)) > last) expect(ids).toContain(id);
    }
    expect(c.items[0]?.score).toBeCloseTo(await explained(f.kfzClientId), 12);
    const b2 = (
      await dus.get(`/api/places/${f.kfzPlaceId}/matching-candidates?k=50&minGermanLevel=B2`)
    ).json();
    const b2Items = b2.items as Array<{ client: { id: string; germanLevel: string } }>;
    expect(b2Items.length).toBeGreaterThan(0);
    expect(b2Items.every((i) => ['B2', 'C1', 'C2'].includes(i.client.germanLevel))).toBe(true);
    expect(b2Items.map((i) => i.client.id)).not.toContain(f.kfzClientId);
    const audits = await t.handle.db
      .selectFrom('audit_log')
      .select('details')
      .where('entity_type', '=', 'client')
      .where('action', '=', 'read')
      .execute();
    const kinds = audits.map((a) => (a.details as { kind?: string }).kind);
    expect(kinds).toEqual(expect.arrayContaining(['matching_suggestions', 'matching_candidates']));
  });

  it('explains one pair, also an excluded one', async () => {
    const ok = await dus.get(`/api/matching/explain?clientId=${f.kfzClientId}&placeId=${f.kfzPlaceId}`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as TPairExplanation).excluded).toBeNull();
    const unrelated = (
      await dus.get(`/api/matching/explain?clientId=${f.kfzClientId}&placeId=${f.kochPlaceId}`)
    ).json() as TPairExplanation;
    expect(unrelated.excluded).toBe('occupation_unrelated');
    expect(unrelated.place.id).toBe(f.kochPlaceId);
    const noConsent = (
      await dus.get(`/api/matching/explain?clientId=${f.noConsentClientId}&placeId=${f.kfzPlaceId}`)
    ).json() as TPairExplanation;
    expect(noConsent.excluded).toBe('no_matching_consent');
    // Nothing of the client's data is scored without the consent (a fresh-user test found all six factors).
    expect(noConsent).toMatchObject({ score: 0, factors: [], flags: [] });
    expect(noConsent.place.distanceKm).toBeNull();
  });

  it('leaves out a client whose case is closed until it is reopened', async () => {
    const intake = await dus.post('/api/cases', {
      client: {
        givenNames: 'Abschluss',
        familyName: 'Matching M',
        dateOfBirth: '2005-05-01',
        postcode: '40210',
        wishedOccupationIds: ['kraftfahrzeugmechatroniker'],
        counsellingConsent: { givenOn: '2025-01-15', form: 'paper' },
      },
    });
    expect(intake.statusCode, intake.body).toBe(201);
    const kase = intake.json().case;
    const consent = { purpose: 'matching', givenOn: '2025-01-15', form: 'paper' };
    expect((await dus.post(`/api/clients/${kase.clientId}/consents`, consent)).statusCode).toBe(201);
    expect((await suggestions(kase.clientId)).items.length).toBeGreaterThan(0);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const close = await dus.post(`/api/cases/${kase.id}/stage`, {
      version: kase.version,
      stage: 'closed',
      outcome: 'moved_away',
      changedOn: today,
    });
    expect(close.statusCode, close.body).toBe(200);
    expect(await suggestions(kase.clientId)).toMatchObject({ items: [], empty: 'case_closed' });
    const why = await dus.get(`/api/matching/explain?clientId=${kase.clientId}&placeId=${f.kfzPlaceId}`);
    expect(why.json()).toMatchObject({ excluded: 'case_closed' });
    const candidates = (await dus.get(`/api/places/${f.kfzPlaceId}/matching-candidates?k=50`)).json();
    expect(candidates.items.map((i: { client: { id: string } }) => i.client.id)).not.toContain(kase.clientId);
    const reopen = await dus.post(`/api/cases/${kase.id}/stage`, {
      version: close.json().case.version,
      stage: 'orientation',
      changedOn: today,
    });
    expect(reopen.statusCode, reopen.body).toBe(200);
    expect((await suggestions(kase.clientId)).items.length).toBeGreaterThan(0);
  });

  it('takes an id in the path in any letter case (a UUID typed in capitals is the same record)', async () => {
    const lower = await dus.get(`/api/clients/${f.kfzClientId}/suggestions?k=3`);
    const upper = await dus.get(`/api/clients/${f.kfzClientId.toUpperCase()}/suggestions?k=3`);
    expect(upper.statusCode, upper.body).toBe(200);
    expect(upper.json()).toEqual(lower.json());
  });

  it('keeps other offices out (404, never 403)', async () => {
    expect((await hagen.get(`/api/clients/${f.kfzClientId}/suggestions`)).statusCode).toBe(404);
    expect((await hagen.get(`/api/places/${f.kfzPlaceId}/matching-candidates`)).statusCode).toBe(404);
    expect(
      (await hagen.get(`/api/matching/explain?clientId=${f.kfzClientId}&placeId=${f.kfzPlaceId}`)).statusCode,
    ).toBe(404);
    expect((await coordinator.get(`/api/clients/${f.kfzClientId}/suggestions`)).statusCode).toBe(404);
    expect((await hagen.get(`/api/matching/config?officeId=${f.officeId}`)).statusCode).toBe(404);
    // PUT answers like GET: 404 for an office out of reach (not 403, which would reveal it).
    const weights = { occupation: 35, distance: 20, language: 15, school: 10, start: 10, kind: 10 };
    expect(
      (await hagen.request('PUT', `/api/matching/config?officeId=${f.officeId}`, { version: 1, weights }))
        .statusCode,
    ).toBe(404);
    const unknownOffice = '00000000-0000-4000-8000-000000000000';
    expect(
      (await dus.request('PUT', `/api/matching/config?officeId=${unknownOffice}`, { version: 1, weights }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await coordinator.request('PUT', `/api/matching/config?officeId=${unknownOffice}`, {
          version: 1,
          weights,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('takes the availability window and wanted kinds on the client form (until ≥ from)', async () => {
    const read = (await dus.get(`/api/clients/${f.kfzClientId}`)).json().client;
    expect(read.wantedPlaceKinds).toEqual(['apprenticeship']);
    expect(read.availableFrom).toMatch(/-07-01$/);
    const bad = await dus.patch(`/api/clients/${f.kfzClientId}`, {
      version: read.version,
      availableUntil: '2020-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ field: 'body.availableUntil', code: 'until_before_from' }),
    ]);
    const kinds = await dus.patch(`/api/clients/${f.kfzClientId}`, {
      version: read.version,
      wantedPlaceKinds: ['apprenticeship', 'boat'],
    });
    expect(kinds.statusCode).toBe(400);
  });

  describe('weights per office', () => {
    it('shows the defaults with their reasons', async () => {
      const res = await dus.get('/api/matching/config');
      expect(res.statusCode, res.body).toBe(200);
      const v = res.json() as TMatchConfigView;
      expect(v).toMatchObject({ officeId: f.officeId, version: 1, isDefault: true, updatedAt: null });
      expect(v.config.weights).toEqual({
        occupation: 35,
        distance: 20,
        language: 15,
        school: 10,
        start: 10,
        kind: 10,
      });
      expect(v.defaults.reasons.distance).toMatch(/Bus und Bahn/);
    });

    it('refuses bad weights with 400 naming the field, in the asked language', async () => {
      coordinator.lang = 'en';
      const res = await coordinator.request('PUT', `/api/matching/config?officeId=${f.officeId}`, {
        version: 1,
        weights: { occupation: 35, distance: -1, language: 15, school: 10, start: 10, kind: 'x' },
        extra: true,
      });
      coordinator.lang = 'de';
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const p = res.json();
      expect(p.code).toBe('match_config_invalid');
      expect(p.errors).toEqual(
        expect.arrayContaining([
          {
            field: 'body.weights.distance',
            code: 'weight_negative',
            message: 'A weight cannot be negative.',
          },
          expect.objectContaining({ field: 'body.weights.kind', code: 'weight_not_a_number' }),
          expect.objectContaining({ field: 'body.extra', code: 'unrecognized_keys' }),
        ]),
      );
      const zero = await coordinator.request('PUT', `/api/matching/config?officeId=${f.officeId}`, {
        version: 1,
        weights: { occupation: 0, distance: 0, language: 0, school: 0, start: 0, kind: 0 },
      });
      expect(zero.json().errors).toEqual([
        expect.objectContaining({
          field: 'body.weights',
          code: 'weights_all_zero',
          message: expect.stringMatching(/größer als 0/),
        }),
      ]);
    });

    it('words each bad curve parameter itself, not only the general title', async () => {
      const res = await coordinator.request('PUT', `/api/matching/config?officeId=${f.officeId}`, {
        version: 1,
        distanceHalfKm: 0,
        defaultRadiusKm: -3,
        startToleranceDays: 5000,
        unknownValue: 2,
        requireOccupationRelation: 'ja',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        { field: 'body.distanceHalfKm', code: 'too_small', message: 'Der Wert muss größer als 0 sein.' },
        { field: 'body.defaultRadiusKm', code: 'too_small', message: 'Der Wert muss größer als 0 sein.' },
        {
          field: 'body.startToleranceDays',
          code: 'too_big',
          message: 'Der Wert darf höchstens 3.650 sein.',
        },
        { field: 'body.unknownValue', code: 'too_big', message: 'Der Wert darf höchstens 1 sein.' },
        {
          field: 'body.requireOccupationRelation',
          code: 'invalid_type',
          message: 'Bitte „ja“ oder „nein“ angeben (true oder false).',
        },
      ]);
    });

    it('lets only coordinators change weights; a stale version is 409; suggestions use the new weights', async () => {
      const weights = { occupation: 50, distance: 0, language: 20, school: 10, start: 10, kind: 10 };
      expect((await dus.request('PUT', '/api/matching/config', { version: 1, weights })).statusCode).toBe(
        403,
      );
      const ok = await coordinator.request('PUT', `/api/matching/config?officeId=${f.officeId}`, {
        version: 1,
        weights,
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ version: 2, isDefault: false, updatedByName: expect.any(String) });
      const stale = await coordinator.request('PUT', `/api/matching/config?officeId=${f.officeId}`, {
        version: 1,
        weights: { ...weights, kind: 11 },
      });
      expect(stale.statusCode).toBe(409);
      const s = await suggestions(f.kfzClientId);
      expect(s.configVersion).toBe(2);
      expect(s.items[0]?.factors.find((x) => x.key === 'distance')?.weight).toBe(0);
      expect((await dus.get('/api/matching/config')).json().config.weights.distance).toBe(0);
      // Saving the defaults again counts as the defaults (a fresh-user test found isDefault false).
      const back = await coordinator.request('PUT', `/api/matching/config?officeId=${f.officeId}`, {
        version: 2,
        weights: { occupation: 35, distance: 20, language: 15, school: 10, start: 10, kind: 10 },
      });
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({ version: 3, isDefault: true, updatedByName: expect.any(String) });
    });
  });
});
