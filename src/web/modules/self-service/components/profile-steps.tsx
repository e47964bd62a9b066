import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import {
  intlLocaleOf,
  type TClientLanguage,
  type TProfileForm,
  type TProfileUpload,
} from '../../../../contracts/self-service';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { countryOptions } from '../names';
import {
  MAX_LENGTH,
  NUMBER_BOUNDS,
  type TProfileField,
  type TProfileValues,
  toggleCanDo,
} from '../public/profile-values';
import type { TPublicT } from '../public/public-texts';
import { ChoiceGroup, TickBox, TickFieldset } from './choice';
import { LimitedTextarea } from './limited-textarea';
import { OccupationField } from './occupation-field';
import { UploadsField } from './uploads-field';

/** What every step body gets. */
export interface TStepProps {
  token: string;
  form: TProfileForm;
  lang: TClientLanguage;
  values: TProfileValues;
  set: <K extends TProfileField>(field: K, value: TProfileValues[K]) => void;
  /** Messages at fields (already in the client's language). */
  errors: Partial<Record<TProfileField, string>>;
  /** A form text from the server's definition. */
  tx: (key: string) => string;
  /** The same as a node, marked `lang="de"` when it fell back to German (use it for shown text). */
  tl: (key: string) => ReactNode;
  /** A text of the page frame (web locales). */
  pt: TPublicT;
  uploads: TProfileUpload[];
  onUploads: (uploads: TProfileUpload[]) => void;
  onGone: (error: unknown) => void;
}

const numberProps = {
  inputMode: 'numeric' as const,
  autoComplete: 'off',
  size: 'lg' as const,
  maxLength: MAX_LENGTH.number,
};

/** The options of a choice with their texts as nodes (`<prefix>.<value>` is the option's form key). */
function choiceOptions(options: ReadonlyArray<{ value: string }>, prefix: string, tl: TStepProps['tl']) {
  return options.map((o) => ({ value: o.value, label: tl(`${prefix}.${o.value}`) }));
}

/** Step 1: the name to be called by (required), phone and e-mail. */
function AboutStep({ values, set, errors, tl }: TStepProps) {
  return (
    <Stack>
      <TextInput
        label={tl('spokenName.label')}
        description={tl('spokenName.hint')}
        size="lg"
        required
        maxLength={MAX_LENGTH.spokenName}
        autoComplete="given-name"
        value={values.spokenName}
        onChange={(e) => set('spokenName', e.currentTarget.value)}
        error={errors.spokenName}
        data-testid="profile-spoken-name"
      />
      <TextInput
        label={tl('phone.label')}
        description={tl('phone.hint')}
        size="lg"
        maxLength={MAX_LENGTH.phone}
        type="tel"
        autoComplete="tel"
        dir="ltr"
        value={values.phone}
        onChange={(e) => set('phone', e.currentTarget.value)}
        error={errors.phone}
      />
      <TextInput
        label={tl('email.label')}
        description={tl('email.hint')}
        size="lg"
        maxLength={MAX_LENGTH.email}
        type="email"
        autoComplete="email"
        dir="ltr"
        value={values.email}
        onChange={(e) => set('email', e.currentTarget.value)}
        error={errors.email}
        data-testid="profile-email"
      />
    </Stack>
  );
}

