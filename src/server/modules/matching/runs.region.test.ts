import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMatchRun, TMatchRunResult } from '../../../contracts/matching';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { insertMatchingConsents, officeIdOf } from './matching.fixture';

describe('matching: region runs (a coordinator runs every office of the region, one part per office)', () => {
  let t: TestApp;
  let coordinator: TestClient;
  let dus: TestClient;
  let hagen: TestClient;
  let ids: { state: string; dus: string; hagen: string };

  /** Polls a run as `who` until it has ended. */
  const waitFor = async (who: TestClient, id: string): Promise<TMatchRun> => {
    for (let i = 0; i < 1500; i++) {
      const res = await who.get(`/api/matching/runs/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      const run = res.json() as TMatchRun;
      if (run.status === 'done' || run.status === 'failed') return run;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('run did not end');
  };
  /** Every result row of a run as `who`, without the record summaries. */
  const results = async (who: TestClient, id: string) => {
    const out: Array<Pick<TMatchRunResult, 'direction' | 'clientId' | 'placeId' | 'rank' | 'score'>> = [];
    for (let offset = 0; ; offset += 200) {
      const res = await who.get(`/api/matching/runs/${id}/results?limit=200&offset=${offset}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: TMatchRunResult[]; total: number };
      out.push(
        ...page.items.map(({ direction, clientId, placeId, rank, score }) => ({
          direction,
          clientId,
          placeId,
          rank,
          score,
        })),
      );
      if (out.length >= page.total || page.items.length === 0) return out;
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.client(DEMO.coordinator);
    dus = await t.client(DEMO.counsellor);
    hagen = await t.client(DEMO.counsellorHagen);
    ids = {
      state: await officeIdOf(t.handle.db, 'Landesstelle'),
      dus: await officeIdOf(t.handle.db, 'Düsseldorf'),
      hagen: await officeIdOf(t.handle.db, 'Hagen'),
    };
  });
  afterAll(() => t.close());

  it('runs each office on its own data; the offices see their part, the coordinator only counts', async () => {
    const body = { scope: 'region', k: 5, direction: 'both', filters: {} };
    const start = await coordinator.post('/api/matching/runs', body);
    expect(start.statusCode, start.body).toBe(202);
    const queued = start.json() as TMatchRun;
    expect(queued).toMatchObject({ scope: 'region', officeId: ids.state, region: null });
    const run = await waitFor(coordinator, queued.id);
    expect(run.status).toBe('done');
    const parts = run.parts ?? [];
    expect(parts.map((p) => p.officeId).sort()).toEqual([ids.state, ids.dus, ids.hagen].sort());
    expect(parts[0]?.officeId).toBe(ids.state); // own office first
    expect(parts.every((p) => p.status === 'done')).toBe(true);
    // The coordinator's own part opens as a run; the offices below show counts only.
    expect(parts.find((p) => p.officeId === ids.state)?.runId).toEqual(expect.any(String));
    const dusPart = parts.find((p) => p.officeId === ids.dus);
    const hagenPart = parts.find((p) => p.officeId === ids.hagen);
    expect(dusPart?.runId).toBeNull();
    expect(hagenPart?.runId).toBeNull();

    // Düsseldorf sees its part as an ordinary office run that names the region run, with its own lists.
    const dusRuns = (await dus.get('/api/matching/runs?limit=5')).json().items as TMatchRun[];
    const mine = dusRuns.find((r) => r.region?.runId === run.id);
    expect(mine).toMatchObject({ scope: 'office', officeId: ids.dus, status: 'done', parts: null });
    expect(mine?.region?.officeName).toMatch(/Landesstelle/);
    if (!mine) return;
    expect((await hagen.get(`/api/matching/runs/${mine.id}`)).statusCode).toBe(404);
    expect((await coordinator.get(`/api/matching/runs/${mine.id}`)).statusCode).toBe(404);
    expect((await dus.get(`/api/matching/runs/${run.id}`)).statusCode).toBe(404);

    // The part's lists are those of an office run of Düsseldorf with the same parameters on the same data.
    const own = await waitFor(
      dus,
      (await dus.post('/api/matching/runs', { ...body, scope: 'office' })).json().id,
    );
    expect(own.dataStamp).toBe(mine.dataStamp);
    const lists = await results(dus, mine.id);
    expect(lists.length).toBeGreaterThan(0);
    expect(lists).toEqual(await results(dus, own.id));

    // The coordinator's counts are those of the parts: clients with at least one place, places with a client.
    const clientsWith = new Set(lists.filter((r) => r.direction === 'places').map((r) => r.clientId)).size;
    const placesWith = new Set(lists.filter((r) => r.direction === 'clients').map((r) => r.placeId)).size;
    expect(dusPart?.stats).toEqual({
      clients: mine.counts.clients,
      clientsWithSuggestions: clientsWith,
      places: mine.counts.places,
      placesWithCandidates: placesWith,
    });
    const hagenRun = ((await hagen.get('/api/matching/runs?limit=5')).json().items as TMatchRun[]).find(
      (r) => r.region?.runId === run.id,
    );
    expect(run.counts.places).toBe(mine.counts.places + (hagenRun?.counts.places ?? Number.NaN));
    expect(run.counts.clients).toBe((mine.counts.clients ?? 0) + (hagenRun?.counts.clients ?? Number.NaN));
    expect(run.counts.results).toBe((mine.counts.results ?? 0) + (hagenRun?.counts.results ?? Number.NaN));
    expect(run.progress).toEqual({ done: run.progress.total, total: run.progress.total, percent: 100 });

    // The coordinator's results are their own office's lists (the Landesstelle has no clients of its own).
    const stateResults = (await coordinator.get(`/api/matching/runs/${run.id}/results`)).json();
    expect(stateResults).toEqual({ items: [], total: 0 });
    // Their list shows the region run once (its own part is inside it).
    const listed = (await coordinator.get('/api/matching/runs?limit=20')).json().items as TMatchRun[];
    expect(listed.filter((r) => r.id === run.id)).toHaveLength(1);
    expect(listed.some((r) => r.region?.runId === run.id)).toBe(false);

    // Every office's audit trail records the run started in it.
    const audited = await t.handle.db
      .selectFrom('audit_log')
      .select(['office_id', 'entity_id'])
      .where('entity_type', '=', 'match_run')
      .where('action', '=', 'create')
      .where(
        'entity_id',
        'in',
        parts
          .map((p) => p.runId ?? '')
          .filter(Boolean)
          .concat(run.id, mine.id, hagenRun?.id ?? ''),
      )
      .execute();
    expect(audited.map((a) => a.office_id).sort()).toEqual([ids.state, ids.state, ids.dus, ids.hagen].sort());
  });

  it('gives away no small count of an office below: not in its part, the sums or the progress', async () => {
    // A new service centre with three people (consenting, in Düsseldorf: they get suggestions of their own).
    const admin = await t.client(DEMO.admin);
    const office = await admin.post('/api/offices', {
      parentId: ids.state,
      kind: 'service_centre',
      name: 'KAUSA Servicestelle Kleindorf',
      landCode: '05',
    });
    expect(office.statusCode, office.body).toBe(201);
    const small = office.json().office.id as string;
    const db = t.handle.db;
    for (const given of ['Ada', 'Ben', 'Cem']) {
      const c = await db
        .insertInto('client')
        .values({
          office_id: small,
          given_names: given,
          family_name: 'Kleindorf',
          postcode: '40210',
          languages: JSON.stringify([]),
          wished_occupation_ids: [],
          name_keys: [],
          search_text: `${given} kleindorf`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertMatchingConsents(db, small, [c.id]);
    }
    const run = await waitFor(
      coordinator,
      (await coordinator.post('/api/matching/runs', { scope: 'region', k: 1, direction: 'both' })).json().id,
    );
    expect(run.status).toBe('done');
    const part = run.parts?.find((p) => p.officeId === small);
    expect(part?.stats).toMatchObject({ clients: null, clientsWithSuggestions: null });
    // The sums would give the 3 away by difference (the other parts show theirs): withheld.
    expect(run.counts).toMatchObject({ clients: null, results: null });
    // Progress counts percent, not rows (rows are people and places).
    expect(run.progress).toEqual({ done: 100, total: 100, percent: 100 });
    expect(JSON.stringify(run)).not.toMatch(/"(clients|clientsWithSuggestions)":3\b/);
  });

  it('is for coordinators only (403 for a counsellor)', async () => {
    const res = await dus.post('/api/matching/runs', { scope: 'region', k: 5 });
    expect(res.statusCode).toBe(403);
  });
});
