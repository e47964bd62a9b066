import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZCefrLevel } from '../../../../contracts/clients';
import { ZPlaceKind } from '../../../../contracts/companies.enums';
import {
  filtersActive,
  NO_CLIENT_FILTERS,
  NO_PLACE_FILTERS,
  parseMaxKm,
  type TClientSuggestionFilters,
  type TPlaceCandidateFilters,
} from '../suggestion-filters';

/** The distance field: applied with "Anwenden" (Enter), checked before. */
function MaxKmField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('matching.filters.maxKm')}
      description={t('matching.filters.maxKmHint')}
      inputMode="decimal"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      aria-invalid={error ? true : undefined}
    />
  );
}

function Buttons({ active, onReset }: { active: boolean; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button type="submit" variant="default">
        {t('matching.filters.apply')}
      </Button>
      {active ? (
        <Button variant="subtle" onClick={onReset}>
          {t('app.resetFilters')}
        </Button>
      ) : null}
    </Group>
  );
}

/** Props of {@link ClientFilterForm}. */
export interface ClientFilterFormProps {
  value: TClientSuggestionFilters;
  onChange: (next: TClientSuggestionFilters) => void;
  /** Occupations to offer (id → name). */
  occupations: ReadonlyMap<string, string>;
}

/** Filters of a client's suggestions: kind, occupation and "without flags" at once, distance with "Anwenden". */
export function ClientFilterForm({ value, onChange, occupations }: ClientFilterFormProps) {
  const { t } = useTranslation();
  const [maxKm, setMaxKm] = useState(value.maxKm);
  const [error, setError] = useState<string | undefined>();
  const apply = (patch: Partial<TClientSuggestionFilters>) => onChange({ ...value, maxKm, ...patch });
  return (
    <search aria-label={t('matching.filters.label')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (parseMaxKm(maxKm) === 'invalid') return setError(t('matching.filters.maxKmInvalid'));
          setError(undefined);
          apply({});
        }}
      >
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t('matching.filters.kind')}
              data={[
                { value: '', label: t('matching.filters.allKinds') },
                ...ZPlaceKind.options.map((k) => ({ value: k, label: t(`places.kind.${k}`) })),
              ]}
              value={value.kind}
              onChange={(e) => apply({ kind: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('matching.filters.occupation')}
              data={[
                { value: '', label: t('matching.filters.allOccupations') },
                ...[...occupations.entries()].map(([id, name]) => ({ value: id, label: name })),
              ]}
              value={value.occupationId}
              onChange={(e) => apply({ occupationId: e.currentTarget.value })}
            />
            <MaxKmField value={maxKm} onChange={setMaxKm} error={error} />
          </SimpleGrid>
          <Group justify="space-between" wrap="wrap">
            <Checkbox
              label={t('matching.filters.withoutFlags')}
              checked={value.withoutFlags}
              onChange={(e) => apply({ withoutFlags: e.currentTarget.checked })}
            />
            <Buttons
              active={filtersActive(value)}
              onReset={() => {
                setMaxKm('');
                setError(undefined);
                onChange(NO_CLIENT_FILTERS);
              }}
            />
          </Group>
        </Stack>
      </form>
    </search>
  );
}

/** Props of {@link PlaceFilterForm}. */
export interface PlaceFilterFormProps {
  value: TPlaceCandidateFilters;
  onChange: (next: TPlaceCandidateFilters) => void;
}

/** Filters of a place's candidates: minimum German level and "without flags" at once, distance with "Anwenden". */
export function PlaceFilterForm({ value, onChange }: PlaceFilterFormProps) {
  const { t } = useTranslation();
  const [maxKm, setMaxKm] = useState(value.maxKm);
  const [error, setError] = useState<string | undefined>();
  const apply = (patch: Partial<TPlaceCandidateFilters>) => onChange({ ...value, maxKm, ...patch });
  return (
    <search aria-label={t('matching.filters.label')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (parseMaxKm(maxKm) === 'invalid') return setError(t('matching.filters.maxKmInvalid'));
          setError(undefined);
          apply({});
        }}
      >
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('matching.filters.minGermanLevel')}
              data={[
                { value: '', label: t('matching.filters.anyLevel') },
                ...ZCefrLevel.options.map((level) => ({
                  value: level,
                  label: t('matching.filters.atLeast', { level }),
                })),
              ]}
              value={value.minGermanLevel}
              onChange={(e) => apply({ minGermanLevel: e.currentTarget.value })}
            />
            <MaxKmField value={maxKm} onChange={setMaxKm} error={error} />
          </SimpleGrid>
          <Group justify="space-between" wrap="wrap">
            <Checkbox
              label={t('matching.filters.withoutFlags')}
              checked={value.withoutFlags}
              onChange={(e) => apply({ withoutFlags: e.currentTarget.checked })}
            />
            <Buttons
              active={filtersActive(value)}
              onReset={() => {
                setMaxKm('');
                setError(undefined);
                onChange(NO_PLACE_FILTERS);
              }}
            />
          </Group>
        </Stack>
      </form>
    </search>
  );
}
