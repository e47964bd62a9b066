import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAssignmentResult, TMatchRun, TMatchRunResult } from '../../../contracts/matching';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { createMatchingFixture, type MatchingFixture } from './matching.fixture';

describe('matching: stored batch runs and the speed-dating assignment', () => {
  let t: TestApp;
  let dus: TestClient;
  let hagen: TestClient;
  let f: MatchingFixture;

  /** Polls a run until it has ended; returns it and every progress seen. */
  const waitFor = async (id: string) => {
    const seen: TMatchRun[] = [];
    for (let i = 0; i < 600; i++) {
      const res = await dus.get(`/api/matching/runs/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      const run = res.json() as TMatchRun;
      seen.push(run);
      if (run.status === 'done' || run.status === 'failed') return { run, seen };
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('run did not end');
  };
  /** Every result row of a run, in the stored order. */
  const results = async (id: string, query = '') => {
    const out: TMatchRunResult[] = [];
    for (let offset = 0; ; offset += 200) {
      const res = await dus.get(`/api/matching/runs/${id}/results?limit=200&offset=${offset}${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: TMatchRunResult[]; total: number };
      out.push(...page.items);
      if (out.length >= page.total || page.items.length === 0) return out;
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    dus = await t.client(DEMO.counsellor);
    hagen = await t.client(DEMO.counsellorHagen);
    f = await createMatchingFixture(t, dus, 'R');
  });
  afterAll(() => t.close());

  it('stores a run with its parameters and config, reports progress to 100 and keeps the lists', async () => {
    const body = { k: 10, direction: 'both', filters: { kinds: ['apprenticeship'] } };
    const start = await dus.post('/api/matching/runs', body);
    expect(start.statusCode, start.body).toBe(202);
    const queued = start.json() as TMatchRun;
    expect(queued).toMatchObject({
      scope: 'office',
      parameters: { k: 10, direction: 'both', filters: { kinds: ['apprenticeship'] } },
      configVersion: 1,
      officeId: f.officeId,
    });
    expect(['queued', 'running']).toContain(queued.status);
    const { run } = await waitFor(queued.id);
    expect(run.status).toBe('done');
    expect(run.progress).toEqual({
      done: run.progress.total,
      total: (run.counts.clients ?? 0) + run.counts.places,
      percent: 100,
    });
    expect(run.counts.results).toBeGreaterThan(0);
    expect(run.dataStamp).toEqual(expect.any(String));
    expect(run.config.weights.occupation).toBe(35);

    // The stored lists are the live top-k lists (the demo office holds synthetic records too).
    const mine = await results(run.id, `&clientId=${f.kfzClientId}`);
    expect(mine.every((r) => r.direction === 'places' && r.clientId === f.kfzClientId)).toBe(true);
    expect(mine.map((r) => r.rank)).toEqual(mine.map((_, i) => i + 1));
    const live = (await dus.get(`/api/clients/${f.kfzClientId}/suggestions?k=10&kind=apprenticeship`)).json();
    expect(mine.map((r) => [r.placeId, r.score])).toEqual(
      live.items.map((i: { place: { id: string }; score: number }) => [i.place.id, i.score]),
    );
    // Each place carries its distance, the same as the pair explanation's distance factor.
    for (const r of mine.slice(0, 3)) {
      const ex = await dus.get(`/api/matching/explain?clientId=${r.clientId}&placeId=${r.placeId}`);
      expect(ex.statusCode, ex.body).toBe(200);
      const km = (ex.json() as { factors: Array<{ key: string; raw: unknown }> }).factors.find(
        (x) => x.key === 'distance',
      )?.raw;
      expect(r.place?.distanceKm).toBe(typeof km === 'number' ? km : null);
    }
    expect(mine.some((r) => typeof r.place?.distanceKm === 'number')).toBe(true);
    const ours = mine.find((r) => r.placeId === f.kfzPlaceId);
    if (ours) expect(ours.place?.companyName).toBe('Matchwerk R');
    const forPlace = await results(run.id, `&placeId=${f.kfzPlaceId}`);
    expect(forPlace.every((r) => r.direction === 'clients')).toBe(true);
    const liveClients = (await dus.get(`/api/places/${f.kfzPlaceId}/matching-candidates?k=10`)).json();
    expect(forPlace.map((r) => [r.clientId, r.score])).toEqual(
      liveClients.items.map((i: { client: { id: string }; score: number }) => [i.client.id, i.score]),
    );
    expect(forPlace.map((r) => r.clientId)).not.toContain(f.noConsentClientId);
    expect((await results(run.id)).length).toBe(run.counts.results);

    const list = (await dus.get('/api/matching/runs?limit=5')).json();
    expect(list.items[0].id).toBe(run.id);
  });

  it('is reproducible: the same parameters on the same data give the same results', async () => {
    const body = { k: 5, direction: 'places', filters: {} };
    const a = (await waitFor((await dus.post('/api/matching/runs', body)).json().id)).run;
    const b = (await waitFor((await dus.post('/api/matching/runs', body)).json().id)).run;
    expect(b.dataStamp).toBe(a.dataStamp);
    expect(b.configVersion).toBe(a.configVersion);
    const strip = (rows: TMatchRunResult[]) =>
      rows.map(({ clientId, placeId, rank, score }) => ({ clientId, placeId, rank, score }));
    const ra = strip(await results(a.id));
    expect(ra.length).toBeGreaterThan(0);
    expect(strip(await results(b.id))).toEqual(ra);
  });

  it('lists results by the name of the list owner, and a one-way run answers a filter on either side', async () => {
    const { run } = await waitFor(
      (await dus.post('/api/matching/runs', { k: 3, direction: 'places' })).json().id,
    );
    const rows = await results(run.id);
    const owners = [...new Set(rows.map((r) => r.clientId))];
    // Each client's list in one piece, clients by family name (was: by id, which looked random).
    expect(rows.map((r) => r.clientId).filter((id, i, all) => all[i - 1] !== id)).toEqual(owners);
    const names = new Map(
      (
        await t.handle.db
          .selectFrom('client')
          .select(['id', 'family_name'])
          .where('id', 'in', owners)
          .execute()
      ).map((c) => [c.id, c.family_name.toLowerCase()]),
    );
    const ascii = owners.map((id) => names.get(id) ?? '').filter((n) => /^[a-z -]+$/.test(n));
    expect(ascii.length).toBeGreaterThan(20);
    expect(ascii).toEqual([...ascii].sort());
    // A place's rows of a places run, without naming the direction (it answered nothing).
    const placeId = rows[0]?.placeId ?? '';
    const forPlace = await results(run.id, `&placeId=${placeId}`);
    expect(forPlace.length).toBeGreaterThan(0);
    expect(forPlace.every((r) => r.placeId === placeId && r.direction === 'places')).toBe(true);
  });

  it('streams progress as server-sent events until the run is done', async () => {
    const id = (await dus.post('/api/matching/runs', { k: 2, direction: 'clients' })).json().id as string;
    const res = await dus.get(`/api/matching/runs/${id}/events`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    const events = res.body.split('\n\n').filter((e) => e.startsWith('event:'));
    expect(events[0]).toMatch(/^event: run\n/);
    const last = events.at(-1) ?? '';
    expect(last).toMatch(/^event: done\n/);
    const done = JSON.parse(last.split('\ndata: ')[1] ?? '{}') as TMatchRun;
    expect(done).toMatchObject({ id, status: 'done', progress: { percent: 100 } });
  });

  it('keeps other offices out of runs and results', async () => {
    const id = (await dus.get('/api/matching/runs?limit=1')).json().items[0].id as string;
    expect((await hagen.get(`/api/matching/runs/${id}`)).statusCode).toBe(404);
    expect((await hagen.get(`/api/matching/runs/${id}/results`)).statusCode).toBe(404);
    expect((await hagen.get(`/api/matching/runs/${id}/events`)).statusCode).toBe(404);
    expect((await hagen.get('/api/matching/runs')).json().items.map((r: TMatchRun) => r.id)).not.toContain(
      id,
    );
  });

  describe('assignment (speed dating)', () => {
    it('plans meetings with the best total score and nobody double-booked', async () => {
      const res = await dus.post('/api/matching/assignment', {
        clientIds: [f.kfzClientId, f.kochClientId, f.autosClientId, f.noConsentClientId],
        companyIds: [f.workshopId, f.kitchenId],
        slots: ['10:00', '10:15'],
        maxMeetingsPerClient: 2,
      });
      expect(res.statusCode, res.body).toBe(200);
      const a = res.json() as TAssignmentResult;
      expect(a.slots).toEqual(['10:00', '10:15']);
      expect(a.meetings.length).toBeGreaterThan(0);
      for (const slot of [0, 1]) {
        const inSlot = a.meetings.filter((m) => m.slot === slot);
        expect(new Set(inSlot.map((m) => m.clientId)).size).toBe(inSlot.length);
        expect(new Set(inSlot.map((m) => m.companyId)).size).toBe(inSlot.length);
      }
      const pairs = a.meetings.map((m) => `${m.clientId}/${m.companyId}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      expect(a.total).toBeCloseTo(
        a.meetings.reduce((s, m) => s + m.score, 0),
        12,
      );
      expect(a.unmatchedClientIds).toContain(f.noConsentClientId);
      // Without consent to matching no pair may meet: no fitting company, not a lack of slots.
      expect(a.unmatched).toContainEqual({ clientId: f.noConsentClientId, reason: 'no_fit' });
      expect(a.unmatched.map((u) => u.clientId)).toEqual(a.unmatchedClientIds);
      const kfz = a.meetings.find((m) => m.clientId === f.kfzClientId);
      expect(kfz).toMatchObject({
        companyId: f.workshopId,
        placeId: f.kfzPlaceId,
        companyName: 'Matchwerk R',
      });
      expect(a.meetings.find((m) => m.clientId === f.kochClientId)?.companyId).toBe(f.kitchenId);
      expect(a.meetings.every((m) => m.slotLabel === a.slots[m.slot])).toBe(true);
    });

    it('takes places instead of companies and a slot count, ids in any letter case', async () => {
      const res = await dus.post('/api/matching/assignment', {
        clientIds: [f.kfzClientId.toUpperCase(), f.autosClientId],
        placeIds: [f.kfzPlaceId.toUpperCase()],
        slots: 1,
      });
      expect(res.statusCode, res.body).toBe(200);
      const a = res.json() as TAssignmentResult;
      expect(a.slots).toEqual(['1']);
      expect(a.meetings).toHaveLength(1);
      expect(a.meetings[0]?.clientId).toBe(f.kfzClientId);
      // Arash fits the place too, but its company has one slot and Karim has no other chance.
      expect(a.unmatched).toEqual([{ clientId: f.autosClientId, reason: 'no_slot' }]);
      const two = await dus.post('/api/matching/assignment', {
        clientIds: [f.kfzClientId, f.autosClientId],
        placeIds: [f.kfzPlaceId],
        slots: 2,
        maxMeetingsPerClient: 1,
      });
      expect(two.statusCode, two.body).toBe(200);
      expect((two.json() as TAssignmentResult).unmatched).toEqual([]);
    });

    it('refuses at most 0 meetings per client (400 at body.maxMeetingsPerClient)', async () => {
      const res = await dus.post('/api/matching/assignment', {
        clientIds: [f.kfzClientId],
        companyIds: [f.workshopId],
        slots: 2,
        maxMeetingsPerClient: 0,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        {
          field: 'body.maxMeetingsPerClient',
          code: 'too_small',
          message: 'Der Wert muss mindestens 1 sein.',
        },
      ]);
    });

    it('names unknown and other-office ids (404) and refuses neither or both of places and companies (400)', async () => {
      const foreign = await hagen.post('/api/matching/assignment', {
        clientIds: [f.kfzClientId],
        companyIds: [f.workshopId],
        slots: 2,
      });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().errors).toEqual([
        expect.objectContaining({ field: 'body.clientIds.0', code: 'not_found' }),
        expect.objectContaining({ field: 'body.companyIds.0', code: 'not_found' }),
      ]);
      const neither = await dus.post('/api/matching/assignment', { clientIds: [f.kfzClientId], slots: 2 });
      expect(neither.statusCode).toBe(400);
      const message = 'Bitte entweder Plätze oder Betriebe angeben, nicht beides und nicht keins.';
      expect(neither.json().errors).toEqual([
        { field: 'body.placeIds', code: 'places_or_companies', message },
      ]);
      dus.lang = 'en';
      const both = await dus.post('/api/matching/assignment', {
        clientIds: [f.kfzClientId],
        companyIds: [f.workshopId],
        placeIds: [f.workshopId],
        slots: 2,
      });
      dus.lang = 'de';
      expect(both.json().errors).toEqual([
        {
          field: 'body.placeIds',
          code: 'places_or_companies',
          message: 'Give either places or companies: not both, not neither.',
        },
      ]);
    });

    it('refuses an id or a slot label given twice, naming the repeat (400)', async () => {
      const res = await dus.post('/api/matching/assignment', {
        clientIds: [f.kfzClientId, f.kochClientId, f.kfzClientId],
        companyIds: [f.workshopId, f.workshopId],
        slots: ['10:00', '10:15', '10:00'],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        {
          field: 'body.clientIds.2',
          code: 'duplicate_entry',
          message: 'Dieser Eintrag steht weiter oben schon in der Liste.',
        },
        expect.objectContaining({ field: 'body.companyIds.1', code: 'duplicate_entry' }),
        expect.objectContaining({ field: 'body.slots.2', code: 'duplicate_entry' }),
      ]);
    });
  });
});
