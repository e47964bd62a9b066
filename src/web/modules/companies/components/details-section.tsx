import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCompanyDetail, TCompanyDuplicate } from '../../../../contracts/companies';
import { isApiError } from '../../../lib/api';
import { todayDay, useFormatters } from '../../../lib/format';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { PageSection } from '../../../ui/section';
import { applyProblem, displayNames, FactList } from '../../clients';
import { useUpdateCompany } from '../api';
import {
  changedCompanyFields,
  companyToForm,
  duplicatesOf,
  formToCompanyFields,
  type TCompanyFormValues,
  validateCompanyForm,
} from '../company-form';
import { CompanyFormFields, useOwnerOptions } from './company-form-fields';
import { DuplicateList } from './duplicate-notice';

type TRow = [label: string, value: React.ReactNode];

/** Read-only details of a company, grouped like the form (h3 headings under the section's h2). */
function CompanyFacts({ company }: { company: TCompanyDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const language = displayNames('language', i18n.language);
  const f = (key: string) => t(`companies.fields.${key}`);
  const tr = (prefix: string, v: string | null) => (v ? t(`companies.${prefix}.${v}`) : null);
  const sections: [string, TRow[]][] = [
    [
      t('companies.sections.master'),
      [
        [f('name'), company.name],
        [f('legalForm'), company.legalForm],
        [f('sector'), tr('sector', company.sector)],
        [f('employees'), company.employees === null ? null : format.number(company.employees)],
      ],
    ],
    [
      t('companies.sections.address'),
      [
        [f('street'), company.street],
        [f('postcode'), [company.postcode, company.place].filter(Boolean).join(' ')],
        [f('phone'), company.phone],
        [
          f('email'),
          company.email ? (
            <Anchor key="email" href={`mailto:${company.email}`}>
              {company.email}
            </Anchor>
          ) : null,
        ],
        [f('website'), company.website],
      ],
    ],
    [
      t('companies.sections.training'),
      [
        [f('authorisedToTrain'), tr('yesNo', company.authorisedToTrain)],
        [f('qualifiedTrainer'), tr('yesNo', company.qualifiedTrainer)],
        [f('trainingHistory'), tr('trainingHistory', company.trainingHistory)],
        [f('chamber'), tr('chamber', company.chamber)],
      ],
    ],
    [
      t('companies.sections.owner'),
      [
        [
          f('ownerMigrationBackground'),
          company.ownerMigrationBackground === null
            ? null
            : company.ownerMigrationBackground
              ? f('yes')
              : f('no'),
        ],
        [f('ownerLanguages'), company.ownerLanguages.map((code) => language(code)).join(', ')],
      ],
    ],
    [
      t('companies.sections.acquisition'),
      [
        [f('acquisitionChannel'), tr('channel', company.acquisitionChannel)],
        [f('acquisitionReferredBy'), company.acquisitionReferredBy],
        [f('acquisitionOn'), format.day(company.acquisitionOn)],
      ],
    ],
    [
      t('companies.sections.responsibility'),
      [
        [f('ownerUserId'), company.ownerName],
        [f('tags'), company.tags.join(', ')],
        [
          f('notes'),
          company.notes ? (
            <span key="notes" style={{ whiteSpace: 'pre-wrap' }}>
              {company.notes}
            </span>
          ) : null,
        ],
      ],
    ],
  ];
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="xl" data-testid="company-facts">
      {sections.map(([title, rows]) => (
        <Stack key={title} gap="xs">
          <Title order={3} size="h4">
            {title}
          </Title>
          <FactList rows={rows} />
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/**
 * Edits a company: sends only the changed fields with the `version` read. When someone else saved
 * first (409) it says so and offers to reload (the own edits are then discarded). When the new name
 * or postcode matches another company (409 `company_duplicate`) it names that company, linked, and
 * offers to save anyway.
 */
function CompanyEditForm({ company, onDone }: { company: TCompanyDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCompany();
  const owners = useOwnerOptions(company);
  const [message, setMessage] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [duplicates, setDuplicates] = useState<TCompanyDuplicate[] | null>(null);
  const initial = companyToForm(company);
  const form = useForm<TCompanyFormValues>({
    initialValues: initial,
    validate: (values) =>
      Object.fromEntries(
        Object.entries(validateCompanyForm(values, todayDay())).map(([k, key]) => [k, t(key)]),
      ),
    // The duplicate question belongs to the values it was about.
    onValuesChange: () => setDuplicates(null),
  });
  const save = (values: TCompanyFormValues, allowDuplicate: boolean) => {
    setMessage(null);
    setStale(false);
    const changes = changedCompanyFields(formToCompanyFields(initial), formToCompanyFields(values));
    if (Object.keys(changes).length === 0) {
      notifySuccess(t('companies.edit.noChanges'));
      onDone();
      return;
    }
    update.mutate(
      { id: company.id, version: company.version, ...changes, ...(allowDuplicate && { allowDuplicate }) },
      {
        onSuccess: () => {
          notifySuccess(t('companies.edit.saved'));
          onDone();
        },
        onError: (error) => {
          const found = duplicatesOf(error);
          if (found) {
            setDuplicates(found);
            return;
          }
          if (isApiError(error, 409) && error.code === 'conflict') {
            setStale(true);
            setMessage(t('companies.edit.conflict'));
            return;
          }
          setMessage(applyProblem(form, error, t));
        },
      },
    );
  };
  const submit = form.onSubmit(
    (values) => save(values, false),
    () => setMessage(t('companies.validation.fixErrors')),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('companies.edit.title')}>
      <Stack gap="lg">
        <CompanyFormFields form={form} owners={owners} />
        {duplicates ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={t('companies.duplicates.title')}
            data-testid="duplicate-warning"
          >
            <Stack gap="sm">
              <Text size="sm">{t('companies.duplicates.editIntro')}</Text>
              <DuplicateList duplicates={duplicates} />
              <Group>
                <Button onClick={() => save(form.getValues(), true)} loading={update.isPending}>
                  {t('companies.duplicates.saveAnyway')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        <FormAlert message={message}>
          {stale ? (
            <Group mt="sm">
              {/* The company was refetched (409 refreshes it): a new form shows the saved state. */}
              <Button size="xs" variant="default" onClick={onDone}>
                {t('companies.edit.reload')}
              </Button>
            </Group>
          ) : null}
        </FormAlert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending && !duplicates} disabled={stale}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Angaben zum Betrieb": the details, or the edit form after "Bearbeiten". */
export function DetailsSection({ company }: { company: TCompanyDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const merged = company.mergedIntoId !== null;
  return (
    <PageSection
      title={t('companies.page.details')}
      data-testid="details-section"
      actions={
        editing || merged ? null : (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('companies.edit.open')}
          </Button>
        )
      }
    >
      {editing ? (
        <CompanyEditForm company={company} onDone={() => setEditing(false)} />
      ) : (
        <>
          <CompanyFacts company={company} />
          {merged ? (
            <Text size="sm" mt="sm">
              {t('companies.page.mergedReadOnly')}
            </Text>
          ) : null}
        </>
      )}
    </PageSection>
  );
}
