import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ZPlaceKind } from '../../../../contracts/companies.enums';
import { ZMatchDirection, ZMatchRunScope } from '../../../../contracts/matching';
import { useFormatters } from '../../../lib/format';
import { applyApiError, FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { PageTitle } from '../../../ui/page-title';
import { Pager } from '../../../ui/pager';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { useCurrentUser } from '../../auth';
import { useMatchRuns, useOffices, useStartMatchRun } from '../api';
import { RunProgress, RunScope, RunStatusBadge } from '../components/run-progress';
import {
  isEmptyRun,
  isSteeringOffice,
  RUN_FORM_DEFAULTS,
  runFiltersText,
  runFormBody,
  runFormErrors,
  type TRunFormValues,
} from '../run-form';

const LIMIT = 20;

/**
 * "Neuen Lauf starten": scope (coordinators: own office or region; a steering office starts with region),
 * direction, results per list, filters; the run goes on in the background.
 */
function StartRunForm({ coordinator, steering }: { coordinator: boolean; steering: boolean }) {
  const { t } = useTranslation();
  const start = useStartMatchRun();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<TRunFormValues>({
    initialValues: { ...RUN_FORM_DEFAULTS, scope: steering ? 'region' : 'office' },
    validate: (values) =>
      Object.fromEntries(
        Object.entries(runFormErrors(values)).map(([field, key]) => [
          field,
          t(`matching.runs.errors.${key}`),
        ]),
      ),
  });
  const invalid = (field: keyof TRunFormValues) => (form.errors[field] ? true : undefined);
  const submit = form.onSubmit((values) => {
    setMessage(null);
    start.mutate(runFormBody(values), {
      onSuccess: () => notifySuccess(t('matching.runs.started')),
      onError: (error) => setMessage(applyApiError(form, error, t)),
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('matching.runs.startTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('matching.runs.startIntro')}</Text>
        {coordinator ? (
          <NativeSelect
            label={t('matching.runs.scope')}
            description={t('matching.runs.scopeHint')}
            data={ZMatchRunScope.options.map((scope) => ({
              value: scope,
              label: t(`matching.runs.scopes.${scope}`),
            }))}
            maw={560}
            data-testid="run-scope"
            {...form.getInputProps('scope')}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <NativeSelect
            label={t('matching.runs.direction')}
            data={ZMatchDirection.options.map((d) => ({
              value: d,
              label: t(`matching.runs.directions.${d}`),
            }))}
            {...form.getInputProps('direction')}
          />
          <TextInput
            label={t('matching.runs.k')}
            inputMode="numeric"
            {...form.getInputProps('k')}
            aria-invalid={invalid('k')}
          />
          <NativeSelect
            label={t('matching.filters.kind')}
            data={[
              { value: '', label: t('matching.filters.allKinds') },
              ...ZPlaceKind.options.map((k) => ({ value: k, label: t(`places.kind.${k}`) })),
            ]}
            {...form.getInputProps('kind')}
          />
          <TextInput
            label={t('matching.filters.maxKm')}
            description={t('matching.filters.maxKmHint')}
            inputMode="decimal"
            {...form.getInputProps('maxKm')}
            aria-invalid={invalid('maxKm')}
          />
          <TextInput
            label={t('matching.runs.minPercent')}
            inputMode="numeric"
            {...form.getInputProps('minPercent')}
            aria-invalid={invalid('minPercent')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('matching.filters.withoutFlags')}
          {...form.getInputProps('withoutFlags', { type: 'checkbox' })}
        />
        <FormAlert message={message} />
        <Group>
          <Button type="submit" loading={start.isPending}>
            {t('matching.runs.start')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Batch runs (`/matching/runs`): start a run over the office (best places per client and/or best clients
 * per place, with filters); the list of runs shows each one's progress bar while it runs (polled) and its
 * parameters; a run's page shows its results.
 */
export function RunsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [offset, setOffset] = useState(0);
  const runs = useMatchRuns({ limit: LIMIT, offset });
  const me = useCurrentUser();
  const coordinator = me.role === 'coordinator';
  const offices = useOffices(coordinator);
  const steering = coordinator && isSteeringOffice(offices.data ?? [], me.officeId);
  return (
    <Stack>
      <PageTitle title={t('matching.runs.title')} />
      <Text>{t('matching.runs.intro')}</Text>
      {steering ? (
        <Alert color="blue" variant="light" data-testid="runs-no-own-cases">
          {t('matching.runs.noOwnCases')}
        </Alert>
      ) : null}
      <PageSection title={t('matching.runs.startTitle')} data-testid="start-run">
        {/* Keyed: the default scope follows once the office tree has loaded. */}
        <StartRunForm key={String(steering)} coordinator={coordinator} steering={steering} />
      </PageSection>
      <PageSection title={t('matching.runs.listTitle')} data-testid="runs-section">
        {runs.isPending ? <PageLoader /> : null}
        {runs.isError ? <QueryError error={runs.error} onRetry={() => void runs.refetch()} /> : null}
        {runs.data ? (
          <>
            <Table striped captionSide="top" verticalSpacing="sm" data-testid="run-list">
              <Table.Caption>
                <VisuallyHidden>{t('matching.runs.listTitle')}</VisuallyHidden>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('matching.runs.startedAt')}</Table.Th>
                  <Table.Th scope="col">{t('matching.runs.parameters')}</Table.Th>
                  <Table.Th scope="col">{t('matching.runs.statusLabel')}</Table.Th>
                  <Table.Th scope="col" miw="14rem">
                    {t('matching.runs.progress')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Text>{t('matching.runs.empty')}</Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {runs.data.items.map((run) => {
                  const when = format.dateTime(run.createdAt);
                  return (
                    <Table.Tr key={run.id} data-testid="run-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/matching/runs/${run.id}`}>
                          {when}
                        </Anchor>
                        <Text size="xs">{run.createdByName ?? ''}</Text>
                      </Table.Td>
                      <Table.Td>
                        <RunScope run={run} />
                        <Text size="sm">
                          {t('matching.runs.parametersLine', {
                            direction: t(`matching.runs.directions.${run.parameters.direction}`),
                            k: run.parameters.k,
                          })}
                        </Text>
                        <Text size="xs" data-testid="run-filters">
                          {t('matching.runs.filtersLine', {
                            filters: runFiltersText(run.parameters.filters, t, format),
                          })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RunStatusBadge status={run.status} />
                      </Table.Td>
                      <Table.Td>
                        <RunProgress run={run} label={when} />
                        {isEmptyRun(run) ? (
                          <Text size="xs" data-testid="run-empty-hint">
                            {t('matching.runs.emptyRun')}
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Pager total={runs.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
          </>
        ) : null}
      </PageSection>
    </Stack>
  );
}
