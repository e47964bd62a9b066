import { Autocomplete, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOccupation } from '../../../../contracts/reference';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { useOccupation, useOccupationSuggestions } from '../api';

/** Props of {@link OccupationSearch}. */
interface OccupationSearchProps {
  label: string;
  description?: string;
  error?: React.ReactNode;
  /** Ids not to offer again (already chosen). */
  exclude?: readonly string[];
  onPick: (occupation: TOccupation) => void;
  required?: boolean;
  'data-testid'?: string;
}

/**
 * Search field over the occupation list (name, alias, misspelling: "Frisör" finds "Friseur/-in"); picking
 * a suggestion hands the occupation to `onPick` and empties the field.
 */
function OccupationSearch({
  label,
  description,
  error,
  exclude,
  onPick,
  required,
  ...rest
}: OccupationSearchProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 200);
  const suggestions = useOccupationSuggestions(debounced);
  const hits = (suggestions.data ?? []).filter((o) => !exclude?.includes(o.id));
  const byId = new Map(hits.map((o) => [o.id, o]));
  return (
    <Autocomplete
      label={label}
      description={description ?? t('clients.occupations.searchHint')}
      value={text}
      onChange={setText}
      data={hits.map((o) => ({ value: o.id, label: o.name }))}
      filter={({ options }) => options}
      onOptionSubmit={(id) => {
        const occupation = byId.get(id);
        if (occupation) onPick(occupation);
        // Let Autocomplete write the label first, then clear the field for the next search.
        setTimeout(() => setText(''), 0);
      }}
      renderOption={({ option }) => {
        const occupation = byId.get(option.value);
        return (
          <Box>
            <Text size="sm" span>
              {occupation?.name ?? option.value}
            </Text>
            {occupation?.matchedAlias ? (
              <Text size="xs" span c="dimmed">
                {' – '}
                {t('occupations.alsoKnownAs', { alias: occupation.matchedAlias })}
              </Text>
            ) : null}
          </Box>
        );
      }}
      error={error}
      aria-invalid={error ? true : undefined}
      autoComplete="off"
      required={required}
      data-testid={rest['data-testid']}
    />
  );
}

/** The name of an occupation id (the id itself while loading or when unknown). */
export function OccupationName({ id }: { id: string }) {
  const occupation = useOccupation(id);
  return <>{occupation.data?.name ?? id}</>;
}

/** Props of {@link OccupationMultiPicker}. */
export interface OccupationMultiPickerProps {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: React.ReactNode;
  /** At most this many (the API allows 10 wished occupations). */
  max?: number;
}

/**
 * Several occupations (wished occupations): a search field adds one, the chosen ones are listed with a
 * labelled "remove" button each (keyboard and screen reader friendly, unlike removable pills).
 */
export function OccupationMultiPicker({
  label,
  value,
  onChange,
  error,
  max = 10,
}: OccupationMultiPickerProps) {
  const { t } = useTranslation();
  const full = value.length >= max;
  return (
    <Stack gap="xs">
      <OccupationSearch
        label={label}
        description={full ? t('clients.occupations.max', { count: max }) : undefined}
        error={error}
        exclude={value}
        onPick={(occupation) => {
          if (!full && !value.includes(occupation.id)) onChange([...value, occupation.id]);
        }}
        data-testid="occupation-search"
      />
      {value.length > 0 ? (
        <ul className="kausa-plain-list kausa-chosen-list" aria-label={t('clients.occupations.chosen')}>
          {value.map((id) => (
            <li key={id}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" data-testid="chosen-occupation">
                  <OccupationName id={id} />
                </Text>
                <RemoveOccupationButton id={id} onRemove={() => onChange(value.filter((v) => v !== id))} />
              </Group>
            </li>
          ))}
        </ul>
      ) : null}
    </Stack>
  );
}

function RemoveOccupationButton({ id, onRemove }: { id: string; onRemove: () => void }) {
  const { t } = useTranslation();
  const occupation = useOccupation(id);
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      style={QUIET_BUTTON_STYLE}
      onClick={onRemove}
      aria-label={t('clients.occupations.remove', { name: occupation.data?.name ?? id })}
    >
      {t('clients.occupations.removeShort')}
    </Button>
  );
}

/** Props of {@link OccupationSinglePicker}. */
export interface OccupationSinglePickerProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: React.ReactNode;
  required?: boolean;
}

/** One occupation (contract, list filter): the chosen one by name with "change", else the search field. */
export function OccupationSinglePicker({
  label,
  value,
  onChange,
  error,
  required,
}: OccupationSinglePickerProps) {
  const { t } = useTranslation();
  if (!value) {
    return (
      <OccupationSearch
        label={label}
        error={error}
        required={required}
        onPick={(occupation) => onChange(occupation.id)}
        data-testid="occupation-search"
      />
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} component="p" m={0}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" data-testid="chosen-occupation">
          <OccupationName id={value} />
        </Text>
        <Button size="compact-xs" variant="subtle" style={QUIET_BUTTON_STYLE} onClick={() => onChange(null)}>
          {t('clients.occupations.change')}
        </Button>
      </Group>
      {error ? (
        <Text size="xs" c="var(--mantine-color-error)" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
