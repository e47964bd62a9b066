import { describe, expect, it } from 'vitest';
import { visualRuns } from './pdf.letters';

describe('right-to-left lines of letter PDFs', () => {
  it('puts a Latin word left of the Arabic text before it (visual order of runs)', () => {
    expect(visualRuns('سلام KAUSA', 'rtl')).toEqual([
      { text: 'KAUSA', rtl: false },
      { text: 'سلام ', rtl: true },
    ]);
  });

  it('keeps numbers left-to-right inside Persian text', () => {
    const runs = visualRuns('ساعت 10:30 است', 'rtl');
    expect(runs.find((r) => r.text.includes('10:30'))?.rtl).toBe(false);
    expect(runs[0]?.text).toContain('است');
    expect(runs[runs.length - 1]?.text).toContain('ساعت');
  });

  it('leaves left-to-right lines as one run', () => {
    expect(visualRuns('Hallo Amina', 'ltr')).toEqual([{ text: 'Hallo Amina', rtl: false }]);
  });
});
