import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TContactPerson, ZContactPersonRole } from '../../../../contracts/companies';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { PageSection } from '../../../ui/section';
import { applyProblem, displayNames, LanguageSelect, useOptionalLabel } from '../../clients';
import { useAddContactPerson, useRemoveContactPerson, useUpdateContactPerson } from '../api';
import { personFormToBody, personsPrimaryFirst, personToForm, type TPersonFormValues } from '../work-forms';

/** Add or edit one contact person (`person` null = new). */
function PersonForm({
  companyId,
  person,
  firstPerson,
  onDone,
}: {
  companyId: string;
  person: TContactPerson | null;
  firstPerson: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const add = useAddContactPerson();
  const update = useUpdateContactPerson();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<TPersonFormValues>({
    initialValues: personToForm(person, firstPerson),
    validate: {
      name: (v) => (v.trim().length >= 2 ? null : t('companies.validation.personName')),
      email: (v) =>
        !v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('companies.validation.email'),
    },
  });
  const f = (key: string) => t(`companies.persons.${key}`);
  const onError = (error: unknown) => setMessage(applyProblem(form, error, t));
  const submit = form.onSubmit((values) => {
    setMessage(null);
    const body = personFormToBody(values);
    const onSuccess = () => {
      notifySuccess(
        person ? t('companies.persons.saved') : t('companies.persons.added', { name: body.name }),
      );
      onDone();
    };
    if (person) {
      update.mutate(
        { companyId, personId: person.id, version: person.version, ...body },
        { onSuccess, onError },
      );
    } else {
      add.mutate({ companyId, ...body }, { onSuccess, onError });
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={f('name')}
          required
          {...form.getInputProps('name')}
          aria-invalid={form.errors.name ? true : undefined}
        />
        <NativeSelect
          label={f('role')}
          data={ZContactPersonRole.options.map((role) => ({
            value: role,
            label: t(`companies.role.${role}`),
          }))}
          {...form.getInputProps('role')}
        />
        <TextInput label={optional(f('jobTitle'))} {...form.getInputProps('jobTitle')} />
        <TextInput label={optional(f('phone'))} type="tel" {...form.getInputProps('phone')} />
        <TextInput
          label={optional(f('email'))}
          type="email"
          {...form.getInputProps('email')}
          aria-invalid={form.errors.email ? true : undefined}
        />
        <Stack gap="xs">
          {form.values.languages.map((_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; a row is its position.
            <Group key={index} align="flex-end" wrap="wrap">
              <LanguageSelect
                label={t('companies.persons.languageN', { number: index + 1 })}
                {...form.getInputProps(`languages.${index}`)}
              />
              <Button
                variant="subtle"
                style={QUIET_BUTTON_STYLE}
                onClick={() => form.removeListItem('languages', index)}
                aria-label={t('companies.fields.removeLanguage', { number: index + 1 })}
              >
                {t('companies.fields.remove')}
              </Button>
            </Group>
          ))}
          <Group>
            <Button variant="default" size="xs" onClick={() => form.insertListItem('languages', '')}>
              {t('companies.persons.addLanguage')}
            </Button>
          </Group>
        </Stack>
        <Checkbox
          label={f('isPrimary')}
          description={f('isPrimaryHint')}
          {...form.getInputProps('isPrimary', { type: 'checkbox' })}
        />
        <FormAlert message={message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending || update.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Asks before removing a contact person. */
function RemovePerson({
  companyId,
  person,
  onDone,
}: {
  companyId: string;
  person: TContactPerson;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const remove = useRemoveContactPerson();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Stack>
      <Text>{t('companies.persons.removeQuestion', { name: person.name })}</Text>
      <FormAlert message={message} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('app.cancel')}
        </Button>
        <Button
          color="red.9"
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(
              { companyId, personId: person.id, version: person.version },
              {
                onSuccess: () => {
                  notifySuccess(t('companies.persons.removed', { name: person.name }));
                  onDone();
                },
                onError: (error) => setMessage(errorMessage(error, t)),
              },
            )
          }
        >
          {t('companies.persons.remove')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * "Ansprechpersonen": the company's contact persons, the primary one first and marked, with role,
 * phone, e-mail and languages; add, edit, make primary and remove (each asks in a dialog).
 */
export function PersonsSection({
  companyId,
  persons,
  readOnly,
}: {
  companyId: string;
  persons: readonly TContactPerson[];
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = displayNames('language', i18n.language);
  const update = useUpdateContactPerson();
  const [editing, setEditing] = useState<TContactPerson | 'new' | null>(null);
  const [removing, setRemoving] = useState<TContactPerson | null>(null);
  const f = (key: string) => t(`companies.persons.${key}`);
  return (
    <PageSection
      title={t('companies.persons.title')}
      data-testid="persons-section"
      actions={
        readOnly ? null : (
          <Button variant="default" onClick={() => setEditing('new')}>
            {f('add')}
          </Button>
        )
      }
    >
      {persons.length === 0 ? (
        <Text>{f('empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="persons">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{f('name')}</Table.Th>
                <Table.Th scope="col">{f('role')}</Table.Th>
                <Table.Th scope="col">{f('reach')}</Table.Th>
                <Table.Th scope="col">{f('languages')}</Table.Th>
                {readOnly ? null : <Table.Th scope="col">{f('actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {personsPrimaryFirst(persons).map((person) => (
                <Table.Tr key={person.id} data-testid="person">
                  <Table.Th scope="row" fw={500}>
                    <Group gap="xs" wrap="wrap">
                      <span>{person.name}</span>
                      {person.isPrimary ? (
                        <Badge color="blue" variant="light" tt="none">
                          {f('primary')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Th>
                  <Table.Td>
                    {[t(`companies.role.${person.role}`), person.jobTitle].filter(Boolean).join(', ')}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {person.phone ? (
                        <Anchor href={`tel:${person.phone.replace(/\s/g, '')}`}>{person.phone}</Anchor>
                      ) : null}
                      {person.email ? <Anchor href={`mailto:${person.email}`}>{person.email}</Anchor> : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{person.languages.map((code) => language(code)).join(', ')}</Table.Td>
                  {readOnly ? null : (
                    <Table.Td>
                      <Group gap="xs" wrap="wrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setEditing(person)}
                          aria-label={t('companies.persons.editLabel', { name: person.name })}
                        >
                          {f('edit')}
                        </Button>
                        {person.isPrimary ? null : (
                          <Button
                            size="compact-sm"
                            variant="default"
                            loading={update.isPending && update.variables?.personId === person.id}
                            onClick={() =>
                              update.mutate(
                                { companyId, personId: person.id, version: person.version, isPrimary: true },
                                {
                                  onSuccess: () =>
                                    notifySuccess(t('companies.persons.nowPrimary', { name: person.name })),
                                },
                              )
                            }
                            aria-label={t('companies.persons.makePrimaryLabel', { name: person.name })}
                          >
                            {f('makePrimary')}
                          </Button>
                        )}
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setRemoving(person)}
                          aria-label={t('companies.persons.removeLabel', { name: person.name })}
                        >
                          {f('remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {update.isError ? <FormAlert message={errorMessage(update.error, t)} /> : null}
      <AppModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new'
            ? f('add')
            : editing
              ? t('companies.persons.editTitle', { name: editing.name })
              : ''
        }
      >
        {editing !== null ? (
          <PersonForm
            key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
            companyId={companyId}
            person={editing === 'new' ? null : editing}
            firstPerson={persons.length === 0}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </AppModal>
      <AppModal opened={removing !== null} onClose={() => setRemoving(null)} title={f('removeTitle')}>
        {removing ? (
          <RemovePerson companyId={companyId} person={removing} onDone={() => setRemoving(null)} />
        ) : null}
      </AppModal>
    </PageSection>
  );
}
