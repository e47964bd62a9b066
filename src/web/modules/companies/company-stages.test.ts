import { describe, expect, it } from 'vitest';
import {
  COMPANY_STAGES,
  companyMoveTargets,
  defaultTargetStage,
  historyOldestFirst,
  latestChange,
  needsReason,
  nextCompanyStage,
  splitBoardColumns,
} from './company-stages';

describe('company stages', () => {
  it('list the pipeline in order, then the side exits', () => {
    expect(COMPANY_STAGES).toEqual([
      'identified',
      'contacted',
      'advised',
      'ready_to_train',
      'offering',
      'training',
      'declined',
      'inactive',
    ]);
  });

  it('only the side exits need a reason', () => {
    expect(needsReason('declined')).toBe(true);
    expect(needsReason('inactive')).toBe(true);
    expect(needsReason('offering')).toBe(false);
  });

  it('the next stage follows the pipeline and stops after training and at the side exits', () => {
    expect(nextCompanyStage('identified')).toBe('contacted');
    expect(nextCompanyStage('offering')).toBe('training');
    expect(nextCompanyStage('training')).toBeNull();
    expect(nextCompanyStage('declined')).toBeNull();
  });

  it('a company can move to every other stage, back and to the side exits', () => {
    expect(companyMoveTargets('advised')).toEqual([
      'identified',
      'contacted',
      'ready_to_train',
      'offering',
      'training',
      'declined',
      'inactive',
    ]);
  });

  it('the dialog preselects the wanted stage, else the next one, else the first target', () => {
    expect(defaultTargetStage('contacted', 'offering')).toBe('offering');
    expect(defaultTargetStage('contacted', 'contacted')).toBe('advised');
    expect(defaultTargetStage('contacted')).toBe('advised');
    expect(defaultTargetStage('declined')).toBe('identified');
  });

  it('board columns split into the pipeline and the side strip', () => {
    const columns = COMPANY_STAGES.map((stage) => ({ stage, count: 0 }));
    const { pipeline, side } = splitBoardColumns(columns);
    expect(pipeline.map((c) => c.stage)).toEqual(COMPANY_STAGES.slice(0, 6));
    expect(side.map((c) => c.stage)).toEqual(['declined', 'inactive']);
  });

  it('history oldest first keeps the server order within a day; the latest day bounds a move', () => {
    const history = [
      { changedOn: '2026-11-20', to: 'b' },
      { changedOn: '2026-11-01', to: 'a' },
      { changedOn: '2026-11-20', to: 'c' },
    ];
    expect(historyOldestFirst(history).map((h) => h.to)).toEqual(['a', 'b', 'c']);
    expect(latestChange(history)).toBe('2026-11-20');
    expect(latestChange([])).toBeUndefined();
  });
});
