import { describe, expect, it } from 'vitest';
import { CLIENT_LANGUAGES } from '../../../../contracts/self-service';
import { missingPublicTexts, PUBLIC_TEXT_KEYS, publicText, publicTexts } from './public-texts';

describe('public texts of the profile pages', () => {
  it('exist in all seven language variants', () => {
    for (const lang of CLIENT_LANGUAGES) expect(missingPublicTexts(lang), lang).toEqual([]);
  });

  it('are written for each language (no English left in the other languages)', () => {
    const english = new Set(PUBLIC_TEXT_KEYS.map((k) => publicText('en', k)));
    for (const lang of ['ar', 'fa', 'uk', 'tr', 'de'] as const) {
      const copied = PUBLIC_TEXT_KEYS.filter((k) => english.has(publicText(lang, k)));
      expect(copied, lang).toEqual([]);
    }
    expect(publicText('ar', 'next')).toMatch(/[\u0600-\u06FF]/);
    expect(publicText('fa', 'next')).toMatch(/[\u0600-\u06FF]/);
    expect(publicText('uk', 'next')).toMatch(/[\u0400-\u04FF]/);
  });

  it('keeps the placeholders of the German source', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const lang of CLIENT_LANGUAGES) {
      for (const key of PUBLIC_TEXT_KEYS) {
        expect(placeholders(publicText(lang, key)), `${lang} ${key}`).toEqual(
          placeholders(publicText('de', key)),
        );
      }
    }
  });

  it('fills placeholders with numbers in the language’s digits', () => {
    expect(publicTexts('de')('step', { step: 2, total: 7 })).toBe('Schritt 2 von 7');
    const ar = new Intl.NumberFormat('ar');
    expect(publicTexts('ar')('step', { step: 2, total: 7 })).toBe(
      `الخطوة ${ar.format(2)} من ${ar.format(7)}`,
    );
  });
});
