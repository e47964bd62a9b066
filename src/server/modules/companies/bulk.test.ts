import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { TCompanyImportRow } from '../../../contracts/imports.rows';
import type { RequestContext } from '../../platform/auth/context';
import { useCompaniesFixture } from './companies.fixture';
import {
  bulkInsertCompanies,
  companyKey,
  companyNameKey,
  findCompaniesByKeys,
  listCompaniesForExport,
} from './index';

/** An import row with only the name (and optionally more) set. */
function row(name: string, extra: Partial<TCompanyImportRow> = {}): TCompanyImportRow {
  return {
    name,
    legalForm: null,
    sector: null,
    employees: null,
    street: null,
    postcode: null,
    place: null,
    phone: null,
    email: null,
    website: null,
    chamber: null,
    ownerMigrationBackground: null,
    ownerLanguages: [],
    authorisedToTrain: null,
    qualifiedTrainer: null,
    trainingHistory: null,
    stage: 'identified',
    acquisitionChannel: null,
    tags: [],
    notes: null,
    ...extra,
  };
}

describe('companies: bulk insert, lookup by key and export (imports module interface)', () => {
  const f = useCompaniesFixture();
  /** A request context of the Düsseldorf counsellor (services called directly, as the imports module does). */
  const ctxOf = async (role: 'counsellor' | 'viewer' = 'counsellor'): Promise<RequestContext> => {
    const me = await f.t.handle.db
      .selectFrom('app_user')
      .select(['id', 'office_id', 'display_name'])
      .where('id', '=', f.meId)
      .executeTakeFirstOrThrow();
    return {
      db: f.t.handle.db,
      actor: { userId: me.id, role, officeId: me.office_id, displayName: me.display_name, sessionId: 's' },
      ip: null,
      userAgent: null,
      lang: 'de',
      log: pino({ level: 'silent' }),
      config: f.t.config,
    };
  };

  it('inserts 5,000 companies in one call, ids in row order, with name keys, search text and history', async () => {
    const ctx = await ctxOf();
    const officeId = ctx.actor?.officeId as string;
    const rows = Array.from({ length: 5000 }, (_, i) =>
      row(`Massenimport ${i} GmbH`, {
        postcode: i % 2 ? '40210' : null,
        place: i % 2 ? 'Düsseldorf' : null,
        stage: i % 3 ? 'identified' : 'contacted',
        tags: ['Import', 'Import'],
        ownerLanguages: ['tr'],
      }),
    );
    const started = performance.now();
    const ids = await f.t.handle.db
      .transaction()
      .execute((trx) => bulkInsertCompanies(trx, { officeId, importJobId: null, createdBy: f.meId, rows }));
    const ms = performance.now() - started;
    expect(ids).toHaveLength(5000);
    expect(new Set(ids).size).toBe(5000);
    expect(ms).toBeLessThan(5000);
    const sample = await f.t.handle.db
      .selectFrom('company')
      .select(['id', 'name', 'name_key', 'search_text', 'stage', 'tags', 'created_by'])
      .where('id', 'in', [ids[0] as string, ids[4999] as string])
      .execute();
    const byId = new Map(sample.map((s) => [s.id, s]));
    expect(byId.get(ids[0] as string)).toMatchObject({
      name: 'Massenimport 0 GmbH',
      name_key: 'massenimport0',
      stage: 'contacted',
      tags: ['Import'],
      created_by: f.meId,
    });
    expect(byId.get(ids[4999] as string)?.search_text).toContain('duesseldorf 40210');
    const history = await f.t.handle.db
      .selectFrom('company_stage_change')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('company_id', 'in', ids)
      .executeTakeFirstOrThrow();
    expect(Number(history.n)).toBe(5000);
    // They are ordinary companies of the office: listed and searchable.
    const found = (await f.dus.get('/api/companies?q=Massenimport%204999')).json().items;
    expect(found[0].id).toBe(ids[4999]);
  });

  it('finds existing companies by name key and postcode, ignoring merged ones and other offices', async () => {
    const ctx = await ctxOf();
    const officeId = ctx.actor?.officeId as string;
    const a = await f.create('Döner Palast GmbH', { postcode: '40233' });
    const b = await f.create('Döner Palast', { allowDuplicate: true });
    await f.hagen.post('/api/companies', { name: 'Hagen Only GmbH', postcode: '58095' });
    const keys = [
      { nameKey: companyNameKey('Doener Palast'), postcode: '40233' },
      { nameKey: companyNameKey('Döner Palast e.K.'), postcode: null },
      { nameKey: companyNameKey('Döner Palast'), postcode: '40210' },
      { nameKey: companyNameKey('Hagen Only'), postcode: '58095' },
    ];
    const found = await findCompaniesByKeys(f.t.handle.db, officeId, keys);
    expect([...found.keys()].sort()).toEqual([
      companyKey('doenerpalast', null),
      companyKey('doenerpalast', '40233'),
    ]);
    expect(found.get('doenerpalast|40233')).toEqual({
      id: a.id,
      name: 'Döner Palast GmbH',
      postcode: '40233',
      stage: 'identified',
    });
    expect(found.get('doenerpalast|')?.id).toBe(b.id);
    // A merged company is no longer found.
    const c = await f.create('Merge Quelle', { postcode: '40227' });
    const d = await f.create('Merge Ziel', { postcode: '40227' });
    await f.dus.post(`/api/companies/${d.id}/merge`, { otherId: c.id, version: d.version });
    const after = await findCompaniesByKeys(f.t.handle.db, officeId, [
      { nameKey: 'mergequelle', postcode: '40227' },
    ]);
    expect(after.size).toBe(0);
  });

  it('exports the filtered list as full records and audits the export; viewers may not export', async () => {
    const ctx = await ctxOf();
    const x = await f.create('Exportbetrieb Alpha', {
      tags: ['Export'],
      sector: 'C',
      ownerMigrationBackground: true,
    });
    await f.create('Exportbetrieb Beta', { tags: ['Export'] });
    const items = await listCompaniesForExport(ctx, { tag: 'Export' });
    expect(items.map((i) => i.name)).toEqual(['Exportbetrieb Alpha', 'Exportbetrieb Beta']);
    expect(items[0]).toMatchObject({
      id: x.id,
      sector: 'C',
      ownerMigrationBackground: true,
      stage: 'identified',
    });
    const entry = await f.t.handle.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'export')
      .where('entity_type', '=', 'company')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ count: 2, filter: { tag: 'Export' } });
    await expect(listCompaniesForExport(await ctxOf('viewer'), {})).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
