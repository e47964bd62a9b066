import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { redactProfileToken } from './index';

describe('self-service: public route limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_PROFILE_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('rate-limits the public profile routes per address (429 problem)', async () => {
    const anon = await t.client();
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await anon.get(`/api/public/profile/${'y'.repeat(43)}`)).statusCode);
    expect(codes).toEqual([404, 404, 404, 429]);
  });

  it('keeps profile tokens out of logged URLs', () => {
    expect(redactProfileToken('/api/public/profile/abcDEF_123-x/draft?lang=ar')).toBe(
      '/api/public/profile/***/draft?lang=ar',
    );
    expect(redactProfileToken('/api/clients/1')).toBe('/api/clients/1');
  });
});
