import { describe, expect, it } from 'vitest';
import { addDays, usePlacementsFixture } from './placements.fixture';

describe('placements: from a suggestion to a contract, feeding the case, company and place', () => {
  const f = usePlacementsFixture();

  it('creates a placement from a suggestion: proposed, score from the engine, case moved to applying, client a candidate', async () => {
    const { clientId, caseId } = await f.client('Haddad');
    const companyId = await f.company('Friseur Vermittlung Eins');
    const placeId = await f.place(companyId);
    const proposedOn = addDays(f.today, -20);
    // A forged score is ignored: the server asks the matching engine itself.
    const forged = { score: 1, factors: [], flags: [] };
    const res = await f.create({ clientId, placeId, source: 'matching', score: forged, proposedOn });
    expect(res.statusCode, res.body).toBe(201);
    const { placement } = res.json();
    const engine = (await f.dus.get(`/api/matching/explain?clientId=${clientId}&placeId=${placeId}`)).json();
    expect(engine.excluded).toBeNull();
    expect(placement.score).toEqual({ score: engine.score, factors: engine.factors, flags: engine.flags });
    expect(placement.score.score).toBeLessThan(1);
    expect(placement.score.factors.length).toBeGreaterThan(0);
    expect(placement).toMatchObject({
      client: { id: clientId, name: 'Vermittlung Haddad' },
      place: {
        id: placeId,
        kind: 'apprenticeship',
        occupationId: 'friseur',
        seats: 1,
        status: 'open',
        company: { id: companyId, name: 'Friseur Vermittlung Eins', stage: 'identified' },
      },
      stage: 'proposed',
      stageOn: proposedOn,
      proposedOn,
      source: 'matching',
      rejectionReason: null,
      trialKind: null,
      createdByName: 'Deniz Beratung',
      version: 1,
    });
    expect(placement.history).toEqual([
      expect.objectContaining({
        fromStage: null,
        toStage: 'proposed',
        on: proposedOn,
        changedByName: 'Deniz Beratung',
      }),
    ]);
    const kase = await f.getCase(caseId);
    expect(kase.stage).toBe('applying');
    expect(kase.history.at(-1)).toMatchObject({
      fromStage: 'first_contact',
      toStage: 'applying',
      changedOn: proposedOn,
    });
    // The client shows as a pre-selected candidate from matching on the place (score 0–100).
    const { items } = (await f.dus.get(`/api/places/${placeId}/candidates`)).json();
    expect(items).toEqual([
      expect.objectContaining({
        clientId,
        source: 'matching',
        score: Math.round(engine.score * 100),
        assessment: null,
      }),
    ]);
  });

  it('leaves a case that is already further along where it is', async () => {
    const { clientId, caseId } = await f.client('Weiter');
    const kase = await f.getCase(caseId);
    const moved = await f.dus.post(`/api/cases/${caseId}/stage`, {
      version: kase.version,
      stage: 'placed',
      changedOn: f.today,
      note: 'Vertrag anderswo',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const placeId = await f.place(await f.company('Friseur Weiter'));
    expect((await f.create({ clientId, placeId })).statusCode).toBe(201);
    expect((await f.getCase(caseId)).stage).toBe('placed');
  });

  it('goes through contact, interview and EQ to a contract: case placed on the contract day, company training, place filled', async () => {
    const { clientId, caseId } = await f.client('Vertrag');
    const companyId = await f.company('Salon Amsel');
    const placeId = await f.place(companyId);
    const created = (await f.create({ clientId, placeId, proposedOn: addDays(f.today, -20) })).json()
      .placement;
    expect(created.source).toBe('manual');
    expect(created.score).toBeNull();
    const steps = [
      { stage: 'company_contacted', on: addDays(f.today, -18) },
      { stage: 'interview', on: addDays(f.today, -14), note: 'Gespräch gut gelaufen' },
      { stage: 'internship_or_eq', on: addDays(f.today, -10), trialKind: 'entry_qualification' },
    ];
    for (const s of steps) {
      const r = await f.move(created.id, s);
      expect(r.statusCode, r.body).toBe(200);
    }
    // The trial phase moves nothing: the case stays applying.
    expect((await f.getCase(caseId)).stage).toBe('applying');
    const contractOn = addDays(f.today, -3);
    const done = await f.move(created.id, { stage: 'contract', on: contractOn });
    expect(done.statusCode, done.body).toBe(200);
    const { placement } = done.json();
    expect(placement).toMatchObject({
      stage: 'contract',
      stageOn: contractOn,
      trialKind: 'entry_qualification',
    });
    expect(placement.history.map((h: { toStage: string }) => h.toStage)).toEqual([
      'proposed',
      'company_contacted',
      'interview',
      'internship_or_eq',
      'contract',
    ]);
    expect(placement.history[2]).toMatchObject({ note: 'Gespräch gut gelaufen' });
    expect(placement.place).toMatchObject({ status: 'filled', company: { stage: 'training' } });

    const kase = await f.getCase(caseId);
    expect(kase.stage).toBe('placed');
    // `placed` needs a training contract or a note (DOMAIN.md): the automatic move notes the placement.
    expect(kase.history.at(-1)).toMatchObject({
      fromStage: 'applying',
      toStage: 'placed',
      changedOn: contractOn,
      note: 'Ausbildungsvertrag laut Vermittlung: Salon Amsel',
    });
    // The company's chamber is not recorded: the note stands for the contract until the counsellor records it.
    expect(kase.contract).toBeNull();
    const { company } = (await f.dus.get(`/api/companies/${companyId}`)).json();
    expect(company.stage).toBe('training');
    // The company was recorded today: its move is dated today, not before its last change.
    const companyRows = await f.t.handle.db
      .selectFrom('company_stage_change')
      .select(['to_stage', 'changed_on'])
      .where('company_id', '=', companyId)
      .orderBy('created_at')
      .execute();
    expect(companyRows.map((r) => r.to_stage)).toEqual(['identified', 'training']);
    expect((await f.dus.get(`/api/places/${placeId}`)).json().place.status).toBe('filled');
    // A contract goes nowhere back along the pipeline.
    const again = await f.move(created.id, { stage: 'interview', on: f.today });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0]).toMatchObject({ field: 'body.stage', code: 'placement_closed' });
  });

  it('records the training contract on the case from the place, with the EQ before it and the counsellor’s note', async () => {
    const { clientId, caseId } = await f.client('Kammer');
    const res = await f.dus.post('/api/companies', {
      name: 'Salon Kammer',
      postcode: '40210',
      chamber: 'hwk',
    });
    expect(res.statusCode, res.body).toBe(201);
    const placeId = await f.place(res.json().company.id);
    const created = (await f.create({ clientId, placeId, proposedOn: addDays(f.today, -20) })).json()
      .placement;
    const eq = { stage: 'internship_or_eq', on: addDays(f.today, -10), trialKind: 'entry_qualification' };
    expect((await f.move(created.id, eq)).statusCode).toBe(200);
    const on = addDays(f.today, -2);
    const done = await f.move(created.id, { stage: 'contract', on, note: 'Vertrag unterschrieben' });
    expect(done.statusCode, done.body).toBe(200);
    const kase = await f.getCase(caseId);
    expect(kase.history.at(-1)).toMatchObject({
      toStage: 'placed',
      note: 'Ausbildungsvertrag laut Vermittlung: Salon Kammer\nVertrag unterschrieben',
    });
    expect(kase.contract).toMatchObject({
      companyName: 'Salon Kammer',
      companyPostcode: '40210',
      occupationId: 'friseur',
      startsOn: `${Number(f.today.slice(0, 4)) + 1}-08-01`,
      chamber: 'HWK',
      signedOn: on,
      precededBy: 'entry_qualification',
      terminatedOn: null,
    });
  });

  it('refuses a training contract on an internship place (400); its trial stage is where it ends', async () => {
    const { clientId, caseId } = await f.client('Praktikum');
    const companyId = await f.company('Praktikumsbetrieb Ulme');
    const placeId = await f.place(companyId, 1, f.dus, 'internship');
    const created = (await f.create({ clientId, placeId })).json().placement;
    const trial = await f.move(created.id, {
      stage: 'internship_or_eq',
      on: f.today,
      trialKind: 'internship',
    });
    expect(trial.statusCode, trial.body).toBe(200);
    f.dus.lang = 'en';
    const contract = await f.move(created.id, { stage: 'contract', on: f.today });
    f.dus.lang = 'de';
    expect(contract.statusCode).toBe(400);
    expect(contract.json()).toMatchObject({
      code: 'contract_needs_apprenticeship',
      errors: [
        {
          field: 'body.stage',
          code: 'contract_needs_apprenticeship',
          message: 'A training contract is only possible on an apprenticeship place.',
        },
      ],
    });
    expect((await f.getCase(caseId)).stage).toBe('applying');
    expect((await f.dus.get(`/api/places/${placeId}`)).json().place.status).toBe('open');
    expect((await f.dus.get(`/api/companies/${companyId}`)).json().company.stage).not.toBe('training');
  });

  it('lets a mistaken contract be withdrawn: the place reopens, the case and company stay, notices say so', async () => {
    const { clientId, caseId } = await f.client('Irrtum');
    const companyId = await f.company('Friseur Irrtum');
    const placeId = await f.place(companyId);
    const p = (await f.create({ clientId, placeId })).json().placement;
    const signed = await f.move(p.id, { stage: 'contract', on: f.today });
    expect(signed.json()).toMatchObject({ notices: [], placement: { place: { status: 'filled' } } });
    const res = await f.move(p.id, { stage: 'withdrawn', on: f.today, note: 'Versehentlich erfasst' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().notices).toEqual(['case_not_moved_back', 'company_not_moved_back', 'place_reopened']);
    expect(res.json().placement).toMatchObject({ stage: 'withdrawn', place: { status: 'open' } });
    expect(res.json().placement.history.map((h: { toStage: string }) => h.toStage)).toEqual([
      'proposed',
      'contract',
      'withdrawn',
    ]);
    // Nothing moves back automatically: the counsellor moves the case (training-contract dissolution).
    expect((await f.getCase(caseId)).stage).toBe('placed');
    expect((await f.dus.get(`/api/companies/${companyId}`)).json().company.stage).toBe('training');
    // Only one exit: the withdrawn placement is closed; a new attempt on the reopened place is possible.
    const more = await f.move(p.id, { stage: 'rejected', on: f.today, reason: 'contract_cancelled' });
    expect(more.statusCode).toBe(400);
    expect(more.json().errors[0]).toMatchObject({ code: 'placement_closed' });
    expect((await f.create({ clientId, placeId })).statusCode).toBe(201);
    const placeAudit = await f.t.handle.db
      .selectFrom('audit_log')
      .select('details')
      .where('entity_type', '=', 'training_place')
      .where('entity_id', '=', placeId)
      .where('action', '=', 'update')
      .orderBy('at')
      .execute();
    expect(placeAudit.map((r) => r.details)).toEqual([
      expect.objectContaining({ to: 'filled', automatic: true }),
      expect.objectContaining({ from: 'filled', to: 'open', automatic: true, placementId: p.id }),
    ]);
  });

  it('records a contract broken off later as rejected (contract_cancelled); that reason is refused elsewhere', async () => {
    const { clientId } = await f.client('Aufgeloest');
    const companyId = await f.company('Friseur Aufgelöst');
    const placeId = await f.place(companyId, 2);
    const early = (await f.create({ clientId, placeId })).json().placement;
    const wrong = await f.move(early.id, { stage: 'rejected', on: f.today, reason: 'contract_cancelled' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({
      field: 'body.reason',
      code: 'reason_only_after_contract',
    });
    await f.move(early.id, { stage: 'contract', on: f.today });
    const res = await f.move(early.id, {
      stage: 'rejected',
      on: f.today,
      reason: 'contract_cancelled',
      note: 'In der Probezeit aufgelöst',
    });
    expect(res.statusCode, res.body).toBe(200);
    // The place with two seats was never filled: nothing to reopen.
    expect(res.json().notices).toEqual(['case_not_moved_back', 'company_not_moved_back']);
    expect(res.json().placement).toMatchObject({
      stage: 'rejected',
      rejectionReason: 'contract_cancelled',
      place: { status: 'open' },
    });
  });

  it('refuses source matching for a pair the engine excludes; the same pair may be created by hand', async () => {
    const { clientId } = await f.client('Ausgeschlossen');
    const placeId = await f.place(await f.company('Friseur Ausgeschlossen'));
    // No postcode and no wish any more: nothing the engine can match on.
    const { client } = (await f.dus.get(`/api/clients/${clientId}`)).json();
    const upd = await f.dus.patch(`/api/clients/${clientId}`, {
      version: client.version,
      postcode: null,
      wishedOccupationIds: [],
    });
    expect(upd.statusCode, upd.body).toBe(200);
    const res = await f.create({
      clientId,
      placeId,
      source: 'matching',
      score: { score: 1, factors: [], flags: [] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'match_excluded', errors: [{ field: 'body.source' }] });
    const manual = await f.create({
      clientId,
      placeId,
      source: 'manual',
      score: { score: 1, factors: [], flags: [] },
    });
    expect(manual.statusCode, manual.body).toBe(201);
    expect(manual.json().placement).toMatchObject({ source: 'manual', score: null });
  });

  it('fills a place with two seats only when the second contract is signed', async () => {
    const { pa, pb } = await f.twoOnOnePlace('Friseur Zwei Plätze', 2);
    expect((await f.move(pa.id, { stage: 'contract', on: f.today })).json().placement.place.status).toBe(
      'open',
    );
    expect((await f.move(pb.id, { stage: 'contract', on: f.today })).json().placement.place.status).toBe(
      'filled',
    );
  });

  it('refuses a contract once contracts take every seat, also for two contracts signed at the same moment', async () => {
    const { b, pa, pb } = await f.twoOnOnePlace('Friseur Ein Platz', 1);
    expect((await f.move(pa.id, { stage: 'contract', on: f.today })).statusCode).toBe(200);
    const second = await f.move(pb.id, { stage: 'contract', on: f.today });
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json()).toMatchObject({
      code: 'place_seats_taken',
      seats: 1,
      contracts: 1,
      errors: [{ field: 'body.stage', code: 'place_seats_taken' }],
    });
    // Nothing of the refused move happened: the placement is still proposed, the case still applying.
    expect((await f.dus.get(`/api/placements/${pb.id}`)).json().placement.stage).toBe('proposed');
    expect((await f.getCase(b.caseId)).stage).toBe('applying');
    // Once the first contract is withdrawn the seat is free again.
    expect((await f.move(pa.id, { stage: 'withdrawn', on: f.today })).statusCode).toBe(200);
    expect((await f.move(pb.id, { stage: 'contract', on: f.today })).statusCode).toBe(200);

    // Two contracts for the last seat at once: the place row is locked, so exactly one gets through.
    const other = await f.twoOnOnePlace('Friseur Gleichzeitig', 1);
    const both = await Promise.all([
      f.move(other.pa.id, { stage: 'contract', on: f.today }),
      f.move(other.pb.id, { stage: 'contract', on: f.today }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const contracts = (await f.dus.get(`/api/placements?placeId=${other.placeId}`))
      .json()
      .items.filter((p: { stage: string }) => p.stage === 'contract');
    expect(contracts).toHaveLength(1);
  });

  it("keeps a place's seats and status in step with its contracts when the place is edited", async () => {
    const { placeId, pa, pb } = await f.twoOnOnePlace('Friseur Sitze Folgen', 2);
    expect((await f.move(pa.id, { stage: 'contract', on: f.today })).statusCode).toBe(200);
    expect((await f.move(pb.id, { stage: 'contract', on: f.today })).statusCode).toBe(200);
    const edit = async (body: Record<string, unknown>) => {
      const { place } = (await f.dus.get(`/api/places/${placeId}`)).json();
      return f.dus.patch(`/api/places/${placeId}`, { version: place.version, ...body });
    };
    const status = async () => (await f.dus.get(`/api/places/${placeId}`)).json().place.status;
    expect(await status()).toBe('filled');
    // Fewer seats than contracts, or open while the contracts take every seat: refused, nothing changed.
    const fewer = await edit({ seats: 1 });
    expect(fewer.statusCode, fewer.body).toBe(409);
    expect(fewer.json()).toMatchObject({
      code: 'seats_below_contracts',
      contracts: 2,
      errors: [{ field: 'body.seats', code: 'seats_below_contracts' }],
    });
    const open = await edit({ status: 'open' });
    expect(open.json()).toMatchObject({
      code: 'seats_below_contracts',
      errors: [{ field: 'body.status', code: 'place_seats_taken' }],
    });
    expect(await status()).toBe('filled');
    // A seat more reopens the place; back to two seats fills it again, as contracts would.
    expect((await edit({ seats: 3 })).json().place).toMatchObject({ seats: 3, status: 'open' });
    expect((await edit({ seats: 2 })).json().place).toMatchObject({ seats: 2, status: 'filled' });
    // After a withdrawn contract the place reopens; one seat then fits the remaining contract and fills it.
    expect((await f.move(pb.id, { stage: 'withdrawn', on: f.today })).statusCode).toBe(200);
    expect(await status()).toBe('open');
    expect((await edit({ seats: 1 })).json().place).toMatchObject({ seats: 1, status: 'filled' });
  });

  it('flags a client placed by a contract among the candidates of other places', async () => {
    const a = await f.client('Platziert');
    const placeId = await f.place(await f.company('Friseur Flagge Vertrag'), 1);
    const p = (await f.create({ clientId: a.clientId, placeId })).json().placement;
    const other = await f.place(await f.company('Friseur Flagge Danach'), 1);
    // The fixture's clients are all Friseur in 40210: enough candidates that ours is among them.
    const flagsOf = async (query = '') => {
      const res = await f.dus.get(`/api/places/${other}/matching-candidates?k=50${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.find((i: { client: { id: string } }) => i.client.id === a.clientId)?.flags as
        | string[]
        | undefined;
    };
    expect(await flagsOf()).toEqual([]);
    expect((await f.move(p.id, { stage: 'contract', on: f.today })).statusCode).toBe(200);
    // The contract moved the case to `placed`: the cached model is rebuilt and the client flagged.
    expect(await flagsOf()).toEqual(['already_placed']);
    expect(await flagsOf('&withoutFlags=true')).toBeUndefined();
    // Moving the case back by hand leaves the contract: still flagged (a fresh-user test found it unflagged).
    const kase = await f.getCase(a.caseId);
    const back = await f.dus.post(`/api/cases/${a.caseId}/stage`, {
      version: kase.version,
      stage: 'applying',
      changedOn: f.today,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(await flagsOf()).toEqual(['already_placed']);
  });

  it('records a rejection with reason and note, moves nothing back and allows a new attempt', async () => {
    const { clientId, caseId } = await f.client('Absage');
    const placeId = await f.place(await f.company('Friseur Absage'));
    const p = (await f.create({ clientId, placeId })).json().placement;
    const noReason = await f.move(p.id, { stage: 'rejected', on: f.today });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'reason_required', errors: [{ field: 'body.reason' }] });
    const res = await f.move(p.id, {
      stage: 'rejected',
      on: f.today,
      reason: 'language',
      note: 'Deutsch B1 erst im Frühjahr',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().placement).toMatchObject({
      stage: 'rejected',
      rejectionReason: 'language',
      rejectionNote: 'Deutsch B1 erst im Frühjahr',
    });
    expect(res.json().placement.history.at(-1)).toMatchObject({
      reason: 'language',
      note: 'Deutsch B1 erst im Frühjahr',
    });
    expect((await f.getCase(caseId)).stage).toBe('applying');
    // The rejected placement is closed, so a new one for the same pair may start.
    expect((await f.create({ clientId, placeId })).statusCode).toBe(201);
  });

  it('lists placements by client, place, company, stage and open/closed, newest first', async () => {
    const { clientId } = await f.client('Liste');
    const companyId = await f.company('Friseur Liste');
    const p1 = await f.place(companyId);
    const p2 = await f.place(companyId);
    const first = (await f.create({ clientId, placeId: p1 })).json().placement;
    const second = (await f.create({ clientId, placeId: p2 })).json().placement;
    await f.move(first.id, { stage: 'withdrawn', on: f.today, note: 'Hat woanders zugesagt' });
    const ids = async (q: string) =>
      ((await f.dus.get(`/api/placements?${q}`)).json().items as Array<{ id: string }>).map((i) => i.id);
    expect(await ids(`clientId=${clientId}`)).toEqual([second.id, first.id]);
    expect(await ids(`placeId=${p1}`)).toEqual([first.id]);
    expect(await ids(`companyId=${companyId}`)).toEqual([second.id, first.id]);
    expect(await ids(`clientId=${clientId}&stage=withdrawn`)).toEqual([first.id]);
    expect(await ids(`clientId=${clientId}&open=true`)).toEqual([second.id]);
    expect(await ids(`clientId=${clientId}&open=false`)).toEqual([first.id]);
    const page = (await f.dus.get(`/api/placements?clientId=${clientId}&limit=1`)).json();
    expect([page.items.length, page.total]).toEqual([1, 2]);
    expect(page.items[0].history).toBeUndefined();
  });

  it('audits reads and changes of a placement', async () => {
    const { clientId } = await f.client('Protokoll');
    const placeId = await f.place(await f.company('Friseur Protokoll'));
    const p = (await f.create({ clientId, placeId })).json().placement;
    await f.dus.get(`/api/placements/${p.id}`);
    await f.move(p.id, { stage: 'company_contacted', on: f.today });
    const rows = await f.t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_type', '=', 'placement')
      .where('entity_id', '=', p.id)
      .orderBy('at')
      .execute();
    // Two reads: the explicit one and the one the move helper makes for the version.
    expect(rows.map((r) => r.action)).toEqual(['create', 'read', 'read', 'update']);
    expect(rows[0]?.details).toMatchObject({ clientId, placeId, source: 'manual' });
    expect(rows[3]?.details).toMatchObject({ clientId, from: 'proposed', to: 'company_contacted' });
  });
});
