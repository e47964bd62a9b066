import { describe, expect, it } from 'vitest';
import de from '../../locales/de.json';
import en from '../../locales/en.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('locales', () => {
  it('de and en have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });

  it('no text is empty', () => {
    const lookup = (file: unknown, key: string) =>
      key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], file);
    const empty = [de, en].flatMap((file) => keys(file).filter((key) => !lookup(file, key)));
    expect(empty).toEqual([]);
  });
});
