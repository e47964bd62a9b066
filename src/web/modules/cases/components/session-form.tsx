import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZParticipant, ZSessionChannel, ZSessionTopic } from '../../../../contracts/cases';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { applyProblem, DateField, LanguageSelect, useOptionalLabel } from '../../clients';
import { type TCreateSessionInput, useCreateSession } from '../api';
import { localDateTimeToIso, toLocalDateTime } from '../stages';

const CHANNELS = ZSessionChannel.options;
const TOPICS = ZSessionTopic.options;
const PARTICIPANT_KINDS = ZParticipant.shape.kind.options;

/** A next step row: becomes a task with due day and owner. */
interface TNextStepRow {
  title: string;
  dueOn: string;
  ownerId: string;
}

interface TSessionValues {
  startsAt: string;
  status: 'held' | 'planned';
  durationMinutes: string;
  channel: string;
  participants: string[];
  language: string;
  topics: string[];
  notes: string;
  nextSteps: TNextStepRow[];
}

/** A person who can own a next step. */
export interface TOwnerOption {
  id: string;
  name: string;
}

/** Props of {@link SessionForm}. */
export interface SessionFormProps {
  caseId: string;
  /** Who can own a next step (the signed-in user first). */
  owners: readonly TOwnerOption[];
  onDone: () => void;
}

/**
 * "Beratungsgespräch erfassen": date and time, held or planned (an appointment), minutes, channel,
 * participants, language, topics, notes and next steps, each a task with a due day and an owner.
 */
export function SessionForm({ caseId, owners, onDone }: SessionFormProps) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const create = useCreateSession();
  const [message, setMessage] = useState<string | null>(null);
  const defaultOwner = owners[0]?.id ?? '';
  const form = useForm<TSessionValues>({
    initialValues: {
      startsAt: toLocalDateTime(new Date()),
      status: 'held',
      durationMinutes: '45',
      channel: 'in_person',
      participants: ['client'],
      language: 'de',
      topics: [],
      notes: '',
      nextSteps: [],
    },
    validate: {
      startsAt: (v) => (localDateTimeToIso(v) ? null : t('cases.session.startsAtRequired')),
      durationMinutes: (v) =>
        v.trim() === '' || (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 600)
          ? null
          : t('cases.session.durationInvalid'),
      nextSteps: {
        title: (v) => (v.trim().length >= 2 ? null : t('cases.task.titleRequired')),
      },
    },
  });
  const submit = form.onSubmit((values) => {
    setMessage(null);
    const body: TCreateSessionInput = {
      startsAt: localDateTimeToIso(values.startsAt) ?? values.startsAt,
      status: values.status,
      durationMinutes: values.durationMinutes.trim() ? Number(values.durationMinutes) : null,
      channel: values.channel as TCreateSessionInput['channel'],
      participants: values.participants.map((kind) => ({
        kind: kind as (typeof PARTICIPANT_KINDS)[number],
        name: null,
      })),
      language: values.language || null,
      topics: values.topics as TCreateSessionInput['topics'],
      notes: values.notes.trim() || null,
      nextSteps: values.nextSteps.map((step) => ({
        title: step.title.trim(),
        dueOn: step.dueOn || null,
        ownerId: step.ownerId || null,
      })),
    };
    create.mutate(
      { caseId, ...body },
      {
        onSuccess: () => {
          notifySuccess(
            values.status === 'planned'
              ? t('cases.session.planned')
              : t('cases.session.saved', { count: values.nextSteps.length }),
          );
          onDone();
        },
        onError: (error) => setMessage(applyProblem(form, error, t)),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.session.formLabel')} data-testid="session-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="datetime-local"
            label={t('cases.session.startsAt')}
            required
            {...form.getInputProps('startsAt')}
            aria-invalid={form.errors.startsAt ? true : undefined}
          />
          <TextInput
            label={optional(t('cases.session.durationMinutes'))}
            inputMode="numeric"
            {...form.getInputProps('durationMinutes')}
            aria-invalid={form.errors.durationMinutes ? true : undefined}
          />
          <Radio.Group label={t('cases.session.status')} {...form.getInputProps('status')}>
            <Group mt={6}>
              <Radio value="held" label={t('cases.sessionStatus.held')} />
              <Radio value="planned" label={t('cases.sessionStatus.planned')} />
            </Group>
          </Radio.Group>
          <NativeSelect
            label={t('cases.session.channel')}
            data={CHANNELS.map((c) => ({ value: c, label: t(`cases.channel.${c}`) }))}
            required
            {...form.getInputProps('channel')}
          />
          <LanguageSelect
            label={optional(t('cases.session.language'))}
            emptyLabel={t('clients.notStated')}
            {...form.getInputProps('language')}
          />
        </SimpleGrid>
        <Checkbox.Group label={t('cases.session.participants')} {...form.getInputProps('participants')}>
          <Group mt={6}>
            {PARTICIPANT_KINDS.map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`cases.participant.${kind}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group label={t('cases.session.topics')} {...form.getInputProps('topics')}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} mt={6} spacing="xs">
            {TOPICS.map((topic) => (
              <Checkbox key={topic} value={topic} label={t(`cases.topic.${topic}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea
          label={optional(t('cases.session.notes'))}
          autosize
          minRows={3}
          {...form.getInputProps('notes')}
        />
        <Fieldset legend={t('cases.session.nextSteps')} variant="filled">
          <Stack gap="sm">
            {form.values.nextSteps.length === 0 ? (
              <Text size="sm">{t('cases.session.noNextSteps')}</Text>
            ) : null}
            {form.values.nextSteps.map((_step, index) => {
              const number = index + 1;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; the index is their identity in the form.
                <Group key={index} align="flex-end" wrap="wrap" data-testid="next-step">
                  <TextInput
                    label={t('cases.session.stepTitle', { number })}
                    required
                    style={{ flex: '1 1 16rem' }}
                    {...form.getInputProps(`nextSteps.${index}.title`)}
                    aria-invalid={form.errors[`nextSteps.${index}.title`] ? true : undefined}
                  />
                  <DateField
                    label={optional(t('cases.session.stepDue', { number }))}
                    {...form.getInputProps(`nextSteps.${index}.dueOn`)}
                  />
                  <NativeSelect
                    label={t('cases.session.stepOwner', { number })}
                    data={[
                      ...owners.map((o) => ({ value: o.id, label: o.name })),
                      { value: '', label: t('cases.task.noOwner') },
                    ]}
                    {...form.getInputProps(`nextSteps.${index}.ownerId`)}
                  />
                  <Button
                    variant="subtle"
                    style={QUIET_BUTTON_STYLE}
                    onClick={() => form.removeListItem('nextSteps', index)}
                    aria-label={t('cases.session.removeStep', { number })}
                  >
                    {t('clients.remove')}
                  </Button>
                </Group>
              );
            })}
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() =>
                  form.insertListItem('nextSteps', { title: '', dueOn: '', ownerId: defaultOwner })
                }
                disabled={form.values.nextSteps.length >= 20}
              >
                {t('cases.session.addStep')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <FormAlert message={message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('cases.session.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
