import {
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type TCompanyContact,
  type TCompanyDetail,
  ZCompanyContactChannel,
} from '../../../../contracts/companies';
import { todayDay, useFormatters } from '../../../lib/format';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { applyProblem, DateField, useOptionalLabel } from '../../clients';
import { useCompanyContacts, useLogContact } from '../api';
import {
  contactFormToBody,
  emptyContactForm,
  personsPrimaryFirst,
  type TContactFormValues,
  validateContactForm,
} from '../work-forms';
import { useOwnerOptions } from './company-form-fields';

/**
 * "Kontakt erfassen": day (default today), channel, contact person, result, and an optional next step
 * with due day and owner, which becomes a follow-up task (shown in "Meine Aufgaben" of its owner).
 */
function ContactForm({ company, onDone }: { company: TCompanyDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const format = useFormatters();
  const log = useLogContact();
  const owners = useOwnerOptions(company);
  const [message, setMessage] = useState<string | null>(null);
  const today = todayDay();
  const persons = personsPrimaryFirst(company.contactPersons);
  const form = useForm<TContactFormValues>({
    initialValues: emptyContactForm(
      today,
      persons.find((p) => p.isPrimary)?.id ?? '',
      company.ownerUserId ?? owners[0]?.id ?? '',
    ),
    validate: (values) =>
      Object.fromEntries(Object.entries(validateContactForm(values, today)).map(([k, key]) => [k, t(key)])),
  });
  const f = (key: string) => t(`companies.contacts.${key}`);
  const withStep = form.values.nextStep.trim() !== '';
  const submit = form.onSubmit(
    (values) => {
      setMessage(null);
      log.mutate(
        { companyId: company.id, ...contactFormToBody(values) },
        {
          onSuccess: (result) => {
            const parts = [t('companies.contacts.saved')];
            if (result.contact.task) {
              parts.push(
                result.contact.task.dueOn
                  ? t('companies.contacts.taskCreatedDue', {
                      title: result.contact.task.title,
                      date: format.day(result.contact.task.dueOn),
                    })
                  : t('companies.contacts.taskCreated', { title: result.contact.task.title }),
              );
            }
            if (result.company.stage !== company.stage) {
              parts.push(
                t('companies.contacts.stageMoved', { stage: t(`companies.stage.${result.company.stage}`) }),
              );
            }
            notifySuccess(parts.join(' '));
            onDone();
          },
          onError: (error) => setMessage(applyProblem(form, error, t)),
        },
      );
    },
    () => setMessage(t('companies.validation.fixErrors')),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={f('formLabel')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label={f('contactedOn')} max={today} required {...form.getInputProps('contactedOn')} />
          <NativeSelect
            label={f('channel')}
            data={ZCompanyContactChannel.options.map((c) => ({
              value: c,
              label: t(`companies.contactChannel.${c}`),
            }))}
            {...form.getInputProps('channel')}
          />
          <NativeSelect
            label={optional(f('person'))}
            data={[
              { value: '', label: f('noPerson') },
              ...persons.map((p) => ({ value: p.id, label: p.name })),
            ]}
            {...form.getInputProps('contactPersonId')}
          />
        </SimpleGrid>
        <Textarea
          label={f('result')}
          description={f('resultHint')}
          required
          autosize
          minRows={2}
          {...form.getInputProps('result')}
          aria-invalid={form.errors.result ? true : undefined}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={optional(f('nextStep'))}
            description={f('nextStepHint')}
            {...form.getInputProps('nextStep')}
            aria-invalid={form.errors.nextStep ? true : undefined}
          />
          <DateField
            label={optional(f('nextStepDueOn'))}
            min={today}
            disabled={!withStep}
            {...form.getInputProps('nextStepDueOn')}
          />
          <NativeSelect
            label={f('nextStepOwner')}
            disabled={!withStep}
            data={owners.map((o) => ({ value: o.id, label: o.name }))}
            {...form.getInputProps('nextStepOwnerId')}
          />
        </SimpleGrid>
        <FormAlert message={message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={log.isPending}>
            {f('submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One logged contact: day, channel, who, result, next step and the state of its follow-up task. */
function ContactEntry({ contact }: { contact: TCompanyContact }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const task = contact.task;
  return (
    <li data-testid="company-contact">
      <Stack gap={2}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm" component="span">
            {format.day(contact.contactedOn)}
          </Text>
          <Text size="sm" component="span">
            {[
              t(`companies.contactChannel.${contact.channel}`),
              contact.contactPersonName,
              contact.counsellorName ? t('companies.contacts.by', { name: contact.counsellorName }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {contact.result}
        </Text>
        {task ? (
          <Group gap="xs" wrap="wrap" data-testid="contact-task">
            <Text size="sm" component="span">
              {t('companies.contacts.nextStepIs', { title: task.title })}
            </Text>
            {task.dueOn ? (
              <Text size="sm" component="span">
                {t('companies.contacts.due', { date: format.day(task.dueOn) })}
              </Text>
            ) : null}
            {task.ownerName ? (
              <Text size="sm" component="span">
                {t('companies.contacts.owner', { name: task.ownerName })}
              </Text>
            ) : null}
            <Badge color={task.done ? 'gray' : 'blue'} variant="light" tt="none">
              {task.done ? t('companies.contacts.taskDone') : t('companies.contacts.taskOpen')}
            </Badge>
          </Group>
        ) : contact.nextStep ? (
          <Text size="sm">{t('companies.contacts.nextStepIs', { title: contact.nextStep })}</Text>
        ) : null}
      </Stack>
    </li>
  );
}

/** "Kontakte": "Kontakt erfassen" and the company's whole contact log, newest first. */
export function ContactLogSection({ company, readOnly }: { company: TCompanyDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const contacts = useCompanyContacts(company.id);
  return (
    <PageSection
      title={t('companies.contacts.title')}
      data-testid="contacts-section"
      actions={
        open || readOnly ? null : <Button onClick={() => setOpen(true)}>{t('companies.contacts.add')}</Button>
      }
    >
      <Stack>
        {open ? <ContactForm company={company} onDone={() => setOpen(false)} /> : null}
        {contacts.isPending ? <PageLoader /> : null}
        {contacts.isError ? (
          <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} />
        ) : null}
        {contacts.data && contacts.data.length === 0 ? <Text>{t('companies.contacts.empty')}</Text> : null}
        {contacts.data && contacts.data.length > 0 ? (
          <ol className="kausa-timeline" data-testid="contact-log">
            {contacts.data.map((contact) => (
              <ContactEntry key={contact.id} contact={contact} />
            ))}
          </ol>
        ) : null}
      </Stack>
    </PageSection>
  );
}
