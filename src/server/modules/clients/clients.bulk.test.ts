import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RequestContext, systemContext } from '../../platform/auth/context';
import { AppError } from '../../platform/errors';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { bulkInsertClients, type ClientSeedRow } from './clients.bulk';

const row = (over: Partial<ClientSeedRow['fields']> = {}, consentOn = '2026-10-01'): ClientSeedRow => ({
  fields: {
    givenNames: 'Bulkana',
    familyName: 'Massenimport',
    dateOfBirth: '2005-03-04',
    postcode: '40227',
    germanLevel: 'B1',
    schoolQualification: 'msa',
    schoolForeign: true,
    citizenship: 'SY',
    wishedOccupationIds: ['friseur'],
    availableFrom: '2027-08-01',
    availableUntil: '2027-12-31',
    wantedPlaceKinds: ['apprenticeship'],
    ...over,
  },
  counsellingConsent: { givenOn: consentOn, form: 'paper' },
  matchingConsent: { givenOn: consentOn, form: 'digital' },
});

describe('clients: bulk insert (demo seed)', () => {
  let t: TestApp;
  let ctx: RequestContext;
  let dus: TestClient;
  let officeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ctx = systemContext({ db: t.handle.db, config: t.config, log: pino({ level: 'silent' }) });
    dus = await t.client(DEMO.counsellor);
    officeId = (await dus.get('/api/users/me')).json().user.officeId;
  });
  afterAll(() => t.close());

  it('writes complete records: place from the postcode, consents, entry snapshot, searchable', async () => {
    const ids = await t.handle.db.transaction().execute((trx) =>
      bulkInsertClients(ctx, trx, {
        officeId,
        recordedBy: null,
        rows: [row(), row({ givenNames: 'Bulkan', postcode: null, wishedOccupationIds: [] })],
      }),
    );
    expect(ids).toHaveLength(2);
    const c = (await dus.get(`/api/clients/${ids[0]}`)).json().client;
    expect(c).toMatchObject({
      givenNames: 'Bulkana',
      place: 'Düsseldorf',
      kreisAgs: '05111',
      minimal: false,
      wishedOccupationIds: ['friseur'],
      availableFrom: '2027-08-01',
      wantedPlaceKinds: ['apprenticeship'],
      programme: { citizenshipGroup: 'third_country' },
    });
    expect(c.consents.map((x: { purpose: string }) => x.purpose).sort()).toEqual(['counselling', 'matching']);
    const snapshots = await t.handle.db
      .selectFrom('client_snapshot')
      .select(['client_id', 'kind'])
      .where('client_id', 'in', ids)
      .execute();
    expect(snapshots).toHaveLength(2);
    const found = (await dus.get('/api/clients?q=Massenimport')).json();
    expect(found.items.map((x: { id: string }) => x.id).sort()).toEqual([...ids].sort());
  });

  it('refuses the whole batch, naming each problem by row', async () => {
    const before = await t.handle.db.selectFrom('client').select('id').execute();
    const err = await t.handle.db
      .transaction()
      .execute((trx) =>
        bulkInsertClients(ctx, trx, {
          officeId,
          recordedBy: null,
          rows: [
            row(),
            row({ postcode: '00000', wishedOccupationIds: ['no-such-job'] }),
            row({ dateOfBirth: '2012-01-01' }),
            row({ availableUntil: '2027-01-01' }),
            row({ germanLevel: 'Z9' as never }),
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('validation');
    expect((err as AppError).fields.map((f) => `${f.field}:${f.code}`)).toEqual(
      expect.arrayContaining([
        'rows.1.postcode:unknown_postcode',
        'rows.1.wishedOccupationIds.0:unknown_occupation',
        'rows.2.counsellingConsent:below_consent_age',
        'rows.3.availableUntil:until_before_from',
        'rows.4.germanLevel:invalid_value',
      ]),
    );
    expect(await t.handle.db.selectFrom('client').select('id').execute()).toHaveLength(before.length);
  });
});
