import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { TCompanyDuplicate } from '../../../../contracts/companies';
import { todayDay } from '../../../lib/format';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { PageTitle } from '../../../ui/page-title';
import { useCurrentUser } from '../../auth';
import { applyProblem } from '../../clients';
import { useCreateCompany } from '../api';
import {
  duplicatesOf,
  emptyCompanyForm,
  formToCompanyFields,
  type TCompanyFormValues,
  validateCompanyForm,
} from '../company-form';
import { CompanyFormFields, useOwnerOptions } from '../components/company-form-fields';
import { DuplicateList, LiveDuplicateHint } from '../components/duplicate-notice';

/**
 * "Neuer Betrieb" (`/companies/new`): every field of a company, grouped; the company starts as
 * "Identifiziert". While typing, likely duplicates are listed. When the server still finds one (same
 * name and postcode, 409 `company_duplicate`) the page names it with a link and asks: open the
 * existing company, or create this one anyway.
 */
export function CompanyNewPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const owners = useOwnerOptions();
  const create = useCreateCompany();
  const [message, setMessage] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<TCompanyDuplicate[] | null>(null);
  const form = useForm<TCompanyFormValues>({
    initialValues: emptyCompanyForm(me.id),
    validate: (values) =>
      Object.fromEntries(
        Object.entries(validateCompanyForm(values, todayDay())).map(([k, key]) => [k, t(key)]),
      ),
    // The duplicate question and the form message belong to the values they were about.
    onValuesChange: () => {
      setDuplicates(null);
      setMessage(null);
    },
  });

  const save = (values: TCompanyFormValues, allowDuplicate: boolean) => {
    setMessage(null);
    create.mutate(
      { ...formToCompanyFields(values), allowDuplicate },
      {
        onSuccess: (company) => {
          notifySuccess(t('companies.create.created', { name: company.name }));
          navigate(`/companies/${company.id}`);
        },
        onError: (error) => {
          const found = duplicatesOf(error);
          if (found) {
            setDuplicates(found);
            return;
          }
          setMessage(applyProblem(form, error, t));
        },
      },
    );
  };

  return (
    <Stack>
      <PageTitle title={t('companies.create.title')} />
      <Text>{t('companies.create.intro')}</Text>
      <form
        noValidate
        aria-label={t('companies.create.title')}
        onSubmit={form.onSubmit(
          (values) => save(values, false),
          () => setMessage(t('companies.validation.fixErrors')),
        )}
      >
        <Stack gap="lg">
          <CompanyFormFields form={form} owners={owners} />
          <LiveDuplicateHint name={form.values.name} postcode={form.values.postcode} />
          {duplicates ? (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={t('companies.duplicates.title')}
              data-testid="duplicate-warning"
            >
              <Stack gap="sm">
                <Text size="sm">{t('companies.duplicates.intro')}</Text>
                <DuplicateList duplicates={duplicates} />
                <Group>
                  {duplicates[0] ? (
                    <Button variant="default" onClick={() => navigate(`/companies/${duplicates[0]?.id}`)}>
                      {t('companies.duplicates.openExisting')}
                    </Button>
                  ) : null}
                  <Button onClick={() => save(form.getValues(), true)} loading={create.isPending}>
                    {t('companies.duplicates.createAnyway')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : null}
          <FormAlert message={message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate('/companies')}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending && !duplicates}>
              {t('companies.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
