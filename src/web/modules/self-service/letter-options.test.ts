import { describe, expect, it } from 'vitest';
import de from '../../../locales/de.json';
import { appointmentAtOf, missingValueLabels } from './letter-options';

describe('appointmentAtOf', () => {
  it('sends the wall time as entered, whatever the browser time zone (no UTC conversion)', () => {
    expect(appointmentAtOf('2026-12-05T10:30')).toBe('2026-12-05T10:30');
    expect(appointmentAtOf('2027-07-05T10:30')).toBe('2027-07-05T10:30');
  });

  it('is undefined for an empty or broken value', () => {
    expect(appointmentAtOf('')).toBeUndefined();
    expect(appointmentAtOf('2026-12-05')).toBeUndefined();
    expect(appointmentAtOf('2026-13-45T10:30')).toBeUndefined();
    expect(appointmentAtOf('2026-02-30T10:30')).toBeUndefined();
  });
});

describe('missingValueLabels', () => {
  const labels = de.selfService.letters.placeholders as Record<string, string>;
  const t = (key: string, opts: { defaultValue: string }) =>
    labels[key.replace('selfService.letters.placeholders.', '')] ?? opts.defaultValue;

  it('names missing placeholders with their labels, never the raw field names', () => {
    expect(missingValueLabels(['appointmentDate', 'appointmentTime'], t)).toBe('Datum des Termins, Uhrzeit');
    expect(missingValueLabels(['somethingNew'], t)).toBe('somethingNew');
  });
});
