import { describe, expect, it } from 'vitest';
import { ZProfileDraftAnswers } from '../../../../contracts/self-service';
import {
  fieldOfProblemPath,
  fromAnswers,
  normalizeDigits,
  PROFILE_STEPS,
  stepOfField,
  toAnswers,
  toggleCanDo,
} from './profile-values';

describe('profile values', () => {
  it('starts an empty draft with the given name and round-trips answers', () => {
    expect(fromAnswers({}, 'Amina').spokenName).toBe('Amina');
    const answers = {
      spokenName: 'Mina',
      phone: '0170 123',
      email: 'mina@example.org',
      languages: [{ code: 'ar', skill: 'native' as const }],
      germanCanDo: ['a1_1', 'a2_3'],
      schoolCountry: 'SY',
      schoolYears: 9,
      schoolQualification: 'esa' as const,
      workExperience: 'Bäckerei',
      wishedOccupationIds: ['friseur'],
      interests: null,
      mobilityRadiusKm: 25,
      drivingLicence: false,
      availability: 'from_date' as const,
      availableFrom: '2027-08-01',
      uploadIds: [],
    };
    const { answers: back, problems } = toAnswers(fromAnswers(answers));
    expect(problems).toEqual({});
    expect(back).toEqual(answers);
  });

  it('keeps unfinished e-mail addresses and bad numbers in the draft as typed and flags them', () => {
    const values = { ...fromAnswers({}), email: 'mina@', schoolYears: '99', mobilityRadiusKm: '1 2' };
    const { answers, problems } = toAnswers(values);
    expect(answers.email).toBe('mina@');
    expect(answers.schoolYears).toBe(99);
    expect(answers.mobilityRadiusKm).toBe('1 2');
    expect(ZProfileDraftAnswers.safeParse(answers).success).toBe(true);
    expect(problems).toEqual({ email: 'email', schoolYears: 'number', mobilityRadiusKm: 'number' });
    // Back from a stored draft: the form shows exactly what was typed.
    expect(fromAnswers(answers)).toMatchObject({
      email: 'mina@',
      schoolYears: '99',
      mobilityRadiusKm: '1 2',
    });
  });

  it('reads Arabic-Indic and Persian digits', () => {
    expect(normalizeDigits('١٢ و ۳۴')).toBe('12 و 34');
    const { answers } = toAnswers({ ...fromAnswers({}), schoolYears: '١٠', phone: '۰۱۷۰' });
    expect(answers.schoolYears).toBe(10);
    expect(answers.phone).toBe('0170');
  });

  it('keeps free text verbatim, markup included, and drops a blank name', () => {
    const { answers } = toAnswers({
      ...fromAnswers({}),
      spokenName: '   ',
      workExperience: '<script>alert(1)</script> ',
    });
    expect(answers.spokenName).toBeUndefined();
    expect(answers.workExperience).toBe('<script>alert(1)</script> ');
  });

  it('sends the start date only with "from a date" and drops languages not chosen yet', () => {
    const { answers } = toAnswers({
      ...fromAnswers({}),
      availability: 'now',
      availableFrom: '2027-01-01',
      languages: [
        { code: '', skill: 'good' },
        { code: 'fa', skill: 'good' },
      ],
    });
    expect(answers.availableFrom).toBeNull();
    expect(answers.languages).toEqual([{ code: 'fa', skill: 'good' }]);
  });

  it('maps server problem paths to fields and steps', () => {
    expect(fieldOfProblemPath('body.answers.wishedOccupationIds.1')).toBe('wishedOccupationIds');
    expect(fieldOfProblemPath('body.answers.nonsense')).toBeNull();
    expect(fieldOfProblemPath('body')).toBeNull();
    expect(stepOfField('spokenName')).toBe(0);
    expect(stepOfField('uploadIds')).toBe(PROFILE_STEPS.length - 1);
  });

  it('toggles can-do statements', () => {
    expect(toggleCanDo(['a1_1'], 'a1_2', true)).toEqual(['a1_1', 'a1_2']);
    expect(toggleCanDo(['a1_1', 'a1_2'], 'a1_1', false)).toEqual(['a1_2']);
  });
});
