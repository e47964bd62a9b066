import { describe, expect, it } from 'vitest';
import {
  defaultNextStage,
  isFinalStage,
  nextStages,
  stageFormBody,
  stageFormErrors,
} from './placement-stages';

const values = { stage: 'interview', on: '2026-11-30', reason: '', trialKind: 'internship', note: '' };
const target = { stage: 'proposed' as const, stageOn: '2026-11-20' };

describe('placement stages', () => {
  it('forwards only (steps may be skipped), side exits from every open stage, nothing after a final one', () => {
    expect(nextStages('proposed')).toEqual([
      'company_contacted',
      'interview',
      'internship_or_eq',
      'contract',
      'rejected',
      'withdrawn',
    ]);
    expect(nextStages('internship_or_eq')).toEqual(['contract', 'rejected', 'withdrawn']);
    expect(nextStages('contract')).toEqual([]);
    expect(nextStages('rejected')).toEqual([]);
    expect(defaultNextStage('company_contacted')).toBe('interview');
    expect(defaultNextStage('withdrawn')).toBeNull();
    expect(isFinalStage('withdrawn')).toBe(true);
    expect(isFinalStage('interview')).toBe(false);
  });

  it('checks the form: a stage that may follow, a day neither in the future nor before the current stage', () => {
    expect(stageFormErrors(values, target, '2026-11-30')).toEqual({});
    expect(stageFormErrors({ ...values, stage: 'proposed', on: '2026-12-01' }, target, '2026-11-30')).toEqual(
      {
        stage: 'stageRequired',
        on: 'dateInFuture',
      },
    );
    expect(stageFormErrors({ ...values, on: '2026-11-19' }, target, '2026-11-30')).toEqual({
      on: 'dateBeforeLast',
    });
    expect(stageFormErrors({ ...values, on: '' }, target, '2026-11-30')).toEqual({ on: 'dateRequired' });
  });

  it('a rejection needs its reason, "other" also a note', () => {
    expect(stageFormErrors({ ...values, stage: 'rejected' }, target, '2026-11-30')).toEqual({
      reason: 'reasonRequired',
    });
    expect(stageFormErrors({ ...values, stage: 'rejected', reason: 'other' }, target, '2026-11-30')).toEqual({
      note: 'noteRequired',
    });
    expect(
      stageFormErrors({ ...values, stage: 'rejected', reason: 'no_show' }, target, '2026-11-30'),
    ).toEqual({});
  });

  it('sends the reason only for a rejection and the trial kind only for the trial stage', () => {
    expect(stageFormBody({ ...values, reason: 'no_show', note: '  ' }, 4)).toEqual({
      version: 4,
      stage: 'interview',
      on: '2026-11-30',
      reason: null,
      trialKind: null,
      note: null,
    });
    expect(
      stageFormBody({ ...values, stage: 'rejected', reason: 'language', note: ' B1 fehlt ' }, 2),
    ).toMatchObject({
      stage: 'rejected',
      reason: 'language',
      trialKind: null,
      note: 'B1 fehlt',
    });
    expect(
      stageFormBody({ ...values, stage: 'internship_or_eq', trialKind: 'entry_qualification' }, 2),
    ).toMatchObject({
      trialKind: 'entry_qualification',
      reason: null,
    });
  });
});
