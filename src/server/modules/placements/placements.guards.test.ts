import { describe, expect, it } from 'vitest';
import { addDays, usePlacementsFixture } from './placements.fixture';

describe('placements: refusals, office isolation, deletion, merge', () => {
  const f = usePlacementsFixture();

  it('refuses a second open placement for the same client and place with 409 and the existing id', async () => {
    const { clientId } = await f.client('Doppelt');
    const placeId = await f.place(await f.company('Friseur Doppelt'));
    const first = (await f.create({ clientId, placeId })).json().placement;
    const again = await f.create({ clientId, placeId, source: 'matching' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'placement_exists', existingId: first.id });
  });

  it('refuses a client without matching consent, with a clear code', async () => {
    const { clientId } = await f.client('OhneEinwilligung', { matching: false });
    const placeId = await f.place(await f.company('Friseur Einwilligung'));
    const res = await f.create({ clientId, placeId, source: 'matching' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'matching_consent_required',
      errors: [{ field: 'body.clientId', code: 'matching_consent_required' }],
    });
    expect((await f.dus.get(`/api/placements?clientId=${clientId}`)).json().total).toBe(0);
  });

  it('refuses to contact the company once the matching consent was withdrawn, but records the outcome', async () => {
    const { clientId } = await f.client('Widerruf');
    const placeId = await f.place(await f.company('Friseur Widerruf'));
    const p = (await f.create({ clientId, placeId })).json().placement;
    const { client } = (await f.dus.get(`/api/clients/${clientId}`)).json();
    const consent = client.consents.find((c: { purpose: string }) => c.purpose === 'matching');
    const w = await f.dus.post(`/api/clients/${clientId}/consents/${consent.id}/withdraw`, {
      withdrawnOn: f.today,
    });
    expect(w.statusCode, w.body).toBe(200);
    const res = await f.move(p.id, { stage: 'company_contacted', on: f.today });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'matching_consent_required',
      errors: [{ field: 'body.stage' }],
    });
    expect((await f.move(p.id, { stage: 'withdrawn', on: f.today })).statusCode).toBe(200);
  });

  it('refuses a place that is not open', async () => {
    const { clientId } = await f.client('Besetzt');
    const placeId = await f.place(await f.company('Friseur Besetzt'));
    const { place } = (await f.dus.get(`/api/places/${placeId}`)).json();
    await f.dus.patch(`/api/places/${placeId}`, { version: place.version, status: 'withdrawn' });
    const res = await f.create({ clientId, placeId });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'place_not_open', errors: [{ field: 'body.placeId' }] });
  });

  it('refuses a stale version, a step back, impossible dates and a reason for the wrong stage', async () => {
    const { clientId } = await f.client('Regeln');
    const placeId = await f.place(await f.company('Friseur Regeln'));
    const p = (await f.create({ clientId, placeId, proposedOn: addDays(f.today, -10) })).json().placement;
    const ok = await f.dus.post(`/api/placements/${p.id}/stage`, {
      version: p.version,
      stage: 'interview',
      on: addDays(f.today, -5),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await f.dus.post(`/api/placements/${p.id}/stage`, {
      version: p.version,
      stage: 'contract',
      on: f.today,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    const back = await f.move(p.id, { stage: 'company_contacted', on: f.today });
    expect(back.statusCode).toBe(400);
    expect(back.json()).toMatchObject({
      code: 'invalid_stage_change',
      errors: [{ field: 'body.stage', code: 'placement_backwards' }],
    });
    const dateCode = async (on: string) =>
      (await f.move(p.id, { stage: 'contract', on })).json().errors[0].code;
    expect(await dateCode(addDays(f.today, 1))).toBe('in_future');
    expect(await dateCode(addDays(f.today, -6))).toBe('before_previous_change');
    const early = await f.create({
      clientId,
      placeId: await f.place(await f.company('Früh')),
      proposedOn: addDays(f.today, 1),
    });
    expect(early.json().errors[0]).toMatchObject({ field: 'body.proposedOn', code: 'in_future' });
    const reason = await f.move(p.id, { stage: 'contract', on: f.today, reason: 'other' });
    expect(reason.json()).toMatchObject({ code: 'invalid_stage_change', errors: [{ field: 'body.reason' }] });
    const unknown = await f.move(p.id, { stage: 'rejected', on: f.today, reason: 'bad_weather' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('validation');
  });

  it('keeps placements invisible to another office (404) and out of its lists', async () => {
    const { clientId } = await f.client('Fremd');
    const placeId = await f.place(await f.company('Friseur Fremd'));
    const p = (await f.create({ clientId, placeId })).json().placement;
    expect((await f.hagen.get(`/api/placements/${p.id}`)).statusCode).toBe(404);
    const move = await f.hagen.post(`/api/placements/${p.id}/stage`, {
      version: p.version,
      stage: 'interview',
      on: f.today,
    });
    expect(move.statusCode).toBe(404);
    expect((await f.hagen.request('DELETE', `/api/placements/${p.id}?version=${p.version}`)).statusCode).toBe(
      404,
    );
    for (const q of [`clientId=${clientId}`, `placeId=${placeId}`, '']) {
      const items = (await f.hagen.get(`/api/placements?${q}`)).json().items as Array<{ id: string }>;
      expect(items.map((i) => i.id)).not.toContain(p.id);
    }
    // Neither another office's client nor its place can be used.
    const own = await f.client('Eigen', { by: f.hagen });
    const hagenPlace = await f.place(await f.company('Friseur Hagen', f.hagen), 1, f.hagen);
    const foreignClient = await f.create({ clientId, placeId: hagenPlace }, f.hagen);
    expect(foreignClient.statusCode).toBe(404);
    expect(foreignClient.json().errors[0]).toMatchObject({ field: 'body.clientId' });
    const foreignPlace = await f.create({ clientId: own.clientId, placeId }, f.hagen);
    expect(foreignPlace.statusCode).toBe(404);
    expect(foreignPlace.json().errors[0]).toMatchObject({ field: 'body.placeId' });
    expect((await f.dus.get(`/api/placements/${p.id}`)).json().placement.version).toBe(p.version);
  });

  it('deletes a mistaken placement only while it is proposed', async () => {
    const { clientId } = await f.client('Loeschen');
    const placeId = await f.place(await f.company('Friseur Löschen'));
    const p = (await f.create({ clientId, placeId })).json().placement;
    const stale = await f.dus.request('DELETE', `/api/placements/${p.id}?version=${p.version + 1}`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    const del = await f.dus.request('DELETE', `/api/placements/${p.id}?version=${p.version}`);
    expect(del.statusCode, del.body).toBe(200);
    expect((await f.dus.get(`/api/placements/${p.id}`)).statusCode).toBe(404);
    const q = (await f.create({ clientId, placeId })).json().placement;
    const moved = (await f.move(q.id, { stage: 'company_contacted', on: f.today })).json().placement;
    const refused = await f.dus.request('DELETE', `/api/placements/${q.id}?version=${moved.version}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('placement_not_deletable');
  });

  it('moves the placements of a merged client to the kept one, withdrawing a clashing open one', async () => {
    const mk = async (givenNames: string) => {
      const c = (
        await f.dus.post('/api/clients', {
          givenNames,
          familyName: 'Zusammen',
          dateOfBirth: '2005-02-02',
          counsellingConsent: { givenOn: '2025-01-15', form: 'paper' },
        })
      ).json().client;
      await f.dus.post(`/api/clients/${c.id}/consents`, {
        purpose: 'matching',
        givenOn: '2025-01-15',
        form: 'paper',
      });
      return c.id as string;
    };
    const keep = await mk('Amal');
    const other = await mk('Amal B.');
    const companyId = await f.company('Friseur Zusammen');
    const shared = await f.place(companyId);
    const single = await f.place(companyId);
    const kept = (await f.create({ clientId: keep, placeId: shared })).json().placement;
    const clash = (await f.create({ clientId: other, placeId: shared })).json().placement;
    const moved = (await f.create({ clientId: other, placeId: single })).json().placement;
    const { client } = (await f.dus.get(`/api/clients/${keep}`)).json();
    const merge = await f.dus.post(`/api/clients/${keep}/merge`, { otherId: other, version: client.version });
    expect(merge.statusCode, merge.body).toBe(200);
    const list = (await f.dus.get(`/api/placements?clientId=${keep}`)).json().items as Array<{
      id: string;
      stage: string;
    }>;
    expect(Object.fromEntries(list.map((p) => [p.id, p.stage]))).toEqual({
      [kept.id]: 'proposed',
      [clash.id]: 'withdrawn',
      [moved.id]: 'proposed',
    });
  });
});
