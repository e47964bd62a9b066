import { describe, expect, it } from 'vitest';
import { ZMovePlacementStage } from '../../../contracts/placements';
import {
  caseTargetFor,
  companyMovesToTraining,
  contractExitNotices,
  isFinalStage,
  moveInputErrors,
  needsMatchingConsent,
  nextStages,
  OPEN_PLACEMENT_STAGES,
  placeIsFull,
  placeReopens,
  stageDateError,
  todayIso,
  transitionError,
} from './placements.rules';

describe('placement rules: transitions', () => {
  it('lets the pipeline go forwards, skipping steps that did not happen', () => {
    expect(transitionError('proposed', 'company_contacted')).toBeNull();
    expect(transitionError('company_contacted', 'interview')).toBeNull();
    expect(transitionError('interview', 'internship_or_eq')).toBeNull();
    expect(transitionError('internship_or_eq', 'contract')).toBeNull();
    // The trial phase is optional, an internship may come without an interview.
    expect(transitionError('interview', 'contract')).toBeNull();
    expect(transitionError('company_contacted', 'internship_or_eq')).toBeNull();
    expect(transitionError('proposed', 'contract')).toBeNull();
  });

  it('never goes backwards and refuses staying in the same stage', () => {
    expect(transitionError('interview', 'company_contacted')).toBe('placement_backwards');
    expect(transitionError('internship_or_eq', 'proposed')).toBe('placement_backwards');
    expect(transitionError('interview', 'interview')).toBe('same_stage');
  });

  it('allows the side exits from every open stage and nothing after a final stage', () => {
    for (const from of OPEN_PLACEMENT_STAGES) {
      expect(transitionError(from, 'rejected')).toBeNull();
      expect(transitionError(from, 'withdrawn')).toBeNull();
    }
    for (const from of ['rejected', 'withdrawn'] as const) {
      expect(isFinalStage(from)).toBe(true);
      expect(nextStages(from)).toEqual([]);
      expect(transitionError(from, 'proposed')).toBe('placement_closed');
    }
    expect(transitionError('rejected', 'rejected')).toBe('same_stage');
    expect(transitionError('withdrawn', 'rejected')).toBe('placement_closed');
  });

  it('lets a contract be left once, as withdrawn or rejected, and nowhere else', () => {
    expect(isFinalStage('contract')).toBe(true);
    expect(nextStages('contract')).toEqual(['rejected', 'withdrawn']);
    expect(transitionError('contract', 'withdrawn')).toBeNull();
    expect(transitionError('contract', 'rejected')).toBeNull();
    for (const to of ['proposed', 'company_contacted', 'interview', 'internship_or_eq'] as const) {
      expect(transitionError('contract', to)).toBe('placement_closed');
    }
    expect(transitionError('contract', 'contract')).toBe('same_stage');
  });

  it('allows the reason contract_cancelled only when leaving a contract', () => {
    const body = { stage: 'rejected' as const, reason: 'contract_cancelled' as const, trialKind: null };
    expect(moveInputErrors(body, 'contract')).toEqual([]);
    expect(moveInputErrors(body)).toEqual([]);
    expect(moveInputErrors(body, 'interview')).toEqual([
      expect.objectContaining({ field: 'body.reason', code: 'reason_only_after_contract' }),
    ]);
    expect(moveInputErrors({ ...body, reason: 'company_declined' }, 'contract')).toEqual([]);
  });

  it('reopens a filled place only when a contract is left and a seat is free again', () => {
    expect(placeReopens('contract', 'filled', 1, 0)).toBe(true);
    expect(placeReopens('contract', 'filled', 2, 1)).toBe(true);
    expect(placeReopens('contract', 'filled', 2, 2)).toBe(false);
    expect(placeReopens('contract', 'open', 2, 0)).toBe(false);
    expect(placeReopens('contract', 'closed', 1, 0)).toBe(false);
    expect(placeReopens('interview', 'filled', 1, 0)).toBe(false);
  });

  it('says after leaving a contract that the case and company were not moved back', () => {
    expect(contractExitNotices('contract', true)).toEqual([
      'case_not_moved_back',
      'company_not_moved_back',
      'place_reopened',
    ]);
    expect(contractExitNotices('contract', false)).toEqual(['case_not_moved_back', 'company_not_moved_back']);
    expect(contractExitNotices('interview', false)).toEqual([]);
  });

  it('lists the possible next stages in pipeline order, then the side exits', () => {
    expect(OPEN_PLACEMENT_STAGES).toEqual(['proposed', 'company_contacted', 'interview', 'internship_or_eq']);
    expect(nextStages('proposed')).toEqual([
      'company_contacted',
      'interview',
      'internship_or_eq',
      'contract',
      'rejected',
      'withdrawn',
    ]);
    expect(nextStages('internship_or_eq')).toEqual(['contract', 'rejected', 'withdrawn']);
  });

  it('asks for the matching consent only where the company learns more about the client', () => {
    expect(needsMatchingConsent('company_contacted')).toBe(true);
    expect(needsMatchingConsent('interview')).toBe(true);
    expect(needsMatchingConsent('internship_or_eq')).toBe(true);
    // Recording an outcome passes nothing new.
    expect(needsMatchingConsent('contract')).toBe(false);
    expect(needsMatchingConsent('rejected')).toBe(false);
    expect(needsMatchingConsent('withdrawn')).toBe(false);
  });
});

