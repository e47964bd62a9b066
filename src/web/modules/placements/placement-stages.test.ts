import { describe, expect, it } from 'vitest';
import {
  canChangeStage,
  contractEffects,
  defaultNextStage,
  isFinalStage,
  nextStages,
  reasonOptions,
  stageFormBody,
  stageFormErrors,
} from './placement-stages';

const values = { stage: 'interview', on: '2026-11-30', reason: '', trialKind: 'internship', note: '' };
const target = { stage: 'proposed' as const, stageOn: '2026-11-20' };

describe('placement stages: leaving a contract and confirming one', () => {
  it('offers only withdrawn and rejected after a contract, with contract_cancelled only there', () => {
    expect(nextStages('contract')).toEqual(['rejected', 'withdrawn']);
    expect(canChangeStage('contract')).toBe(true);
    expect(canChangeStage('withdrawn')).toBe(false);
    expect(reasonOptions('contract')).toContain('contract_cancelled');
    expect(reasonOptions('interview')).not.toContain('contract_cancelled');
    const leave = {
      stage: 'rejected',
      on: '2026-11-30',
      reason: 'contract_cancelled',
      trialKind: '',
      note: '',
    };
    expect(stageFormErrors(leave, { stage: 'contract', stageOn: '2026-11-20' }, '2026-11-30')).toEqual({});
    expect(stageFormErrors(leave, { stage: 'interview', stageOn: '2026-11-20' }, '2026-11-30')).toEqual({
      reason: 'reasonRequired',
    });
    expect(stageFormBody(leave, 4)).toMatchObject({ stage: 'rejected', reason: 'contract_cancelled' });
  });

  it('names what a contract moves: case, company unless it trains already, place by its seats', () => {
    expect(contractEffects({ seats: 1, status: 'open', company: { stage: 'contacted' } })).toEqual([
      { key: 'case' },
      { key: 'company' },
      { key: 'placeFilled' },
    ]);
    expect(contractEffects({ seats: 3, status: 'open', company: { stage: 'training' } })).toEqual([
      { key: 'case' },
      { key: 'placeSeats', values: { count: 3 } },
    ]);
    expect(contractEffects({ seats: 1, status: 'filled', company: { stage: 'training' } })).toEqual([
      { key: 'case' },
    ]);
  });
});

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
    // The training contract only on an apprenticeship place; an internship or EQ ends at its trial stage.
    expect(nextStages('interview', 'internship')).toEqual(['internship_or_eq', 'rejected', 'withdrawn']);
    expect(nextStages('internship_or_eq', 'entry_qualification')).toEqual(['rejected', 'withdrawn']);
    expect(canChangeStage('internship_or_eq', 'taster_day')).toBe(true);
    expect(nextStages('rejected')).toEqual([]);
    expect(nextStages('withdrawn')).toEqual([]);
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
