import { Anchor, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TClient } from '../../../../contracts/clients';
import type { TProfileSubmission } from '../../../../contracts/self-service';
import { useFormatters } from '../../../lib/format';
import { submissionUploadUrl } from '../api';
import { useOccupationName } from '../components/occupation-field';
import { displayNames } from '../names';
import type { TCompareField } from '../submission-compare';

/** An occupation's name from the occupation list. */
function OccupationName({ id }: { id: string }) {
  return <>{useOccupationName(id).data ?? id}</>;
}

/** "–" for an empty cell, read as "nicht angegeben". */
function Empty() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <VisuallyHidden component="span">{t('clients.notStated')}</VisuallyHidden>
    </>
  );
}

/** Several values as a compact list; one as plain text; none as "–". */
function Values({ items }: { items: React.ReactNode[] }) {
  const present = items.filter((i) => i !== null && i !== undefined && i !== '');
  if (present.length === 0) return <Empty />;
  if (present.length === 1) return <>{present[0]}</>;
  return (
    <ul className="kausa-compact-list">
      {present.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: display-only list in a fixed order
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/** Free text as typed by the client (line breaks kept; React escapes markup, so it shows as text). */
function FreeText({ text }: { text: string | null | undefined }) {
  if (!text) return <Empty />;
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} dir="auto">
      {text}
    </Text>
  );
}

/** The client's answer for one row of the side-by-side view. */
export function AnswerValue({ field, submission }: { field: TCompareField; submission: TProfileSubmission }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const a = submission.answers;
  const language = displayNames('language', i18n.language);
  const country = displayNames('region', i18n.language);
  const yesNo = (v: boolean | null | undefined) =>
    v === null || v === undefined ? null : v ? t('clients.yes') : t('clients.no');
  switch (field) {
    case 'spokenName':
    case 'phone':
    case 'email':
      return a[field] ? <span dir="auto">{a[field]}</span> : <Empty />;
    case 'languages':
      return (
        <Values
          items={(a.languages ?? []).map(
            (l) => `${language(l.code)} (${t(`selfService.submissions.skills.${l.skill}`)})`,
          )}
        />
      );
    case 'germanLevel':
      return (
        <Values
          items={[
            submission.suggestedGermanLevel
              ? t('selfService.submissions.suggested', { level: submission.suggestedGermanLevel })
              : t('selfService.submissions.noSuggestion'),
            ...Object.entries(submission.canDoTotals).map(([level, total]) =>
              t('selfService.submissions.canDoLevel', {
                level,
                ticked: submission.canDoTicked[level] ?? 0,
                total,
              }),
            ),
          ]}
        />
      );
    case 'school':
      return (
        <Values
          items={[
            a.schoolQualification ? t(`clients.school.${a.schoolQualification}`) : null,
            a.schoolCountry
              ? t('selfService.submissions.schoolCountry', { country: country(a.schoolCountry) })
              : null,
          ]}
        />
      );
    case 'schoolYears':
      return a.schoolYears === null || a.schoolYears === undefined ? (
        <Empty />
      ) : (
        t('selfService.submissions.schoolYearsValue', { count: a.schoolYears })
      );
    case 'workExperience':
    case 'interests':
      return <FreeText text={a[field]} />;
    case 'wishedOccupationIds':
      return (
        <Values items={(a.wishedOccupationIds ?? []).map((id) => <OccupationName key={id} id={id} />)} />
      );
    case 'mobility':
      return (
        <Values
          items={[
            a.mobilityRadiusKm === null || a.mobilityRadiusKm === undefined
              ? null
              : t('selfService.submissions.radius', { km: a.mobilityRadiusKm }),
            yesNo(a.drivingLicence)
              ? t('selfService.submissions.licence', { value: yesNo(a.drivingLicence) })
              : null,
          ]}
        />
      );
    case 'availability':
      // The answer, and the day it gives the record ("now" → the day of the profile).
      return a.availability ? (
        <Values
          items={[
            t(`selfService.submissions.availability.${a.availability}`, {
              date: format.day(a.availableFrom ?? ''),
            }),
            submission.suggestedAvailableFrom && a.availability !== 'from_date'
              ? t('selfService.submissions.availableAs', {
                  date: format.day(submission.suggestedAvailableFrom),
                })
              : null,
          ]}
        />
      ) : (
        <Empty />
      );
    case 'uploads':
      return (
        <Values
          items={submission.uploads.map((u) => (
            <Anchor
              key={u.id}
              href={submissionUploadUrl(submission.clientId, submission.id, u.id)}
              target="_blank"
            >
              {t('selfService.submissions.uploadOpen', { name: u.fileName })}
            </Anchor>
          ))}
        />
      );
  }
}

/** What the record says for one row of the side-by-side view. */
export function RecordValue({ field, client }: { field: TCompareField; client: TClient }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const language = displayNames('language', i18n.language);
  const country = displayNames('region', i18n.language);
  const yesNo = (v: boolean | null) => (v === null ? null : v ? t('clients.yes') : t('clients.no'));
  switch (field) {
    case 'spokenName':
    case 'phone':
    case 'email':
      return client[field] ? <span dir="auto">{client[field]}</span> : <Empty />;
    case 'languages':
      return (
        <Values items={client.languages.map((l) => `${language(l.code)}${l.level ? ` (${l.level})` : ''}`)} />
      );
    case 'germanLevel':
      return client.germanLevel ? (
        client.germanLevelSource ? (
          t('selfService.submissions.recordLevel', {
            level: client.germanLevel,
            source: t(`clients.germanLevelSource.${client.germanLevelSource}`),
          })
        ) : (
          client.germanLevel
        )
      ) : (
        <Empty />
      );
    case 'school':
      return (
        <Values
          items={[
            client.schoolQualification ? t(`clients.school.${client.schoolQualification}`) : null,
            client.schoolCountry
              ? t('selfService.submissions.schoolCountry', { country: country(client.schoolCountry) })
              : null,
          ]}
        />
      );
    case 'workExperience':
    case 'interests':
      return <FreeText text={client[field]} />;
    case 'wishedOccupationIds':
      return <Values items={client.wishedOccupationIds.map((id) => <OccupationName key={id} id={id} />)} />;
    case 'mobility':
      return (
        <Values
          items={[
            client.mobilityRadiusKm === null
              ? null
              : t('selfService.submissions.radius', { km: client.mobilityRadiusKm }),
            yesNo(client.drivingLicence)
              ? t('selfService.submissions.licence', { value: yesNo(client.drivingLicence) })
              : null,
          ]}
        />
      );
    case 'availability':
      // The record's availability window (the profile can set its start).
      if (client.availableFrom && client.availableUntil) {
        return t('selfService.submissions.availableWindow', {
          from: format.day(client.availableFrom),
          until: format.day(client.availableUntil),
        });
      }
      if (client.availableFrom) {
        return t('selfService.submissions.availability.from_date', {
          date: format.day(client.availableFrom),
        });
      }
      if (client.availableUntil) {
        return t('selfService.submissions.availableUntil', { date: format.day(client.availableUntil) });
      }
      return <Empty />;
    case 'schoolYears':
    case 'uploads':
      return <Empty />;
  }
}
