import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZPlaceKind, ZPlaceStatus } from '../../../../contracts/companies.enums';
import { EnumSelect, OccupationSinglePicker } from '../../clients';
import { NO_PLACE_FILTERS, nearIsInvalid, type TPlaceFilterValues } from '../place-filters';
import { CompanyPicker, type TPickOption } from './record-picker';

/** Props of {@link PlaceFilterForm}. */
export interface PlaceFilterFormProps {
  value: TPlaceFilterValues;
  onChange: (next: TPlaceFilterValues) => void;
  /** Name of the company of `value.companyId` (for showing the chosen company). */
  companyName: string | null;
  /** The server's message for a refused `near` postcode. */
  nearError?: string | null;
}

/**
 * Filters of the office's place list: selects and pickers apply at once, texts (search, postcode,
 * radius) with "Filter anwenden". Sorting by distance is offered once a postcode is given.
 */
export function PlaceFilterForm({ value, onChange, companyName, nearError }: PlaceFilterFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [company, setCompany] = useState<TPickOption | null>(
    value.companyId ? { id: value.companyId, label: companyName ?? t('places.filters.chosenCompany') } : null,
  );
  const set = (patch: Partial<TPlaceFilterValues>, apply = false) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (apply) onChange(next);
  };
  const nearInvalid = nearIsInvalid(draft.near);
  const chosenCompany =
    company && companyName && company.id === value.companyId ? { ...company, label: companyName } : company;
  return (
    <search aria-label={t('places.filters.label')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!nearInvalid) onChange(draft);
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <TextInput
              label={t('places.filters.q')}
              description={t('places.filters.qHint')}
              type="search"
              value={draft.q}
              onChange={(e) => set({ q: e.currentTarget.value })}
            />
            <EnumSelect
              label={t('places.fields.status')}
              values={ZPlaceStatus.options}
              prefix="places.status"
              emptyLabel={t('places.filters.all')}
              value={draft.status}
              onChange={(e) => set({ status: e.currentTarget.value }, true)}
            />
            <EnumSelect
              label={t('places.fields.kind')}
              values={ZPlaceKind.options}
              prefix="places.kind"
              emptyLabel={t('places.filters.all')}
              value={draft.kind}
              onChange={(e) => set({ kind: e.currentTarget.value }, true)}
            />
            <NativeSelect
              label={t('places.filters.published')}
              data={[
                { value: '', label: t('places.filters.all') },
                { value: 'true', label: t('places.filters.publishedYes') },
                { value: 'false', label: t('places.filters.publishedNo') },
              ]}
              value={draft.published}
              onChange={(e) => set({ published: e.currentTarget.value }, true)}
            />
            <OccupationSinglePicker
              label={t('places.fields.occupation')}
              value={draft.occupationId || null}
              onChange={(id) => set({ occupationId: id ?? '' }, true)}
            />
            <CompanyPicker
              label={t('places.fields.company')}
              value={chosenCompany}
              onChange={(option) => {
                setCompany(option);
                set({ companyId: option?.id ?? '' }, true);
              }}
            />
            <TextInput
              label={t('places.filters.near')}
              description={t('places.filters.nearHint')}
              inputMode="numeric"
              autoComplete="postal-code"
              maxLength={5}
              value={draft.near}
              onChange={(e) => set({ near: e.currentTarget.value })}
              error={nearInvalid ? t('places.validation.postcode') : (nearError ?? undefined)}
              aria-invalid={nearInvalid || nearError ? true : undefined}
            />
            <TextInput
              label={t('places.filters.radius')}
              description={t('places.filters.radiusHint')}
              inputMode="numeric"
              value={draft.radiusKm}
              onChange={(e) => set({ radiusKm: e.currentTarget.value.replace(/\D/g, '').slice(0, 4) })}
            />
            <NativeSelect
              label={t('places.filters.sort')}
              data={[
                { value: 'startsOn', label: t('places.filters.sortStart') },
                {
                  value: 'distance',
                  label: t('places.filters.sortDistance'),
                  disabled: !draft.near.trim(),
                },
              ]}
              value={draft.near.trim() ? draft.sort : 'startsOn'}
              onChange={(e) =>
                set({ sort: e.currentTarget.value === 'distance' ? 'distance' : 'startsOn' }, true)
              }
            />
          </SimpleGrid>
          <Group>
            <Button type="submit">{t('places.filters.apply')}</Button>
            <Button
              variant="default"
              onClick={() => {
                setDraft(NO_PLACE_FILTERS);
                setCompany(null);
                onChange(NO_PLACE_FILTERS);
              }}
            >
              {t('app.resetFilters')}
            </Button>
          </Group>
        </Stack>
      </form>
    </search>
  );
}
