import { describe, expect, it } from 'vitest';
import { buildCompanySearchText, companyNameKey, foldCompanyText, searchWords } from './companies.text';

describe('companyNameKey', () => {
  it('treats "Müller GmbH", "Mueller Gmbh" and "müller" as one company, but not "Müller Bau"', () => {
    const key = companyNameKey('Müller GmbH');
    expect(key).toBe('mueller');
    expect(companyNameKey('Mueller Gmbh')).toBe(key);
    expect(companyNameKey('müller')).toBe(key);
    expect(companyNameKey('MÜLLER')).toBe(key);
    expect(companyNameKey('Müller Bau')).not.toBe(key);
    expect(companyNameKey('Müller Bau GmbH')).toBe(companyNameKey('Müller-Bau'));
  });

  it('drops the legal forms GmbH, UG (haftungsbeschränkt), e. K., KG, OHG, GbR, AG, & Co. and the like', () => {
    const cases: Array<[string, string]> = [
      ['Öztürk UG (haftungsbeschränkt)', 'oeztuerk'],
      ['Öztürk UG (haftungsbeschraenkt)', 'oeztuerk'],
      ['Friseursalon Aydın e.K.', 'friseursalonaydin'],
      ['Friseursalon Aydin e. K.', 'friseursalonaydin'],
      ['Kaya GmbH & Co. KG', 'kaya'],
      ['Kaya KG', 'kaya'],
      ['Schulz OHG', 'schulz'],
      ['Schulz GbR', 'schulz'],
      ['Koch AG', 'koch'],
      ['Pflegedienst Hoffnung gGmbH', 'pflegediensthoffnung'],
      ['Steuerbüro Nguyen e.Kfm.', 'steuerbueronguyen'],
      ['Firma Yılmaz', 'yilmaz'],
      ['Fa. Yilmaz', 'yilmaz'],
    ];
    for (const [name, key] of cases) expect(companyNameKey(name), name).toBe(key);
  });

  it('reads "&" as "und" and ignores punctuation, spacing and accents', () => {
    expect(companyNameKey('Schmidt & Söhne')).toBe(companyNameKey('Schmidt und Soehne'));
    expect(companyNameKey('Café  Marrakesch')).toBe(companyNameKey('cafe marrakesch'));
    expect(companyNameKey('Kovačević Reinigung')).toBe('kovacevicreinigung');
  });

  it('keeps a name that is nothing but a legal form', () => {
    expect(companyNameKey('AG')).toBe('ag');
    expect(companyNameKey('GmbH')).toBe('gmbh');
  });
});

describe('company search text', () => {
  it('folds umlauts the German way and other letters to ASCII', () => {
    expect(foldCompanyText('Yıldız Döner  Straße')).toBe('yildiz doener strasse');
  });

  it('holds name, name key, place, postcode and contact person names', () => {
    const text = buildCompanySearchText({
      name: 'Müller-Bau GmbH',
      place: 'Düsseldorf',
      postcode: '40210',
      contactNames: ['Ayşe Öztürk'],
    });
    expect(text).toBe('mueller-bau gmbh muellerbau duesseldorf 40210 ayse oeztuerk');
    expect(searchWords('  Müller   Düsseldorf ')).toEqual(['mueller', 'duesseldorf']);
  });
});
