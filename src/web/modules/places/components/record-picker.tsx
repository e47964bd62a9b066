import { Autocomplete, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { useClientPickSearch, useCompanySearch } from '../api';

/** One hit of a picker search: id, the text to show and an optional second line. */
export interface TPickOption {
  id: string;
  label: string;
  hint?: string;
}

/** Props of {@link RecordPicker}. */
interface RecordPickerProps {
  label: string;
  description: string;
  /** The chosen record (null → the search field). */
  value: TPickOption | null;
  onChange: (option: TPickOption | null) => void;
  /** Hits for the search text (the hook is called with the debounced text). */
  useHits: (q: string) => { data: TPickOption[] | undefined; isFetching: boolean };
  error?: React.ReactNode;
  required?: boolean;
  'data-testid'?: string;
}

/**
 * One record chosen by searching the server (company, client): a labelled combobox offering the hits,
 * then the chosen record by name with a "change" button — keyboard operable like the occupation picker.
 */
function RecordPicker({
  label,
  description,
  value,
  onChange,
  useHits,
  error,
  required,
  ...rest
}: RecordPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 200);
  const hits = useHits(debounced);
  const options = hits.data ?? [];
  const byId = new Map(options.map((o) => [o.id, o]));
  if (value) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500} component="p" m={0}>
          {label}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" data-testid={`${rest['data-testid'] ?? 'picker'}-chosen`}>
            {value.label}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            style={QUIET_BUTTON_STYLE}
            onClick={() => onChange(null)}
            aria-label={t('places.picker.changeNamed', { label, name: value.label })}
          >
            {t('places.picker.change')}
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
  return (
    <Autocomplete
      label={label}
      description={description}
      value={text}
      onChange={setText}
      data={options.map((o) => ({ value: o.id, label: o.label }))}
      filter={({ options: all }) => all}
      onOptionSubmit={(id) => {
        const option = byId.get(id);
        if (option) onChange(option);
        setTimeout(() => setText(''), 0);
      }}
      renderOption={({ option }) => {
        const hit = byId.get(option.value);
        return (
          <div>
            <Text size="sm">{hit?.label ?? option.value}</Text>
            {hit?.hint ? (
              <Text size="xs" c="dimmed">
                {hit.hint}
              </Text>
            ) : null}
          </div>
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

function useCompanyHits(q: string) {
  const search = useCompanySearch(q);
  return {
    data: search.data?.map((c) => ({
      id: c.id,
      label: c.name,
      hint: [c.postcode, c.place].filter(Boolean).join(' ') || undefined,
    })),
    isFetching: search.isFetching,
  };
}

function useClientHits(q: string) {
  const { i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const search = useClientPickSearch(q);
  return {
    data: search.data?.map((c) => ({
      id: c.id,
      label: `${c.givenNames} ${c.familyName}`,
      hint:
        [c.dateOfBirth ? day.format(new Date(`${c.dateOfBirth}T12:00:00`)) : null, c.place, c.germanLevel]
          .filter(Boolean)
          .join(' · ') || undefined,
    })),
    isFetching: search.isFetching,
  };
}

/** Props shared by the company and client pickers. */
export type TPickerProps = Omit<RecordPickerProps, 'useHits' | 'description'> & { description?: string };

/** A company of the office, searched by name, place, postcode or contact person. */
export function CompanyPicker(props: TPickerProps) {
  const { t } = useTranslation();
  return (
    <RecordPicker
      description={t('places.picker.companyHint')}
      data-testid="company-picker"
      {...props}
      useHits={useCompanyHits}
    />
  );
}

/** A client of the office, searched by any name spelling, phone, e-mail or postcode. */
export function ClientPicker(props: TPickerProps) {
  const { t } = useTranslation();
  return (
    <RecordPicker
      description={t('places.picker.clientHint')}
      data-testid="client-picker"
      {...props}
      useHits={useClientHits}
    />
  );
}
