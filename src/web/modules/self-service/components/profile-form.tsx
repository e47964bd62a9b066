import { Alert, Button, Progress, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import {
  intlLocaleOf,
  type TClientLanguage,
  type TProfileForm,
  type TProfileUpload,
} from '../../../../contracts/self-service';
import { ApiError } from '../../../lib/api';
import { DraftSaver, type TSaveState } from '../public/draft-saver';
import { fallbackText } from '../public/fallback-text';
import {
  fieldOfProblemPath,
  fromAnswers,
  NUMBER_BOUNDS,
  PROFILE_STEPS,
  stepOfField,
  type TProfileField,
  type TProfileValues,
  toAnswers,
} from '../public/profile-values';
import {
  isLinkGone,
  publicProblem,
  saveDraft,
  submitProfile,
  type TSubmitReceipt,
} from '../public/public-api';
import type { TPublicT } from '../public/public-texts';
import { STEP_BODIES } from './profile-steps';

type TErrors = Partial<Record<TProfileField, string>>;

/** Props of {@link ProfileForm}. */
export interface ProfileFormProps {
  token: string;
  /** The form definition in the shown language (its draft is read once, on mount). */
  form: TProfileForm;
  lang: TClientLanguage;
  pt: TPublicT;
  /** The link stopped working (expired, revoked, used) during a save, upload or submit. */
  onGone: (error: unknown) => void;
  onSubmitted: (receipt: TSubmitReceipt) => void;
}

/** "Gespeichert um 10:42" / "Wird gespeichert …" / "Nicht gespeichert …" under the form. */
function SaveStatus({
  state,
  lang,
  tx,
  pt,
}: {
  state: TSaveState;
  lang: TClientLanguage;
  tx: (k: string) => ReactNode;
  pt: TPublicT;
}) {
  const time = state.savedAt
    ? new Intl.DateTimeFormat(intlLocaleOf(lang), { hour: '2-digit', minute: '2-digit' }).format(
        new Date(state.savedAt),
      )
    : null;
  const text =
    state.status === 'pending' || state.status === 'saving'
      ? tx('saving')
      : state.status === 'failed'
        ? tx('saveFailed')
        : time
          ? pt('savedAt', { time })
          : '';
  return (
    <>
      <Text
        className="kausa-profile-status"
        size="sm"
        c={state.status === 'failed' ? 'red.9' : 'dimmed'}
        data-testid="profile-save-status"
        data-state={state.status}
      >
        {text}
      </Text>
      {/* Only a failure is announced: "saving … saved" on every pause in typing would be noise. */}
      <div role="alert" className="kausa-visually-hidden">
        {state.status === 'failed' ? tx('saveFailed') : ''}
      </div>
    </>
  );
}

/** Messages for the values that cannot be sent as typed (and a missing name). */
function localErrors(values: TProfileValues, tx: (k: string) => string, pt: TPublicT): TErrors {
  const { answers, problems } = toAnswers(values);
  const errors: TErrors = {};
  if (!answers.spokenName) errors.spokenName = tx('required');
  for (const [field, problem] of Object.entries(problems) as Array<[TProfileField, string]>) {
    if (problem === 'email') errors[field] = pt('invalidEmail');
    else if (problem === 'number' && (field === 'schoolYears' || field === 'mobilityRadiusKm')) {
      errors[field] = pt('invalidNumber', NUMBER_BOUNDS[field]);
    } else errors[field] = pt('invalidField');
  }
  return errors;
}

/**
 * The application profile as a step-by-step form (one topic per screen, "Schritt 3 von 7" with a
 * bar): every change is saved as a draft as the client types (debounced; the status shows when it
 * was saved; nothing is lost when the network drops, the saver retries). "Abschicken" sends the
 * answers once: the button is blocked while sending and the server keeps one record per link.
 */
export function ProfileForm({ token, form, lang, pt, onGone, onSubmitted }: ProfileFormProps) {
  const tx = (key: string) => form.texts[key] ?? key;
  // Shown texts: those that fell back to German are marked lang="de" for screen readers.
  const tl = fallbackText(form);
  const [initial] = useState(() => ({
    values: {
      ...fromAnswers(form.draft.answers, form.prefill.givenName),
      uploadIds: form.uploads.map((u) => u.id),
    },
    restored: form.draft.savedAt !== null,
  }));
  const [values, setValues] = useState<TProfileValues>(initial.values);
  const valuesRef = useRef(values);
  const [uploads, setUploads] = useState<TProfileUpload[]>(form.uploads);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<TErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<TSaveState>({ status: 'idle', savedAt: form.draft.savedAt });
  const [submitting, setSubmitting] = useState(false);
  const submittingRef = useRef(false);
  const onGoneRef = useRef(onGone);
  onGoneRef.current = onGone;
  const langRef = useRef(lang);
  const [saver] = useState(
    () =>
      new DraftSaver({
        send: (payload, { keepalive }) => saveDraft(token, payload, keepalive),
        onState: setSaveState,
        isFatal: isLinkGone,
        onFatal: (error) => {
          if (!submittingRef.current) onGoneRef.current(error);
        },
        initialSeq: form.draft.seq ?? 0,
        initialSavedAt: form.draft.savedAt,
      }),
  );
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);

  const remember = (next: TProfileValues) =>
    saver.change({ language: langRef.current, answers: toAnswers(next).answers });

  // A new language is remembered with the draft (letters and messages follow it).
  useEffect(() => {
    if (langRef.current === lang) return;
    langRef.current = lang;
    remember(valuesRef.current);
  });

  // Leaving the page (tab hidden, app switched, closed): send what is waiting at once.
  useEffect(() => {
    const flush = () => {
      if (document.visibilityState === 'hidden') void saver.flush(true);
    };
    const leave = () => void saver.flush(true);
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', leave);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', leave);
      void saver.flush();
    };
  }, [saver]);

  // After moving to another step, focus its heading so screen readers say where they are.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [step]);

  const set = <K extends TProfileField>(field: K, value: TProfileValues[K]) => {
    const next = { ...valuesRef.current, [field]: value };
    valuesRef.current = next;
    setValues(next);
    if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest as TErrors);
    remember(next);
  };

  const setUploadList = (list: TProfileUpload[]) => {
    setUploads(list);
    set(
      'uploadIds',
      list.map((u) => u.id),
    );
  };

  const showErrors = (found: TErrors): boolean => {
    const fields = Object.keys(found) as TProfileField[];
    setErrors(found);
    if (fields.length === 0) return false;
    setStep(Math.min(...fields.map(stepOfField)));
    setAlert(pt('fixErrors'));
    return true;
  };

  const next = () => {
    setAlert(null);
    const onStep = PROFILE_STEPS[step]?.fields ?? [];
    const found = Object.fromEntries(
      Object.entries(localErrors(valuesRef.current, tx, pt)).filter(([f]) =>
        onStep.includes(f as TProfileField),
      ),
    ) as TErrors;
    if (showErrors(found)) return;
    setStep((s) => Math.min(s + 1, PROFILE_STEPS.length - 1));
  };

  const submit = async () => {
    if (submittingRef.current) return;
    setAlert(null);
    if (showErrors(localErrors(valuesRef.current, tx, pt))) return;
    submittingRef.current = true;
    setSubmitting(true);
    try {
      const receipt = await submitProfile(token, {
        language: lang,
        seq: saver.seq,
        answers: toAnswers(valuesRef.current).answers,
      });
      saver.stop();
      onSubmitted(receipt);
    } catch (error) {
      submittingRef.current = false;
      setSubmitting(false);
      if (isLinkGone(error)) {
        saver.stop();
        onGone(error);
      } else if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length > 0) {
        // The server names each problem in the client's language (`message`); the first per field.
        const found: TErrors = {};
        for (const f of error.fieldErrors) {
          const field = fieldOfProblemPath(f.field);
          if (field && !found[field]) {
            found[field] = f.message || (f.code === 'required' ? tx('required') : pt('invalidField'));
          }
        }
        if (!showErrors(found)) setAlert(publicProblem(error)?.detail ?? pt('fixErrors'));
      } else {
        setAlert(
          error instanceof ApiError && error.status !== 0
            ? (publicProblem(error)?.detail ?? pt('networkError'))
            : pt('networkError'),
        );
      }
    }
  };

  const current = PROFILE_STEPS[step] ?? PROFILE_STEPS[0];
  if (!current) return null;
  const Body = STEP_BODIES[current.id];
  const last = step === PROFILE_STEPS.length - 1;
  const total = PROFILE_STEPS.length;
  return (
    <Stack gap="lg">
      <Title order={1}>{tl('title')}</Title>
      {step === 0 ? (
        <Stack gap="xs">
          {initial.restored ? (
            <Alert color="blue" variant="light" data-testid="profile-restored">
              {pt('draftRestored')}
            </Alert>
          ) : null}
          <Text m={0}>{tl('intro')}</Text>
          <Text m={0} size="sm">
            {tl('privacy')}
          </Text>
          <Text m={0} size="sm">
            {tl('expiresAt')}
          </Text>
        </Stack>
      ) : null}
      <Stack gap={4}>
        <Text fw={600} m={0} data-testid="profile-progress">
          {pt('step', { step: step + 1, total })}
        </Text>
        <Progress.Root size="lg" aria-hidden>
          <Progress.Section value={((step + 1) / total) * 100} withAria={false} />
        </Progress.Root>
      </Stack>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (last) void submit();
          else next();
        }}
      >
        <Stack gap="lg">
          <section aria-labelledby={headingId}>
            <Title
              order={2}
              id={headingId}
              ref={headingRef}
              tabIndex={-1}
              mb="md"
              style={{ outline: 'none' }}
            >
              {tl(current.titleKey)}
            </Title>
            <Body
              token={token}
              form={form}
              lang={lang}
              values={values}
              set={set}
              errors={errors}
              tx={tx}
              tl={tl}
              pt={pt}
              uploads={uploads}
              onUploads={setUploadList}
              onGone={(error) => {
                saver.stop();
                onGone(error);
              }}
            />
          </section>
          {last ? <Text m={0}>{tl('submit.hint')}</Text> : null}
          {alert ? (
            <Alert color="red" variant="light" role="alert" data-testid="profile-alert">
              {alert}
            </Alert>
          ) : null}
          <div className="kausa-profile-nav">
            {step > 0 ? (
              <Button
                type="button"
                variant="default"
                size="lg"
                onClick={() => setStep((s) => Math.max(s - 1, 0))}
              >
                {pt('back')}
              </Button>
            ) : null}
            {last ? (
              <Button type="submit" size="lg" loading={submitting} data-testid="profile-submit">
                {submitting ? pt('submitting') : tl('submit')}
              </Button>
            ) : (
              <Button type="submit" size="lg" data-testid="profile-next">
                {pt('next')}
              </Button>
            )}
          </div>
          <SaveStatus state={saveState} lang={lang} tx={tl} pt={pt} />
        </Stack>
      </form>
    </Stack>
  );
}
