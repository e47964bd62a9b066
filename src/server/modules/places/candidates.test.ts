import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { insertTestCompany, officeIdOf } from './places.fixture';
import { todayIso } from './places.sql';

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('places: candidates and proposals (passgenaue Besetzung)', () => {
  let t: TestApp;
  let dus: TestClient;
  let hagen: TestClient;
  let placeId: string;
  let matched: { id: string; consentId: string };
  let unconsented: string;
  let foreignClient: string;
  const today = todayIso();

  /** A client of the office with a counselling consent and, when `matching`, a matching consent. */
  const client = async (c: TestClient, familyName: string, matching: boolean) => {
    const res = await c.post('/api/clients', {
      givenNames: 'Amina',
      familyName,
      dateOfBirth: '2005-02-03',
      counsellingConsent: { givenOn: addDays(today, -30), form: 'paper' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().client.id as string;
    let consentId = '';
    if (matching) {
      const consent = await c.post(`/api/clients/${id}/consents`, {
        purpose: 'matching',
        givenOn: addDays(today, -30),
        form: 'paper',
      });
      expect(consent.statusCode, consent.body).toBe(201);
      consentId = consent.json().consent.id;
    }
    return { id, consentId };
  };
  const add = (body: Record<string, unknown>, place = placeId, c = dus) =>
    c.post(`/api/places/${place}/candidates`, body);
  const candidates = async () => (await dus.get(`/api/places/${placeId}/candidates`)).json();
  const auditOf = (entityType: string, action: string) =>
    t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', entityType)
      .where('action', '=', action)
      .execute();

  beforeAll(async () => {
    t = await createTestApp();
    dus = await t.client(DEMO.counsellor);
    hagen = await t.client(DEMO.counsellorHagen);
    const company = await insertTestCompany(t.handle.db, {
      officeId: await officeIdOf(t.handle.db, 'Düsseldorf'),
      name: 'Autohaus Demir',
      postcode: '40591',
    });
    const place = await dus.post('/api/places', {
      companyId: company,
      kind: 'apprenticeship',
      occupationId: 'kraftfahrzeugmechatroniker',
      startsOn: `${Number(today.slice(0, 4)) + 1}-08-01`,
    });
    expect(place.statusCode, place.body).toBe(201);
    placeId = place.json().place.id;
    matched = await client(dus, 'Passgenau', true);
    unconsented = (await client(dus, 'Ohne Einwilligung', false)).id;
    foreignClient = (await client(hagen, 'Hagener', true)).id;
  });
  afterAll(() => t.close());

  it('refuses a client without an active matching consent with a clear 422 naming body.clientId', async () => {
    const res = await add({ clientId: unconsented, assessment: 'suitable' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'matching_consent_required',
      errors: [{ field: 'body.clientId', code: 'matching_consent_required' }],
    });
    expect(res.json().detail).toMatch(/Einwilligung in das Matching/);
  });

  it("refuses another office's client with 404", async () => {
    const res = await add({ clientId: foreignClient, assessment: 'suitable' });
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.clientId', code: 'not_found' });
  });

  it('adds a consenting client once, lists it with the name, and audits the read', async () => {
    const res = await add({
      clientId: matched.id,
      assessment: 'suitable_with_support',
      assessmentNote: 'Braucht Sprachförderung (B1 angestrebt)',
      source: 'matching',
      score: 82.5,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().candidate).toMatchObject({
      clientId: matched.id,
      clientName: 'Amina Passgenau',
      assessment: 'suitable_with_support',
      source: 'matching',
      score: 82.5,
      proposalId: null,
      answer: null,
      addedByName: 'Deniz Beratung',
      version: 1,
    });
    const again = await add({ clientId: matched.id, assessment: 'suitable' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toMatchObject({ field: 'body.clientId', code: 'already_candidate' });
    const list = await candidates();
    expect(list.items.map((c: { clientName: string }) => c.clientName)).toEqual(['Amina Passgenau']);
    const reads = await auditOf('place_candidate', 'read');
    expect(reads.at(-1)).toMatchObject({ entity_id: placeId, details: { clientIds: [matched.id] } });
    expect((await auditOf('place_candidate', 'create')).length).toBeGreaterThanOrEqual(1);
    expect((await dus.get(`/api/places/${placeId}`)).json().place.candidateCount).toBe(1);
  });

  it('updates the assessment with its version and answers 409 when stale', async () => {
    const c = (await candidates()).items[0];
    const url = `/api/places/${placeId}/candidates/${c.id}`;
    const ok = await dus.patch(url, { version: c.version, assessment: 'suitable' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().candidate).toMatchObject({ assessment: 'suitable', version: c.version + 1 });
    expect((await dus.patch(url, { version: c.version, assessment: 'not_suitable' })).statusCode).toBe(409);
    expect((await auditOf('place_candidate', 'update')).length).toBeGreaterThanOrEqual(1);
  });

  it('records an answer only after a proposal; the proposal marks the candidates as proposed', async () => {
    const c = (await candidates()).items[0];
    const answerUrl = `/api/places/${placeId}/candidates/${c.id}/answer`;
    const early = await dus.request('PUT', answerUrl, {
      version: c.version,
      answer: 'interview',
      answerOn: today,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0]).toMatchObject({
      field: 'params.candidateId',
      code: 'candidate_not_proposed',
    });

    const future = await dus.post(`/api/places/${placeId}/proposals`, {
      sentOn: addDays(today, 1),
      channel: 'email',
      candidateIds: [c.id],
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ field: 'body.sentOn', code: 'in_future' });
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const unknown = await dus.post(`/api/places/${placeId}/proposals`, {
      sentOn: today,
      channel: 'email',
      candidateIds: [c.id, unknownId],
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].field).toBe('body.candidateIds.1');

    const sentOn = addDays(today, -2);
    const proposal = await dus.post(`/api/places/${placeId}/proposals`, {
      sentOn,
      channel: 'email',
      note: 'Lebenslauf und Kurzprofil per E-Mail',
      candidateIds: [c.id],
    });
    expect(proposal.statusCode, proposal.body).toBe(201);
    expect(proposal.json().proposal).toMatchObject({ sentOn, channel: 'email', candidateIds: [c.id] });
    const twice = await dus.post(`/api/places/${placeId}/proposals`, {
      sentOn,
      channel: 'phone',
      candidateIds: [c.id],
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0]).toMatchObject({ field: 'body.candidateIds.0', code: 'already_proposed' });

    const list = await candidates();
    const proposed = list.items[0];
    expect(proposed).toMatchObject({ proposalId: proposal.json().proposal.id, proposedOn: sentOn });
    expect(list.proposals).toHaveLength(1);
    expect((await auditOf('place_proposal', 'create')).at(-1)?.details).toMatchObject({
      clientIds: [matched.id],
    });

    const noReason = await dus.request('PUT', answerUrl, {
      version: proposed.version,
      answer: 'rejected',
      answerOn: today,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'body.reason', code: 'required' });
    const beforeProposal = await dus.request('PUT', answerUrl, {
      version: proposed.version,
      answer: 'interview',
      answerOn: addDays(sentOn, -1),
    });
    expect(beforeProposal.json().errors[0]).toMatchObject({
      field: 'body.answerOn',
      code: 'before_proposal',
    });
    const answered = await dus.request('PUT', answerUrl, {
      version: proposed.version,
      answer: 'rejected',
      answerOn: today,
      reason: 'Führerschein fehlt',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().candidate).toMatchObject({
      answer: 'rejected',
      answerOn: today,
      answerReason: 'Führerschein fehlt',
      version: proposed.version + 1,
    });
    const stale = await dus.request('PUT', answerUrl, {
      version: proposed.version,
      answer: 'interview',
      answerOn: today,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses a proposal when the matching consent was withdrawn after the candidate was added', async () => {
    const other = await client(dus, 'Widerruf', true);
    const added = await add({ clientId: other.id, assessment: 'suitable' });
    expect(added.statusCode, added.body).toBe(201);
    const withdrawn = await dus.post(`/api/clients/${other.id}/consents/${other.consentId}/withdraw`, {
      withdrawnOn: today,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const res = await dus.post(`/api/places/${placeId}/proposals`, {
      sentOn: today,
      channel: 'letter',
      candidateIds: [added.json().candidate.id],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'matching_consent_required',
      errors: [{ field: 'body.candidateIds.0', code: 'matching_consent_required' }],
    });
    expect(
      (await candidates()).items.find((c: { clientId: string }) => c.clientId === other.id).proposalId,
    ).toBeNull();
  });

  it('keeps candidates of Düsseldorf invisible and untouchable for Hagen', async () => {
    const c = (await candidates()).items[0];
    expect((await hagen.get(`/api/places/${placeId}/candidates`)).statusCode).toBe(404);
    expect((await add({ clientId: foreignClient, assessment: 'suitable' }, placeId, hagen)).statusCode).toBe(
      404,
    );
    expect(
      (await hagen.patch(`/api/places/${placeId}/candidates/${c.id}`, { version: c.version })).statusCode,
    ).toBe(404);
    expect((await hagen.request('DELETE', `/api/places/${placeId}/candidates/${c.id}`)).statusCode).toBe(404);
  });

  it('moves candidacies to the kept client when two clients are merged (one row where both were candidates)', async () => {
    const kept = await client(dus, 'Zusammen', true);
    const doubled = await client(dus, 'Zusammen', true);
    expect((await add({ clientId: doubled.id, assessment: 'suitable' })).statusCode).toBe(201);
    const before = (await candidates()).items.length;
    const keptNow = (await dus.get(`/api/clients/${kept.id}`)).json().client;
    const merge = await dus.post(`/api/clients/${kept.id}/merge`, {
      otherId: doubled.id,
      version: keptNow.version,
    });
    expect(merge.statusCode, merge.body).toBe(200);
    const after = (await candidates()).items as Array<{ clientId: string }>;
    expect(after).toHaveLength(before);
    expect(after.some((c) => c.clientId === kept.id)).toBe(true);
    expect(after.some((c) => c.clientId === doubled.id)).toBe(false);

    // Both were candidates: the merge leaves one candidacy for the kept client.
    const twin = await client(dus, 'Doppelt', true);
    const twin2 = await client(dus, 'Doppelt', true);
    await add({ clientId: twin.id, assessment: 'suitable' });
    await add({ clientId: twin2.id, assessment: 'not_suitable' });
    const twinNow = (await dus.get(`/api/clients/${twin.id}`)).json().client;
    expect(
      (await dus.post(`/api/clients/${twin.id}/merge`, { otherId: twin2.id, version: twinNow.version }))
        .statusCode,
    ).toBe(200);
    const rows = ((await candidates()).items as Array<{ clientId: string; assessment: string }>).filter(
      (c) => c.clientId === twin.id || c.clientId === twin2.id,
    );
    expect(rows).toEqual([expect.objectContaining({ clientId: twin.id, assessment: 'suitable' })]);
  });

  it('removes a candidate (audited) and takes no candidates on a place that is no longer open', async () => {
    const before = (await candidates()).items;
    const target = before.find((c: { clientName: string }) => c.clientName === 'Amina Widerruf');
    const removed = await dus.request('DELETE', `/api/places/${placeId}/candidates/${target.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await candidates()).items).toHaveLength(before.length - 1);
    expect((await auditOf('place_candidate', 'delete')).at(-1)).toMatchObject({ entity_id: target.id });
    const place = (await dus.get(`/api/places/${placeId}`)).json().place;
    await dus.patch(`/api/places/${placeId}`, { version: place.version, status: 'filled' });
    const late = await add({ clientId: matched.id, assessment: 'suitable' });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'place_not_open', errors: [{ field: 'params.id' }] });
  });
});
