import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { insertTestCompany, officeIdOf } from './places.fixture';
import { todayIso } from './places.sql';

/**
 * Places in trainings under their own federal law (occupation kind `federal_other`): Pflegefachmann/-frau
 * under the PflBG is a real training with contract and pay, so an apprenticeship place may be offered in it.
 */
describe('places in trainings outside BBiG/HwO (PflBG, NotSanG, ATA-OTA-G)', () => {
  let t: TestApp;
  let dus: TestClient;
  let pflegedienst: string;
  const nextYear = Number(todayIso().slice(0, 4)) + 1;

  beforeAll(async () => {
    t = await createTestApp();
    dus = await t.client(DEMO.counsellor);
    pflegedienst = await insertTestCompany(t.handle.db, {
      officeId: await officeIdOf(t.handle.db, 'Düsseldorf'),
      name: 'Ambulanter Pflegedienst Rheinblick',
      postcode: '40210',
    });
  });
  afterAll(() => t.close());

  it('creates an apprenticeship for Pflegefachmann/-frau with its 36 months', async () => {
    const res = await dus.post('/api/places', {
      companyId: pflegedienst,
      kind: 'apprenticeship',
      occupationId: 'pflegefachmann',
      startsOn: `${nextYear}-10-01`,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().place).toMatchObject({ occupationId: 'pflegefachmann', durationMonths: 36 });
    const notSan = await dus.post('/api/places', {
      companyId: pflegedienst,
      kind: 'apprenticeship',
      occupationId: 'notfallsanitaeter',
      startsOn: `${nextYear}-09-01`,
    });
    expect(notSan.statusCode, notSan.body).toBe(201);
  });

  it('suggests Pflegefachmann/-frau for an unknown "Krankenpfleger"', async () => {
    const res = await dus.post('/api/places', {
      companyId: pflegedienst,
      kind: 'apprenticeship',
      occupationId: 'Krankenpfleger',
      startsOn: `${nextYear}-10-01`,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.occupationId', code: 'unknown_occupation' });
    expect(res.json().suggestions[0]).toEqual({ id: 'pflegefachmann', name: 'Pflegefachmann/-frau' });
  });
});
