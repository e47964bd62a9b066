import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../../test/test-app';

describe('bad input answers as problem+json', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(() => t.close());

  it('unknown routes answer 404 problem+json in the requested language', async () => {
    const c = await t.client();
    c.lang = 'en-GB,en;q=0.9,de;q=0.5';
    const res = await c.get('/api/does-not-exist');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found', title: 'Not found.' });
  });

  it('a body over the limit answers 413 and a malformed JSON body 400, without stack traces', async () => {
    const c = await t.client(DEMO.counsellor);
    const big = await c.patch('/api/users/me', { locale: 'de', pad: 'x'.repeat(4000) });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('payload_too_large');
    const res = await c.post('/api/auth/login', '{"email": ');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('bad_request');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('a rejected request changes nothing', async () => {
    const admin = await t.client(DEMO.admin);
    const before = (await admin.get('/api/users?limit=200')).json().total;
    const res = await admin.post('/api/users', {
      email: 'ok@kausa.example',
      displayName: 'X',
      role: 'viewer',
      officeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(400);
    const missingOffice = await admin.post('/api/users', {
      email: 'ok@kausa.example',
      displayName: 'Xaver',
      role: 'viewer',
      officeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missingOffice.statusCode).toBe(400);
    expect(missingOffice.json().code).toBe('unknown_office');
    expect(missingOffice.json().errors[0].field).toBe('body.officeId');
    expect((await admin.get('/api/users?limit=200')).json().total).toBe(before);
  });

  it('refuses NUL and other control characters in any field with 400, naming the field', async () => {
    const admin = await t.client(DEMO.admin);
    const res = await admin.get('/api/users?q=%00');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'control_characters', errors: [{ field: 'query.q' }] });
    const body = await admin.patch('/api/users/me', { locale: 'de\u0000' });
    expect(body.json().errors[0].field).toBe('body.locale');
  });

  it('answers malformed URLs, /api itself and unknown POST routes as problem+json', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/%ff' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await t.app.inject({ method: 'GET', url: '/api' })).statusCode).toBe(404);
    const c = await t.client(DEMO.viewer);
    expect((await c.post('/api/no-such-thing', {}, { csrf: false })).statusCode).toBe(404);
  });

  it('says what a value should be, or that it is missing, without naming types in English', async () => {
    const c = await t.client(DEMO.admin);
    const res = await c.post('/api/users', {
      email: 'typ@kausa.example',
      displayName: 42,
      role: 'viewer',
    });
    expect(res.json().errors).toEqual([
      { field: 'body.displayName', code: 'invalid_type', message: 'Bitte einen Text angeben.' },
      { field: 'body.officeId', code: 'invalid_type', message: 'Bitte geben Sie hier einen Wert an.' },
    ]);
    c.lang = 'en';
    const query = await c.get('/api/users?limit=abc');
    expect(query.json().errors).toEqual([
      { field: 'query.limit', code: 'invalid_type', message: 'Please enter a number.' },
    ]);
    const fraction = await c.get('/api/users?limit=1.5');
    expect(fraction.json().errors).toEqual([
      { field: 'query.limit', code: 'invalid_type', message: 'Please enter a whole number.' },
    ]);
  });
});
