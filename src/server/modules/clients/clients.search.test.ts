import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp, type TestClient } from '../../test/test-app';
import { buildSearchText, phoneForms, phoneQueryDigits } from './clients.search';

const consent = { givenOn: '2025-09-01', form: 'paper' };

describe('search text', () => {
  it('keeps phone numbers in the international and the national form', () => {
    expect(phoneForms('+49 170 1234567')).toEqual(['491701234567', '01701234567']);
    expect(phoneForms('0211/445566')).toEqual(['0211445566', '49211445566']);
    expect(phoneQueryDigits('+49 (170) 123-4567')).toBe('01701234567');
    expect(phoneQueryDigits('Ali')).toBeNull();
    expect(phoneQueryDigits('40210')).toBe('40210');
  });

  it('folds names, keeps hyphenated names joined too, and adds e-mail and postcode', () => {
    expect(
      buildSearchText({
        givenNames: 'Mohammad',
        familyName: 'Al-Hassan',
        spokenName: 'Mo',
        email: 'Mo@Example.org',
        postcode: '40210',
      }),
    ).toBe('mohammad al-hassan mo alhassan mo@example.org 40210');
  });
});

describe('client search and duplicates', () => {
  let t: TestApp;
  let counsellor: TestClient;
  let ids: Record<'hassan' | 'shevchenko' | 'mueller', string>;

  const search = async (q: string) =>
    (await counsellor.get(`/api/clients?q=${encodeURIComponent(q)}`)).json().items as Array<{
      id: string;
      givenNames: string;
      familyName: string;
      postcode: string | null;
    }>;
  /**
   * The hits ranked before any other name: the demo office holds synthetic clients, some with the same
   * common names, so "ours first" means "among the records with this exact name, which all come first".
   */
  const firstNamed = async (q: string, familyName: string) => {
    const hits = await search(q);
    const k = hits.findIndex((h) => h.familyName !== familyName);
    const top = (k === -1 ? hits : hits.slice(0, k)).map((h) => h.id);
    expect(top.length).toBeGreaterThan(0);
    return top;
  };

  beforeAll(async () => {
    t = await createTestApp();
    counsellor = await t.client(DEMO.counsellor);
    const create = async (body: Record<string, unknown>) => {
      const res = await counsellor.post('/api/clients', { counsellingConsent: consent, ...body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().client.id as string;
    };
    ids = {
      hassan: await create({
        givenNames: 'Mohammad',
        familyName: 'Al-Hassan',
        dateOfBirth: '2006-04-12',
        phone: '+49 170 1234567',
        email: 'm.alhassan@example.org',
        postcode: '40210',
      }),
      shevchenko: await create({
        givenNames: 'Oleksandr',
        familyName: 'Shevchenko',
        dateOfBirth: '2005-09-30',
        postcode: '40477',
      }),
      mueller: await create({
        givenNames: 'Lea',
        familyName: 'Müller',
        dateOfBirth: '2007-01-20',
        postcode: '40477',
      }),
    };
  });
  afterAll(() => t.close());

  it('finds a transliterated spelling: "Muhammed Alhasan" → Mohammad Al-Hassan, first', async () => {
    expect(await firstNamed('Muhammed Alhasan', 'Al-Hassan')).toContain(ids.hassan);
    expect(await firstNamed('Schewtschenko', 'Shevchenko')).toContain(ids.shevchenko);
    expect((await search('Mueller'))[0]?.id).toBe(ids.mueller);
  });

  it('finds by phone in any form, by e-mail and by postcode', async () => {
    for (const q of ['0170 1234567', '+49 170 1234567', '1234567'])
      expect((await search(q)).map((h) => h.id)).toEqual([ids.hassan]);
    // A whole e-mail address finds its holder only — not the office's phonetic near-misses of the name,
    // nor a longer address that contains it; case, <…> and mailto: (as copied from a mail) do not matter.
    const longer = await counsellor.post('/api/clients', {
      counsellingConsent: consent,
      givenNames: 'Sami',
      familyName: 'Mailtest',
      dateOfBirth: '2006-01-01',
      email: 'sam.alhassan@example.org',
    });
    expect(longer.statusCode, longer.body).toBe(201);
    for (const q of ['m.alhassan@example.org', 'M.AlHassan@Example.org', '<m.alhassan@example.org>'])
      expect((await search(q)).map((h) => h.id)).toEqual([ids.hassan]);
    expect((await search('mailto:m.alhassan@example.org')).map((h) => h.id)).toEqual([ids.hassan]);
    // A cut-off address is another address: nobody holds it.
    expect(await search('m.alhassan@example.or')).toEqual([]);
    // A part of an address with its @ finds every address containing it.
    const part = (await search('alhassan@example')).map((h) => h.id);
    expect(part).toEqual(expect.arrayContaining([ids.hassan, longer.json().client.id]));
    expect(part).toHaveLength(2);
    // Everyone at the postcode first (the demo office has synthetic clients there too); similar
    // postcodes (40470, 40476, …) may follow.
    const atPostcode = await search('40477');
    const exact = atPostcode.filter((h) => h.postcode === '40477');
    expect(exact.map((h) => h.id)).toEqual(expect.arrayContaining([ids.shevchenko, ids.mueller]));
    expect(atPostcode.slice(0, exact.length)).toEqual(exact);
  });

  it('finds by a misspelling (trigram) first and keeps unrelated names out', async () => {
    expect(await firstNamed('Shevchnko', 'Shevchenko')).toContain(ids.shevchenko);
    const lea = await search('Lea Müler');
    expect(lea[0]?.id).toBe(ids.mueller);
    expect(lea.filter((h) => h.familyName === 'Müller').map((h) => h.id)).toEqual([ids.mueller]);
    // A string that resembles no name in any reading ("Zyxwvut" shares a phonetic key with "Sayed", a
    // name among the demo office's synthetic clients).
    expect(await search('Qwertz')).toEqual([]);
  });

  it('updates the search text on every write', async () => {
    const { client } = (await counsellor.get(`/api/clients/${ids.mueller}`)).json();
    await counsellor.patch(`/api/clients/${ids.mueller}`, { version: client.version, phone: '0211 998877' });
    expect((await search('0211998877')).map((h) => h.id)).toEqual([ids.mueller]);
  });

  it('checks an intake for duplicates: a variant spelling with the same birth date, explained', async () => {
    const res = await counsellor.post('/api/clients/duplicates/check', {
      givenNames: 'Alexander',
      familyName: 'Schewtschenko',
      dateOfBirth: '2005-09-30',
    });
    expect(res.statusCode).toBe(200);
    const [hit] = res.json().items;
    expect(hit.client.id).toBe(ids.shevchenko);
    expect(hit.score).toBeGreaterThanOrEqual(0.8);
    expect(hit.reasons).toContain('dob_equal');
    const none = await counsellor.post('/api/clients/duplicates/check', {
      givenNames: 'Lea',
      familyName: 'Schmidt',
      dateOfBirth: '2001-01-01',
    });
    expect(none.json().items).toEqual([]);
  });

  it('lists likely duplicate pairs of the office', async () => {
    const dup = await counsellor.post('/api/clients', {
      givenNames: 'Mohamed',
      familyName: 'Alhassan',
      dateOfBirth: '2006-04-12',
      counsellingConsent: consent,
    });
    const pairs = (await counsellor.get('/api/clients/duplicates')).json().items as Array<{
      a: { id: string };
      b: { id: string };
      score: number;
    }>;
    const pair = pairs.find((p) => [p.a.id, p.b.id].includes(dup.json().client.id));
    expect(pair && [pair.a.id, pair.b.id].sort()).toEqual([ids.hassan, dup.json().client.id].sort());
    expect(pairs.some((p) => [p.a.id, p.b.id].includes(ids.mueller))).toBe(false);
  });
});
