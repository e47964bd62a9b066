import { Button, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAssignmentResult } from '../../../../contracts/matching';
import { useFormatters } from '../../../lib/format';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { PageTitle } from '../../../ui/page-title';
import { PageSection } from '../../../ui/section';
import { useClientPickSearch, useCompanyPickSearch, useOpenPlacePickSearch, usePlanMeetings } from '../api';
import { PickSearch } from '../components/pick-search';
import { ScheduleView } from '../components/schedule-view';
import {
  PLANNER_DEFAULTS,
  plannerBody,
  plannerErrors,
  plannerProblems,
  scheduleColumns,
  type TPick,
  type TPlannerValues,
  type TScheduleColumn,
  type TTargetMode,
} from '../speed-dating';
import '../speed-dating.css';

/** Client search as picks ("Vorname Familienname", postcode and town as detail). */
function useClientHits(q: string) {
  const query = useClientPickSearch(q);
  const format = useFormatters();
  const hits: TPick[] = (query.data ?? []).map((c) => ({
    id: c.id,
    label: `${c.givenNames} ${c.familyName}`,
    detail: [format.day(c.dateOfBirth), [c.postcode, c.place].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(', '),
  }));
  return { hits, loading: query.isFetching, error: query.isError };
}

/** Company search as picks (postcode and town as detail). */
function useCompanyHits(q: string) {
  const query = useCompanyPickSearch(q);
  const hits: TPick[] = (query.data ?? []).map((c) => ({
    id: c.id,
    label: c.name,
    detail: [c.postcode, c.place].filter(Boolean).join(' ') || null,
  }));
  return { hits, loading: query.isFetching, error: query.isError };
}

/** Open-place search as picks (the company is the detail and the table column). */
function usePlaceHits(q: string) {
  const { t } = useTranslation();
  const query = useOpenPlacePickSearch(q);
  const hits: TPick[] = (query.data ?? []).map((p) => ({
    id: p.id,
    label: p.title ?? p.occupationName ?? t(`places.kind.${p.kind}`),
    detail: p.companyName,
    companyId: p.companyId,
    companyName: p.companyName,
  }));
  return { hits, loading: query.isFetching, error: query.isError };
}

/** A planned result with the picks it was planned for (the table keeps them when the picks change). */
interface TPlanned {
  result: TAssignmentResult;
  columns: TScheduleColumn[];
  clients: TPick[];
}

/**
 * "Speed-Dating planen" (`/matching/speed-dating`, issue 6): choose people of the office and companies (or
 * single open places), set the rounds (number, start, minutes each) and the most meetings per person;
 * the server plans the meetings so that as many people as possible have one, then with the best total fit
 * (`POST /api/matching/assignment`, nobody twice in a round). The plan shows as a table rounds × companies,
 * per person and, grouped by reason, who has no meeting; print and CSV download. Ids the server does not
 * find in the office (404) are marked at the chosen entry.
 */
export function SpeedDatingPage() {
  const { t } = useTranslation();
  const plan = usePlanMeetings();
  const [clients, setClients] = useState<TPick[]>([]);
  const [mode, setMode] = useState<TTargetMode>('companies');
  const [targets, setTargets] = useState<TPick[]>([]);
  const [pickErrors, setPickErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [planned, setPlanned] = useState<TPlanned | null>(null);
  const form = useForm<TPlannerValues>({
    initialValues: PLANNER_DEFAULTS,
    validate: (values) =>
      Object.fromEntries(
        Object.entries(plannerErrors(values)).map(([field, key]) => [
          field,
          t(`matching.speedDating.errors.${key}`),
        ]),
      ),
  });
  const invalid = (field: keyof TPlannerValues) => (form.errors[field] ? true : undefined);

  // An error goes away with its entry.
  const keepErrorsOf = (picks: TPick[]) =>
    setPickErrors((e) =>
      Object.fromEntries(Object.entries(e).filter(([id]) => picks.some((p) => p.id === id))),
    );
  const changeClients = (next: TPick[]) => {
    setClients(next);
    keepErrorsOf([...next, ...targets]);
  };
  const changeTargets = (next: TPick[]) => {
    setTargets(next);
    keepErrorsOf([...clients, ...next]);
  };

  const submit = form.onSubmit(
    (values) => {
      setMessage(null);
      setPickErrors({});
      if (clients.length === 0 || targets.length === 0) {
        setMessage(
          t(
            clients.length === 0
              ? 'matching.speedDating.errors.noClients'
              : 'matching.speedDating.errors.noTargets',
          ),
        );
        return;
      }
      const chosenClients = [...clients];
      const chosenTargets = [...targets];
      plan.mutate(plannerBody(values, chosenClients, mode, chosenTargets), {
        onSuccess: (result) =>
          setPlanned({ result, columns: scheduleColumns(mode, chosenTargets), clients: chosenClients }),
        onError: (error) => {
          // The last plan no longer matches what is asked: not shown under the error.
          setPlanned(null);
          const problems = plannerProblems(error, chosenClients, chosenTargets);
          if (!problems) {
            setMessage(errorMessage(error, t));
            return;
          }
          setPickErrors(
            Object.fromEntries(
              Object.entries(problems.byId).map(([id, p]) => [
                id,
                p.code === 'not_found' ? t('matching.speedDating.errors.notFound') : p.message,
              ]),
            ),
          );
          for (const [field, text] of Object.entries(problems.fields)) form.setFieldError(field, text);
          setMessage([t('matching.speedDating.errors.fix'), ...problems.other].join(' '));
        },
      });
    },
    () => setMessage(t('matching.speedDating.errors.fix')),
  );

  return (
    <Stack>
      <div data-print-hide>
        <PageTitle title={t('matching.speedDating.title')} />
        <Text>{t('matching.speedDating.intro')}</Text>
      </div>
      <div data-print-hide>
        <form onSubmit={submit} noValidate aria-label={t('matching.speedDating.formTitle')}>
          <Stack>
            <PageSection title={t('matching.speedDating.participants')} data-testid="participants">
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
                <PickSearch
                  title={t('matching.speedDating.clients')}
                  searchLabel={t('matching.speedDating.searchClients')}
                  useHits={useClientHits}
                  picked={clients}
                  onChange={changeClients}
                  errors={pickErrors}
                  max={200}
                  data-testid="pick-clients"
                />
                <Stack gap="xs">
                  <Radio.Group
                    label={t('matching.speedDating.modeLabel')}
                    value={mode}
                    onChange={(value) => {
                      setMode(value as TTargetMode);
                      changeTargets([]);
                    }}
                  >
                    <Group mt={6}>
                      <Radio value="companies" label={t('matching.speedDating.mode.companies')} />
                      <Radio value="places" label={t('matching.speedDating.mode.places')} />
                    </Group>
                  </Radio.Group>
                  <PickSearch
                    key={mode}
                    title={t(`matching.speedDating.targets.${mode}`)}
                    searchLabel={t(`matching.speedDating.searchTargets.${mode}`)}
                    useHits={mode === 'places' ? usePlaceHits : useCompanyHits}
                    picked={targets}
                    onChange={changeTargets}
                    errors={pickErrors}
                    max={mode === 'places' ? 500 : 200}
                    data-testid="pick-targets"
                  />
                </Stack>
              </SimpleGrid>
            </PageSection>
            <PageSection title={t('matching.speedDating.rounds')} data-testid="rounds">
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                  <TextInput
                    label={t('matching.speedDating.slotCount')}
                    inputMode="numeric"
                    {...form.getInputProps('slotCount')}
                    aria-invalid={invalid('slotCount')}
                  />
                  <TextInput
                    type="time"
                    label={t('matching.speedDating.startTime')}
                    description={t('matching.speedDating.startTimeHint')}
                    {...form.getInputProps('startTime')}
                    aria-invalid={invalid('startTime')}
                  />
                  <TextInput
                    label={t('matching.speedDating.minutes')}
                    inputMode="numeric"
                    disabled={!form.values.startTime}
                    {...form.getInputProps('minutes')}
                    aria-invalid={invalid('minutes')}
                  />
                  <TextInput
                    label={t('matching.speedDating.maxMeetings')}
                    description={t('matching.speedDating.maxMeetingsHint')}
                    inputMode="numeric"
                    {...form.getInputProps('maxMeetings')}
                    aria-invalid={invalid('maxMeetings')}
                  />
                </SimpleGrid>
                <FormAlert message={message} />
                <Group>
                  <Button type="submit" loading={plan.isPending}>
                    {t('matching.speedDating.plan')}
                  </Button>
                </Group>
              </Stack>
            </PageSection>
          </Stack>
        </form>
      </div>
      {planned ? (
        <ScheduleView result={planned.result} columns={planned.columns} clients={planned.clients} />
      ) : null}
    </Stack>
  );
}
