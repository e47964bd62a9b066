import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlaceProfile } from '../../../../contracts/places';
import { isApiError } from '../../../lib/api';
import { useFormatters } from '../../../lib/format';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { applyProblem, FactList, useOptionalLabel } from '../../clients';
import { usePlaceProfile, useSavePlaceProfile } from '../api';
import { linesToList, listToLines } from '../place-form';

interface TProfileValues {
  tasks: string;
  mustHaves: string;
  niceToHaves: string;
  workingHours: string;
  languageNeeds: string;
}

/** A list of profile items, or null (the fact list then says "nicht angegeben"). */
function listOrNothing(items: readonly string[]) {
  if (items.length === 0) return null;
  return (
    <ul className="kausa-compact-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function ProfileForm({
  placeId,
  profile,
  onDone,
  onReload,
}: {
  placeId: string;
  profile: TPlaceProfile;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const save = useSavePlaceProfile(placeId);
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm<TProfileValues>({
    initialValues: {
      tasks: profile.tasks ?? '',
      mustHaves: listToLines(profile.mustHaves),
      niceToHaves: listToLines(profile.niceToHaves),
      workingHours: profile.workingHours ?? '',
      languageNeeds: profile.languageNeeds ?? '',
    },
    validate: {
      mustHaves: (v) => (linesToList(v).length > 30 ? t('places.profile.tooMany') : null),
      niceToHaves: (v) => (linesToList(v).length > 30 ? t('places.profile.tooMany') : null),
    },
  });
  const submit = form.onSubmit((values) => {
    setMessage(null);
    setConflict(false);
    save.mutate(
      {
        version: profile.version,
        tasks: values.tasks.trim() || null,
        mustHaves: linesToList(values.mustHaves),
        niceToHaves: linesToList(values.niceToHaves),
        workingHours: values.workingHours.trim() || null,
        languageNeeds: values.languageNeeds.trim() || null,
      },
      {
        onSuccess: () => {
          notifySuccess(t('places.profile.saved'));
          onDone();
        },
        onError: (error) => {
          if (isApiError(error, 409)) {
            setConflict(true);
            setMessage(t('places.profile.conflict'));
            return;
          }
          setMessage(applyProblem(form, error, t));
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('places.profile.title')}>
      <Stack gap="sm">
        <Textarea
          label={optional(t('places.profile.tasks'))}
          autosize
          minRows={3}
          {...form.getInputProps('tasks')}
        />
        <Textarea
          label={optional(t('places.profile.mustHaves'))}
          description={t('places.profile.onePerLine')}
          autosize
          minRows={3}
          {...form.getInputProps('mustHaves')}
        />
        <Textarea
          label={optional(t('places.profile.niceToHaves'))}
          description={t('places.profile.onePerLine')}
          autosize
          minRows={3}
          {...form.getInputProps('niceToHaves')}
        />
        <TextInput
          label={optional(t('places.profile.workingHours'))}
          maxLength={500}
          {...form.getInputProps('workingHours')}
        />
        <Textarea
          label={optional(t('places.profile.languageNeeds'))}
          autosize
          minRows={2}
          {...form.getInputProps('languageNeeds')}
        />
        <FormAlert message={message}>
          {conflict ? (
            <Button size="xs" variant="default" mt="sm" onClick={onReload}>
              {t('app.reload')}
            </Button>
          ) : null}
        </FormAlert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Anforderungsprofil" of a place (passgenaue Besetzung): tasks, must-haves, nice-to-haves, working
 * hours and language needs, read or edited as a whole (versioned; 409 → reload).
 */
export function ProfileSection({ placeId }: { placeId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const profile = usePlaceProfile(placeId);
  const [editing, setEditing] = useState(false);
  return (
    <PageSection
      title={t('places.profile.title')}
      data-testid="profile-section"
      actions={
        editing || !profile.data ? null : (
          <Button variant="default" onClick={() => setEditing(true)}>
            {profile.data.version === 0 ? t('places.profile.create') : t('places.profile.edit')}
          </Button>
        )
      }
    >
      {profile.isPending ? <PageLoader /> : null}
      {profile.isError ? <QueryError error={profile.error} onRetry={() => void profile.refetch()} /> : null}
      {profile.data && editing ? (
        <ProfileForm
          key={profile.data.version}
          placeId={placeId}
          profile={profile.data}
          onDone={() => setEditing(false)}
          onReload={() => void profile.refetch()}
        />
      ) : null}
      {profile.data && !editing && profile.data.version === 0 ? (
        <Text>{t('places.profile.empty')}</Text>
      ) : null}
      {profile.data && !editing && profile.data.version > 0 ? (
        <Stack gap="xs">
          <FactList
            testId="profile-facts"
            rows={[
              [t('places.profile.tasks'), profile.data.tasks],
              [t('places.profile.mustHaves'), listOrNothing(profile.data.mustHaves)],
              [t('places.profile.niceToHaves'), listOrNothing(profile.data.niceToHaves)],
              [t('places.profile.workingHours'), profile.data.workingHours],
              [t('places.profile.languageNeeds'), profile.data.languageNeeds],
            ]}
          />
          {profile.data.updatedAt ? (
            <Text size="sm" c="dimmed">
              {t('places.profile.updated', {
                date: format.dateTime(profile.data.updatedAt),
                name: profile.data.updatedByName ?? '–',
              })}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </PageSection>
  );
}