describe('placement rules: stage-move input', () => {
  it('needs a reason for rejected and refuses one for other stages', () => {
    expect(moveInputErrors({ stage: 'rejected' })).toEqual([
      { field: 'body.reason', code: 'reason_required', messageKey: 'reason_required' },
    ]);
    expect(moveInputErrors({ stage: 'rejected', reason: 'no_show' })).toEqual([]);
    expect(moveInputErrors({ stage: 'interview', reason: 'language' })).toEqual([
      expect.objectContaining({ field: 'body.reason', code: 'reason_only_when_rejected' }),
    ]);
  });

  it('takes a trial kind only for the trial phase', () => {
    expect(moveInputErrors({ stage: 'internship_or_eq', trialKind: 'entry_qualification' })).toEqual([]);
    expect(moveInputErrors({ stage: 'internship_or_eq' })).toEqual([]);
    expect(moveInputErrors({ stage: 'contract', trialKind: 'internship' })).toEqual([
      expect.objectContaining({ field: 'body.trialKind', code: 'trial_kind_only_for_trial' }),
    ]);
  });

  it('refuses an unknown rejection reason in the schema', () => {
    const body = { version: 1, stage: 'rejected', on: '2026-11-30' };
    expect(ZMovePlacementStage.safeParse({ ...body, reason: 'company_declined' }).success).toBe(true);
    expect(ZMovePlacementStage.safeParse({ ...body, reason: 'bad_weather' }).success).toBe(false);
  });
});

describe('placement rules: dates', () => {
  const base = { today: '2026-11-30', proposedOn: '2026-11-02', lastChangeOn: '2026-11-10' };

  it('accepts a day between the last change and today, both included', () => {
    expect(stageDateError({ ...base, on: '2026-11-10' })).toBeNull();
    expect(stageDateError({ ...base, on: '2026-11-30' })).toBeNull();
    expect(stageDateError({ ...base, lastChangeOn: null, on: '2026-11-02' })).toBeNull();
  });

  it('refuses a day in the future, before the proposal or before the previous change', () => {
    expect(stageDateError({ ...base, on: '2026-12-01' })).toBe('in_future');
    expect(stageDateError({ ...base, on: '2026-11-01' })).toBe('before_proposal');
    expect(stageDateError({ ...base, on: '2026-11-09' })).toBe('before_previous_change');
  });

  it("takes today's date in Germany, not in UTC", () => {
    // 23:30 UTC on 30 November is already 1 December in Berlin (CET = UTC+1).
    expect(todayIso(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(todayIso(new Date('2026-11-30T12:00:00Z'))).toBe('2026-11-30');
  });
});

describe('placement rules: effects on the other pipelines', () => {
  it('moves the case to applying on creation and to placed on a contract, nothing else', () => {
    expect(caseTargetFor('created')).toBe('applying');
    expect(caseTargetFor('contract')).toBe('placed');
    for (const s of [
      'company_contacted',
      'interview',
      'internship_or_eq',
      'rejected',
      'withdrawn',
    ] as const) {
      expect(caseTargetFor(s)).toBeNull();
    }
  });

  it('moves the company to training from every other stage, side exits included', () => {
    for (const s of [
      'identified',
      'contacted',
      'advised',
      'ready_to_train',
      'offering',
      'declined',
      'inactive',
    ]) {
      expect(companyMovesToTraining(s)).toBe(true);
    }
    expect(companyMovesToTraining('training')).toBe(false);
  });

  it('fills a place once contracts take all its seats', () => {
    expect(placeIsFull(1, 0)).toBe(false);
    expect(placeIsFull(1, 1)).toBe(true);
    expect(placeIsFull(3, 2)).toBe(false);
    expect(placeIsFull(3, 3)).toBe(true);
  });
});
