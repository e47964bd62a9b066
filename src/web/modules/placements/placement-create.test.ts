import { describe, expect, it } from 'vitest';
import { movesCaseToApplying } from './placement-stages';

describe('creating a placement', () => {
  it('moves a case that is before "applying"', () => {
    expect(movesCaseToApplying('first_contact')).toBe(true);
    expect(movesCaseToApplying('preparation')).toBe(true);
    expect(movesCaseToApplying('applying')).toBe(false);
    expect(movesCaseToApplying('placed')).toBe(false);
    expect(movesCaseToApplying(null)).toBe(false);
  });
});