/** Step 2: spoken languages, each with a plain self-rating. */
function LanguagesStep({ form, values, set, errors, tl, pt }: TStepProps) {
  const rows = values.languages.length > 0 ? values.languages : [{ code: '', skill: 'good' as const }];
  const update = (index: number, patch: Partial<(typeof rows)[number]>) =>
    set(
      'languages',
      rows.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    );
  return (
    <Stack>
      <p className="kausa-profile-lead">{tl('languages.hint')}</p>
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; their order is their identity
          <Stack key={index} gap="xs" data-testid="profile-language-row">
            <NativeSelect
              label={pt('languageRow', { n })}
              size="lg"
              value={row.code}
              onChange={(e) => update(index, { code: e.currentTarget.value })}
              data={[{ value: '', label: pt('chooseOption') }, ...form.options.languages]}
              error={index === 0 ? errors.languages : undefined}
            />
            <NativeSelect
              label={
                <>
                  {tl('languages.skill')} ({pt('languageRow', { n })})
                </>
              }
              size="lg"
              value={row.skill}
              onChange={(e) => update(index, { skill: e.currentTarget.value as typeof row.skill })}
            >
              {form.options.languageSkill.map((o) => (
                <option
                  key={o.value}
                  value={o.value}
                  lang={form.fallbackKeys.includes(`languageSkill.${o.value}`) ? 'de' : undefined}
                >
                  {o.label}
                </option>
              ))}
            </NativeSelect>
            {rows.length > 1 ? (
              <Group>
                <Button
                  variant="default"
                  size="md"
                  onClick={() =>
                    set(
                      'languages',
                      rows.filter((_, i) => i !== index),
                    )
                  }
                >
                  {tl('remove')}: {pt('languageRow', { n })}
                </Button>
              </Group>
            ) : null}
          </Stack>
        );
      })}
      {rows.length < 10 ? (
        <Group>
          <Button
            variant="light"
            style={QUIET_BUTTON_STYLE}
            size="lg"
            onClick={() => set('languages', [...rows, { code: '', skill: 'good' }])}
          >
            {tl('languages.add')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** Step 3: the German self-check: can-do statements per CEFR level, tick what is true. */
function GermanStep({ form, values, set, tl }: TStepProps) {
  const levels = [...new Set(form.canDo.map((s) => s.level))];
  return (
    <Stack>
      <p className="kausa-profile-lead">{tl('germanCanDo.label')}</p>
      <p className="kausa-profile-lead">{tl('germanCanDo.hint')}</p>
      {levels.map((level) => (
        <TickFieldset
          key={level}
          legend={
            <>
              {level} – {tl(`level.${level}`)}
            </>
          }
        >
          {form.canDo
            .filter((s) => s.level === level)
            .map((s) => (
              <TickBox
                key={s.id}
                label={tl(`canDo.${s.id}`)}
                checked={values.germanCanDo.includes(s.id)}
                onChange={(on) => set('germanCanDo', toggleCanDo(values.germanCanDo, s.id, on))}
                data-testid={`can-do-${s.id}`}
              />
            ))}
        </TickFieldset>
      ))}
    </Stack>
  );
}

/** Step 4: school country, years and qualification. */
function SchoolStep({ form, lang, values, set, errors, tl, pt }: TStepProps) {
  const countries = useMemo(() => countryOptions(intlLocaleOf(lang)), [lang]);
  const bounds = NUMBER_BOUNDS.schoolYears;
  return (
    <Stack>
      <NativeSelect
        label={tl('schoolCountry.label')}
        size="lg"
        value={values.schoolCountry}
        onChange={(e) => set('schoolCountry', e.currentTarget.value)}
        data={[{ value: '', label: pt('chooseOption') }, ...countries]}
        error={errors.schoolCountry}
      />
      <TextInput
        label={tl('schoolYears.label')}
        {...numberProps}
        value={values.schoolYears}
        onChange={(e) => set('schoolYears', e.currentTarget.value)}
        error={errors.schoolYears}
        maw={200}
        description={<NumberRange min={bounds.min} max={bounds.max} />}
      />
      <ChoiceGroup
        label={tl('schoolQualification.label')}
        value={values.schoolQualification}
        options={choiceOptions(form.options.schoolQualification, 'schoolQualification', tl)}
        onChange={(v) => set('schoolQualification', v)}
        error={errors.schoolQualification}
      />
    </Stack>
  );
}

/** Step 5: work experience, wished occupations (from the occupation list), interests. */
function WorkStep({ form, values, set, errors, tl, pt }: TStepProps) {
  return (
    <Stack>
      <LimitedTextarea
        label={tl('workExperience.label')}
        hint={tl('workExperience.hint')}
        max={MAX_LENGTH.freeText}
        value={values.workExperience}
        onChange={(v) => set('workExperience', v)}
        error={errors.workExperience}
        pt={pt}
        testId="profile-work-experience"
      />
      <OccupationField
        label={tl('wishedOccupationIds.label')}
        hint={tl('wishedOccupationIds.hint')}
        searchLabel={tl('wishedOccupationIds.search')}
        removeLabel={tl('remove')}
        value={values.wishedOccupationIds}
        max={form.limits.maxOccupations}
        onChange={(ids) => set('wishedOccupationIds', ids)}
        error={errors.wishedOccupationIds}
        pt={pt}
      />
      <LimitedTextarea
        label={tl('interests.label')}
        max={MAX_LENGTH.freeText}
        value={values.interests}
        onChange={(v) => set('interests', v)}
        error={errors.interests}
        pt={pt}
        testId="profile-interests"
      />
    </Stack>
  );
}

/** Step 6: how far to travel, driving licence, when to start. */
function StartStep({ form, values, set, errors, tl }: TStepProps) {
  const bounds = NUMBER_BOUNDS.mobilityRadiusKm;
  return (
    <Stack>
      <TextInput
        label={tl('mobilityRadiusKm.label')}
        {...numberProps}
        value={values.mobilityRadiusKm}
        onChange={(e) => set('mobilityRadiusKm', e.currentTarget.value)}
        error={errors.mobilityRadiusKm}
        maw={200}
        description={<NumberRange min={bounds.min} max={bounds.max} />}
      />
      <ChoiceGroup
        label={tl('drivingLicence.label')}
        value={values.drivingLicence}
        options={[
          { value: 'yes', label: tl('yes') },
          { value: 'no', label: tl('no') },
        ]}
        onChange={(v) => set('drivingLicence', v as TProfileValues['drivingLicence'])}
        error={errors.drivingLicence}
      />
      <ChoiceGroup
        label={tl('availability.label')}
        value={values.availability}
        options={choiceOptions(form.options.availability, 'availability', tl)}
        onChange={(v) => set('availability', v)}
        error={errors.availability}
      />
      {values.availability === 'from_date' ? (
        <TextInput
          label={tl('availableFrom.label')}
          type="date"
          size="lg"
          value={values.availableFrom}
          onChange={(e) => set('availableFrom', e.currentTarget.value)}
          error={errors.availableFrom}
          maw={260}
        />
      ) : null}
    </Stack>
  );
}

/** Step 7: photo and documents (optional). */
function UploadsStep(props: TStepProps) {
  return (
    <UploadsField
      token={props.token}
      lang={props.lang}
      form={props.form}
      uploads={props.uploads}
      onUploads={props.onUploads}
      onGone={props.onGone}
      tx={props.tl}
      pt={props.pt}
    />
  );
}

/** The body of each step, in the order of `PROFILE_STEPS`. */
export const STEP_BODIES = {
  about: AboutStep,
  languages: LanguagesStep,
  german: GermanStep,
  school: SchoolStep,
  work: WorkStep,
  start: StartStep,
  uploads: UploadsStep,
} as const;

/**
 * A numeric range hint ("0–20") isolated as left-to-right (`<bdi dir="ltr">`), so in Arabic and Farsi
 * it does not read reversed ("20–0").
 */
export function NumberRange({ min, max }: { min: number; max: number }) {
  return (
    <bdi dir="ltr" data-testid="number-range">
      {min}–{max}
    </bdi>
  );
}
