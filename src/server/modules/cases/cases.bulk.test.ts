import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RequestContext, systemContext } from '../../platform/auth/context';
import { AppError } from '../../platform/errors';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { bulkInsertCases } from './cases.bulk';

describe('cases: bulk insert (demo seed)', () => {
  let t: TestApp;
  let ctx: RequestContext;
  let dus: TestClient;
  let me: { id: string; officeId: string };
  let clientA: string;
  let clientB: string;
  let hagenClient: string;

  const newClient = async (c: TestClient, familyName: string) =>
    (
      await c.post('/api/clients', {
        givenNames: 'Stapel',
        familyName,
        dateOfBirth: '2004-05-06',
        counsellingConsent: { givenOn: '2026-09-01', form: 'paper' },
      })
    ).json().client.id as string;

  beforeAll(async () => {
    t = await createTestApp();
    ctx = systemContext({ db: t.handle.db, config: t.config, log: pino({ level: 'silent' }) });
    dus = await t.client(DEMO.counsellor);
    me = (await dus.get('/api/users/me')).json().user;
    clientA = await newClient(dus, 'Bulkfall');
    clientB = await newClient(dus, 'Bulkfallzwei');
    hagenClient = await newClient(await t.client(DEMO.counsellorHagen), 'Bulkhagen');
  });
  afterAll(() => t.close());

  it('opens a case with its dated history, visible as if moved stage by stage', async () => {
    const [id] = await t.handle.db.transaction().execute((trx) =>
      bulkInsertCases(ctx, trx, {
        officeId: me.officeId,
        changedBy: me.id,
        rows: [
          {
            clientId: clientA,
            counsellorId: me.id,
            history: [
              { stage: 'first_contact', on: '2026-09-01' },
              { stage: 'orientation', on: '2026-09-20' },
              { stage: 'placed', on: '2026-11-02', note: 'Vertrag folgt.' },
            ],
            lastContactOn: '2026-11-10',
          },
        ],
      }),
    );
    const k = (await dus.get(`/api/cases/${id}`)).json().case;
    expect(k).toMatchObject({
      clientId: clientA,
      stage: 'placed',
      openedOn: '2026-09-01',
      lastContactOn: '2026-11-10',
      counsellorId: me.id,
    });
    expect(
      k.history.map((h: { toStage: string; changedOn: string }) => `${h.toStage}@${h.changedOn}`),
    ).toEqual(
      expect.arrayContaining(['first_contact@2026-09-01', 'orientation@2026-09-20', 'placed@2026-11-02']),
    );
  });

  it('refuses the batch when a rule of the single path is broken', async () => {
    const err = await t.handle.db
      .transaction()
      .execute((trx) =>
        bulkInsertCases(ctx, trx, {
          officeId: me.officeId,
          changedBy: me.id,
          rows: [
            {
              clientId: clientA,
              counsellorId: me.id,
              history: [{ stage: 'first_contact', on: '2026-10-01' }],
              lastContactOn: null,
            },
            {
              clientId: hagenClient,
              counsellorId: me.id,
              history: [{ stage: 'first_contact', on: '2026-10-01' }],
              lastContactOn: null,
            },
            {
              clientId: clientB,
              counsellorId: me.id,
              history: [
                { stage: 'first_contact', on: '2026-10-01' },
                { stage: 'applying', on: '2026-09-01' },
                { stage: 'in_training', on: '2999-01-01' },
                { stage: 'closed', on: '2999-01-02' },
              ],
              lastContactOn: '2026-01-01',
            },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields.map((f) => `${f.field}:${f.code}`)).toEqual(
      expect.arrayContaining([
        'rows.0.clientId:case_open',
        'rows.1.clientId:not_found',
        'rows.2.history.1.on:before_previous_change',
        'rows.2.history.2.note:contract_or_note_required',
        'rows.2.history.2.on:in_future',
        'rows.2.history.3.stage:closed_not_supported',
        'rows.2.lastContactOn:impossible_date',
      ]),
    );
    const open = await t.handle.db.selectFrom('case').select('id').where('client_id', '=', clientB).execute();
    expect(open).toHaveLength(0);
  });
});
