import { describe, expect, it } from 'vitest';
import { emailAddress, telHref, websiteLink } from './contact-links';
import { finderSearchFromParams, parseFinderInput } from './finder-input';

describe('parseFinderInput', () => {
  it('reads a postcode, also from a picked suggestion or with a country prefix', () => {
    expect(parseFinderInput(' 39104 ')).toEqual({ kind: 'postcode', postcode: '39104' });
    expect(parseFinderInput('39104 Magdeburg')).toEqual({ kind: 'postcode', postcode: '39104' });
    expect(parseFinderInput('D-01067')).toEqual({ kind: 'postcode', postcode: '01067' });
  });

  it('passes a 4-digit postcode on as typed, so the server can explain the missing zero', () => {
    expect(parseFinderInput('1067')).toEqual({ kind: 'postcode', postcode: '1067' });
  });

  it('treats other text as a place name and blank text as nothing', () => {
    expect(parseFinderInput('Magdeburg')).toEqual({ kind: 'place', text: 'Magdeburg' });
    expect(parseFinderInput('Halle (Saale)')).toEqual({ kind: 'place', text: 'Halle (Saale)' });
    expect(parseFinderInput('   ')).toEqual({ kind: 'empty' });
  });
});

describe('finderSearchFromParams', () => {
  it('prefers the postcode, accepts only real Land codes', () => {
    expect(finderSearchFromParams(new URLSearchParams('plz=39104&land=15'))).toEqual({
      kind: 'postcode',
      postcode: '39104',
    });
    expect(finderSearchFromParams(new URLSearchParams('land=15'))).toEqual({ kind: 'land', land: '15' });
    expect(finderSearchFromParams(new URLSearchParams('land=17'))).toBeNull();
    expect(finderSearchFromParams(new URLSearchParams(''))).toBeNull();
  });
});

describe('contact links', () => {
  it('turns German phone numbers into international tel: links', () => {
    expect(telHref('Tel.: 0391 / 12 34-5')).toBe('tel:+4939112345');
    expect(telHref('+49 (0)391 12345')).toBe('tel:+4939112345');
    expect(telHref('0049 211 98765')).toBe('tel:+4921198765');
    expect(telHref('siehe Website')).toBeNull();
  });

  it('undoes spam-guard spellings of e-mail addresses', () => {
    expect(emailAddress('info(at)kausa-magdeburg.de')).toBe('info@kausa-magdeburg.de');
    expect(emailAddress('E-Mail: kausa [at] example [dot] org')).toBe('kausa@example.org');
    expect(emailAddress('keine Angabe')).toBeNull();
  });

  it('adds https:// to bare web addresses and shows them without it', () => {
    expect(websiteLink('www.kausa.de/')).toEqual({ href: 'https://www.kausa.de/', text: 'www.kausa.de' });
    expect(websiteLink('http://example.org/kausa')).toEqual({
      href: 'http://example.org/kausa',
      text: 'example.org/kausa',
    });
    expect(websiteLink('keine Website')).toBeNull();
  });
});
