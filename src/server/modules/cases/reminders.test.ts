import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n';
import { daysBetween, monthsBeforeNotEarlier, todayIso } from './dates';
import {
  ausbildungsduldungWindowOpens,
  describeReminder,
  earlyEndNotifyBy,
  type ResidenceFacts,
  residenceReminders,
} from './reminders';

const none: ResidenceFacts = {
  residenceStatus: null,
  residenceExpiresOn: null,
  workPermit: null,
  workPermitExpiresOn: null,
};

describe('Ausbildungsduldung application window (§ 60c Abs. 3 AufenthG: seven months before the start)', () => {
  it.each([
    ['2027-08-01', '2027-01-01'],
    ['2027-09-01', '2027-02-01'],
    ['2027-02-15', '2026-07-15'],
    ['2027-03-31', '2026-08-31'],
    // No 30 February: the window opens on 1 March, never more than seven months ahead.
    ['2027-09-30', '2027-03-01'],
    ['2028-09-29', '2028-02-29'],
    ['2028-09-30', '2028-03-01'],
    ['2027-05-31', '2026-10-31'],
    ['2027-12-31', '2027-05-31'],
  ])('training from %s → window opens %s', (startsOn, opens) => {
    expect(ausbildungsduldungWindowOpens(startsOn)).toBe(opens);
  });

  it('the company reports an early end within two weeks (§ 60c Abs. 5 AufenthG)', () => {
    expect(earlyEndNotifyBy('2027-02-20')).toBe('2027-03-06');
    expect(earlyEndNotifyBy('2027-12-25')).toBe('2028-01-08');
  });
});

describe('residence reminders on a fixed day', () => {
  const today = '2026-11-30';

  it('shows a residence permit expiring within the reminder days, and one already expired', () => {
    const r = residenceReminders({
      facts: { ...none, residenceStatus: 'aufenthaltserlaubnis', residenceExpiresOn: '2027-02-28' },
      contract: null,
      today,
      reminderDays: 90,
    });
    expect(r).toEqual([
      { kind: 'residence_expires', date: '2027-02-28', suggestReferral: 'immigration_office', refs: {} },
    ]);
    expect(
      residenceReminders({
        facts: { ...none, residenceExpiresOn: '2026-11-01' },
        contract: null,
        today,
        reminderDays: 90,
      }),
    ).toHaveLength(1);
  });

  it('is silent one day past the reminder window', () => {
    expect(daysBetween(today, '2027-03-01')).toBe(91);
    const r = residenceReminders({
      facts: { ...none, residenceExpiresOn: '2027-03-01', workPermitExpiresOn: '2027-03-01' },
      contract: null,
      today,
      reminderDays: 90,
    });
    expect(r).toEqual([]);
  });

  it('shows an expiring work permit', () => {
    const r = residenceReminders({
      facts: { ...none, workPermit: 'yes', workPermitExpiresOn: '2026-12-15' },
      contract: null,
      today,
      reminderDays: 30,
    });
    expect(r.map((x) => [x.kind, x.date])).toEqual([['work_permit_expires', '2026-12-15']]);
  });

  it('shows the window for a Duldung with a contract that has not started, suggesting refugee counselling', () => {
    const r = residenceReminders({
      facts: { ...none, residenceStatus: 'duldung' },
      contract: { startsOn: '2027-08-01', terminatedOn: null },
      today,
      reminderDays: 90,
    });
    expect(r).toEqual([
      {
        kind: 'ausbildungsduldung_window',
        date: '2027-01-01',
        suggestReferral: 'refugee_counselling',
        refs: { startsOn: '2027-08-01' },
      },
    ]);
    const started = residenceReminders({
      facts: { ...none, residenceStatus: 'duldung' },
      contract: { startsOn: '2026-08-01', terminatedOn: null },
      today,
      reminderDays: 90,
    });
    expect(started).toEqual([]);
  });

  it('shows the early-end notice for an Ausbildungsduldung with a terminated contract only', () => {
    const facts = { ...none, residenceStatus: 'ausbildungsduldung' };
    expect(
      residenceReminders({
        facts,
        contract: { startsOn: '2026-08-01', terminatedOn: '2026-11-20' },
        today,
        reminderDays: 90,
      }).map((x) => [x.kind, x.date, x.suggestReferral]),
    ).toEqual([['ausbildungsduldung_early_end', '2026-12-04', 'immigration_office']]);
    expect(
      residenceReminders({
        facts,
        contract: { startsOn: '2026-08-01', terminatedOn: null },
        today,
        reminderDays: 90,
      }),
    ).toEqual([]);
    expect(
      residenceReminders({
        facts: { ...none, residenceStatus: 'duldung' },
        contract: { startsOn: '2026-08-01', terminatedOn: '2026-11-20' },
        today,
        reminderDays: 90,
      }),
    ).toEqual([]);
  });

  it('renders dates, the source and the no-verdict note in German and English', () => {
    const fact = {
      kind: 'ausbildungsduldung_window' as const,
      date: '2027-01-01',
      suggestReferral: 'refugee_counselling' as const,
      refs: { startsOn: '2027-08-01' },
    };
    const de = describeReminder(fact, translator('de'), 'de');
    expect(de.message).toContain('01.01.2027');
    expect(de.message).toContain('01.08.2027');
    expect(de.message).toContain('§ 60c Abs. 3 AufenthG');
    expect(de.message).toContain('keine rechtliche Bewertung');
    const en = describeReminder(fact, translator('en'), 'en');
    expect(en.message).toContain('2027-01-01');
    expect(en.message).toContain('not a legal assessment');
  });
});

describe('calendar helpers', () => {
  it('takes today in German time', () => {
    expect(todayIso(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(todayIso(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
  it('subtracts months across a year', () => {
    expect(monthsBeforeNotEarlier('2027-01-15', 13)).toBe('2025-12-15');
  });
});
