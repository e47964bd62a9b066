import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMatchConfigView } from '../../../../contracts/matching';
import { ApiError } from '../../../lib/api';
import { useFormatters } from '../../../lib/format';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { PageTitle } from '../../../ui/page-title';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { useCurrentUser } from '../../auth';
import { useMatchConfig, useOffices, useSaveMatchConfig } from '../api';
import { FACTOR_ORDER } from '../factor-text';
import {
  formValues,
  numberInputFormat,
  reachableOffices,
  saveFailure,
  type TWeightsFormValues,
  weightShares,
  weightsFormBody,
  weightsFormErrors,
} from '../weights-form';

function WeightsForm({
  view,
  officeId,
  canEdit,
  onReload,
}: {
  view: TMatchConfigView;
  officeId: string | null;
  canEdit: boolean;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const save = useSaveMatchConfig(officeId);
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm<TWeightsFormValues>({
    initialValues: formValues(view.config),
    validate: (values) =>
      Object.fromEntries(
        Object.entries(weightsFormErrors(values)).map(([path, key]) => [
          path,
          t(`matching.settings.errors.${key}`),
        ]),
      ),
  });
  // A new version (saved here, or reloaded after a conflict) replaces the values; keyed by office only, so
  // the save's own success callback still runs.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version should reset the form.
  useEffect(() => {
    form.setValues(formValues(view.config));
    form.resetDirty();
  }, [view.version]);
  const shares = weightShares(form.values.weights);
  const defaults = view.defaults.config;
  const submit = form.onSubmit((values) => {
    setMessage(null);
    setConflict(false);
    save.mutate(weightsFormBody(values, view.version), {
      onSuccess: () => notifySuccess(t('matching.settings.saved')),
      onError: (error) => {
        const failure = saveFailure(
          error instanceof ApiError ? error.status : 0,
          error instanceof ApiError
            ? error.fieldErrors.map((fe) => ({ field: fe.field, message: fe.message ?? '' }))
            : [],
        );
        setConflict(failure.conflict);
        for (const [path, text] of Object.entries(failure.fields)) form.setFieldError(path, text);
        setMessage(failure.problemMessage ? errorMessage(error, t) : t('matching.settings.fixFields'));
      },
    });
  });
  const numberFormat = numberInputFormat(i18n.language ?? 'de');
  const numberProps = (path: string) => {
    const props = form.getInputProps(path);
    return {
      ...numberFormat,
      ...props,
      'aria-invalid': props.error ? true : undefined,
      disabled: !canEdit,
    };
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('matching.settings.formLabel')}>
      <Stack gap="lg">
        <Text size="sm" data-testid="settings-state">
          {view.isDefault && view.updatedAt
            ? t('matching.settings.isDefaultSaved', {
                date: format.dateTime(view.updatedAt),
                name: view.updatedByName ?? t('matching.settings.unknownUser'),
              })
            : view.isDefault
              ? t('matching.settings.isDefault')
              : t('matching.settings.changed', {
                  date: format.dateTime(view.updatedAt),
                  name: view.updatedByName ?? t('matching.settings.unknownUser'),
                })}
        </Text>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('matching.settings.weightsTitle')}
          </Title>
          <Text size="sm">{t('matching.settings.weightsIntro')}</Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {FACTOR_ORDER.map((key) => (
              <NumberInput
                key={key}
                label={t(`matching.factor.${key}`)}
                description={t('matching.settings.weightHint', {
                  reason: view.defaults.reasons[key],
                  value: format.number(defaults.weights[key]),
                })}
                min={0}
                max={1000}
                decimalScale={2}
                rightSection={
                  <Text size="xs" pe="xs">
                    {t('matching.score.percent', { percent: shares[key] })}
                  </Text>
                }
                rightSectionWidth={56}
                data-testid={`weight-${key}`}
                {...numberProps(`weights.${key}`)}
              />
            ))}
          </SimpleGrid>
          <Text size="sm" aria-live="polite" data-testid="weight-shares">
            {t('matching.settings.shares', {
              list: FACTOR_ORDER.map(
                (k) => `${t(`matching.factor.${k}`)} ${t('matching.score.percent', { percent: shares[k] })}`,
              ).join(', '),
            })}
          </Text>
        </Stack>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('matching.settings.curvesTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <NumberInput
              label={t('matching.settings.distanceHalfKm')}
              description={t('matching.settings.distanceHalfKmHint', { value: defaults.distanceHalfKm })}
              min={0.1}
              max={1000}
              decimalScale={1}
              {...numberProps('distanceHalfKm')}
            />
            <NumberInput
              label={t('matching.settings.defaultRadiusKm')}
              description={t('matching.settings.defaultRadiusKmHint', { value: defaults.defaultRadiusKm })}
              min={1}
              max={1000}
              decimalScale={1}
              {...numberProps('defaultRadiusKm')}
            />
            <NumberInput
              label={t('matching.settings.startToleranceDays')}
              description={t('matching.settings.startToleranceDaysHint', {
                value: defaults.startToleranceDays,
              })}
              min={1}
              max={3650}
              decimalScale={0}
              {...numberProps('startToleranceDays')}
            />
            <NumberInput
              label={t('matching.settings.unknownPercent')}
              description={t('matching.settings.unknownPercentHint', {
                value: Math.round(defaults.unknownValue * 100),
              })}
              min={0}
              max={100}
              decimalScale={1}
              {...numberProps('unknownPercent')}
            />
          </SimpleGrid>
          <Checkbox
            label={t('matching.settings.requireOccupationRelation')}
            description={t('matching.settings.requireOccupationRelationHint')}
            disabled={!canEdit}
            {...form.getInputProps('requireOccupationRelation', { type: 'checkbox' })}
          />
        </Stack>
        <FormAlert message={message}>
          {conflict ? (
            <Button variant="default" size="xs" mt="xs" onClick={onReload}>
              {t('app.reload')}
            </Button>
          ) : null}
        </FormAlert>
        {canEdit ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('matching.settings.save')}
            </Button>
            <Button variant="default" onClick={() => form.setValues(formValues(defaults))}>
              {t('matching.settings.useDefaults')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

/**
 * Matching settings (`/matching/settings`): the weights of the six factors (relative; the share of each is
 * shown as it is typed) and the curve parameters of the office, with the default and the reason for each
 * default. Coordinators change them for their office and the offices below (office choice); counsellors
 * read them.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const coordinator = me.role === 'coordinator';
  const offices = useOffices(coordinator);
  const choices = coordinator ? reachableOffices(offices.data ?? [], me.officeId, true) : [];
  const [officeId, setOfficeId] = useState<string | null>(null);
  const config = useMatchConfig(officeId);
  return (
    <Stack>
      <PageTitle title={t('matching.settings.title')} />
      <Text>{t('matching.settings.intro')}</Text>
      {!coordinator ? (
        <Alert color="blue" variant="light" data-testid="settings-readonly">
          {t('matching.settings.readOnly')}
        </Alert>
      ) : null}
      {choices.length > 1 ? (
        <NativeSelect
          label={t('matching.settings.office')}
          data={choices.map((o) => ({ value: o.id, label: o.name }))}
          value={officeId ?? me.officeId}
          onChange={(e) => setOfficeId(e.currentTarget.value === me.officeId ? null : e.currentTarget.value)}
          maw={480}
        />
      ) : null}
      <PageSection title={t('matching.settings.section')} data-testid="settings-section">
        {config.isPending ? <PageLoader /> : null}
        {config.isError ? <QueryError error={config.error} onRetry={() => void config.refetch()} /> : null}
        {config.data ? (
          <WeightsForm
            key={config.data.officeId}
            view={config.data}
            officeId={officeId}
            canEdit={coordinator}
            onReload={() => void config.refetch()}
          />
        ) : null}
      </PageSection>
    </Stack>
  );
}
