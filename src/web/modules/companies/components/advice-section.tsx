import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TAdviceItem, ZAdviceState } from '../../../../contracts/companies';
import { isApiError } from '../../../lib/api';
import { todayDay, useFormatters } from '../../../lib/format';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { PageSection } from '../../../ui/section';
import { applyProblem, DateField, useOptionalLabel } from '../../clients';
import { useUpdateAdviceItem } from '../api';
import { adviceFormToBody, adviceProgress, adviceTickBody, type TAdviceFormValues } from '../work-forms';

/** The message for a failed save: a stale version is said plainly (the checklist has been reloaded). */
function saveError(error: unknown, t: TFunction): string {
  return isApiError(error, 409) && error.code === 'conflict'
    ? t('companies.advice.conflict')
    : errorMessage(error, t);
}

/** Inline editor of one item: state, its day, a note. */
function AdviceEditor({
  companyId,
  item,
  label,
  onDone,
}: {
  companyId: string;
  item: TAdviceItem;
  label: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const update = useUpdateAdviceItem();
  const [message, setMessage] = useState<string | null>(null);
  const today = todayDay();
  const form = useForm<TAdviceFormValues>({
    initialValues: { state: item.state, stateOn: item.stateOn ?? '', note: item.note ?? '' },
    validate: { stateOn: (v) => (v && v > today ? t('companies.validation.inFuture') : null) },
  });
  return (
    <form
      noValidate
      aria-label={t('companies.advice.editLabel', { item: label })}
      onSubmit={form.onSubmit((values) => {
        setMessage(null);
        update.mutate(
          { companyId, item: item.item, ...adviceFormToBody(item, values, today) },
          {
            onSuccess: () => {
              notifySuccess(t('companies.advice.saved', { item: label }));
              onDone();
            },
            onError: (error) =>
              setMessage(isApiError(error, 409) ? saveError(error, t) : applyProblem(form, error, t)),
          },
        );
      })}
    >
      <Stack gap="xs" mt="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('companies.advice.state')}
            data={ZAdviceState.options.map((s) => ({ value: s, label: t(`companies.adviceState.${s}`) }))}
            {...form.getInputProps('state')}
          />
          <DateField
            label={optional(t('companies.advice.stateOn'))}
            description={t('companies.advice.stateOnHint')}
            max={today}
            {...form.getInputProps('stateOn')}
          />
          <TextInput label={optional(t('companies.advice.note'))} {...form.getInputProps('note')} />
        </SimpleGrid>
        <FormAlert message={message} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={update.isPending}>
            {t('app.save')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Beratung zur Ausbildungsreife des Betriebs": the checklist (AEVO, workplace, chamber, training plan,
 * funding). Each item is ticked as done at once (dated today) and can be edited inline: state, day and
 * a note. Shows how many items are settled.
 */
export function AdviceSection({
  companyId,
  items,
  readOnly,
}: {
  companyId: string;
  items: readonly TAdviceItem[];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const tick = useUpdateAdviceItem();
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);
  const progress = adviceProgress(items);
  const settle = (key: string) =>
    setPending((current) => {
      const { [key]: _done, ...rest } = current;
      return rest;
    });
  return (
    <PageSection
      title={t('companies.advice.title', { settled: progress.settled, total: progress.total })}
      data-testid="advice-section"
    >
      <Stack gap="sm">
        <Text size="sm">{t('companies.advice.intro')}</Text>
        <FormAlert message={error} />
        <ul className="kausa-plain-list" style={{ gap: 'var(--mantine-spacing-sm)' }}>
          {items.map((item) => {
            const label = t(`companies.adviceItem.${item.item}`);
            const done = pending[item.item] ?? item.state === 'done';
            const metaId = `advice-meta-${item.item}`;
            return (
              <li key={item.item} data-testid="advice-item" data-state={item.state}>
                <Group justify="space-between" wrap="wrap" align="flex-start">
                  <Stack gap={2}>
                    <Checkbox
                      label={label}
                      checked={done}
                      disabled={readOnly || item.item in pending || item.state === 'not_applicable'}
                      aria-describedby={metaId}
                      onChange={(event) => {
                        const next = event.currentTarget.checked;
                        setError(null);
                        setPending((current) => ({ ...current, [item.item]: next }));
                        tick.mutate(
                          { companyId, item: item.item, ...adviceTickBody(item, next, todayDay()) },
                          {
                            onSettled: () => settle(item.item),
                            onError: (e) => setError(saveError(e, t)),
                          },
                        );
                      }}
                    />
                    <Text size="xs" ml={32} id={metaId}>
                      {[
                        item.stateOn
                          ? t('companies.advice.stateSince', {
                              state: t(`companies.adviceState.${item.state}`),
                              date: format.day(item.stateOn),
                            })
                          : t(`companies.adviceState.${item.state}`),
                        item.updatedByName ? t('companies.advice.by', { name: item.updatedByName }) : null,
                        item.note,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Stack>
                  {readOnly || editing === item.item ? null : (
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setEditing(item.item)}
                      aria-label={t('companies.advice.editLabel', { item: label })}
                    >
                      {t('companies.advice.edit')}
                    </Button>
                  )}
                </Group>
                {editing === item.item ? (
                  <AdviceEditor
                    key={item.item}
                    companyId={companyId}
                    item={item}
                    label={label}
                    onDone={() => setEditing(null)}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      </Stack>
    </PageSection>
  );
}
