import { Autocomplete, Button, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { TOccupation } from '../../../../contracts/reference';
import { api } from '../../../lib/api';
import { OCCUPATION_QUERY_MAX, occupationQuery } from '../public/profile-values';
import type { TPublicT } from '../public/public-texts';

/** `GET /api/reference/occupations?q=` — the public occupation list (names, aliases, misspellings). */
function useOccupationSearch(q: string) {
  const text = occupationQuery(q);
  return useQuery<TOccupation[]>({
    queryKey: ['reference', 'occupations', { q: text, limit: 12 }],
    queryFn: ({ signal }) =>
      api
        .get<{ items: TOccupation[] }>('/api/reference/occupations', { q: text, limit: 12 }, signal)
        .then((b) => b.items),
    enabled: text.length >= 2,
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** `GET /api/reference/occupations/:id` — one occupation's name (the id while loading). */
export function useOccupationName(id: string) {
  return useQuery({
    queryKey: ['reference', 'occupation-name', id],
    queryFn: ({ signal }) =>
      api
        .get<{ occupation: TOccupation }>(
          `/api/reference/occupations/${encodeURIComponent(id)}`,
          undefined,
          signal,
        )
        .then((b) => b.occupation.name),
    staleTime: 60 * 60_000,
  });
}

function Chosen({ id, removeLabel, onRemove }: { id: string; removeLabel: ReactNode; onRemove: () => void }) {
  const name = useOccupationName(id).data ?? id;
  return (
    <li>
      <Text lang="de" data-testid="profile-chosen-occupation">
        {name}
      </Text>
      <Button variant="default" size="md" onClick={onRemove}>
        {removeLabel}
        <VisuallyHidden>: {name}</VisuallyHidden>
      </Button>
    </li>
  );
}

/** Props of {@link OccupationField}. */
export interface OccupationFieldProps {
  label: ReactNode;
  hint: ReactNode;
  searchLabel: ReactNode;
  /** Text of the remove buttons ("Entfernen"). */
  removeLabel: ReactNode;
  value: string[];
  max: number;
  onChange: (ids: string[]) => void;
  error?: string;
  pt: TPublicT;
}

/**
 * Wished occupations from the occupation list (names are German, as companies use them): a search
 * field that finds names, aliases and misspellings, and the chosen ones with a remove button each.
 */
export function OccupationField({
  label,
  hint,
  searchLabel,
  removeLabel,
  value,
  max,
  onChange,
  error,
  pt,
}: OccupationFieldProps) {
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 250);
  const search = useOccupationSearch(debounced);
  const hits = (search.data ?? []).filter((o) => !value.includes(o.id));
  const byId = new Map(hits.map((o) => [o.id, o]));
  const full = value.length >= max;
  const nothing =
    debounced.trim().length >= 2 && search.isSuccess && !search.isPlaceholderData && hits.length === 0;
  return (
    <Stack gap="xs">
      <Text fw={600} component="h3" size="md" m={0}>
        {label}
      </Text>
      <Text size="sm" c="dimmed" m={0}>
        {full ? pt('occupationsFull', { max }) : hint}
      </Text>
      {full ? null : (
        <Autocomplete
          label={searchLabel}
          size="lg"
          value={text}
          onChange={setText}
          data={hits.map((o) => ({ value: o.id, label: o.name }))}
          filter={({ options }) => options}
          onOptionSubmit={(id) => {
            if (byId.has(id) && !value.includes(id)) onChange([...value, id]);
            setTimeout(() => setText(''), 0);
          }}
          autoComplete="off"
          maxLength={OCCUPATION_QUERY_MAX}
          error={error}
          data-testid="profile-occupation-search"
        />
      )}
      <Text size="sm" aria-live="polite" m={0}>
        {search.isError ? pt('occupationSearchError') : nothing ? pt('noOccupation') : ''}
      </Text>
      {value.length > 0 ? (
        <ul className="kausa-profile-list" aria-label={pt('occupationsChosen')}>
          {value.map((id) => (
            <Chosen
              key={id}
              id={id}
              removeLabel={removeLabel}
              onRemove={() => onChange(value.filter((v) => v !== id))}
            />
          ))}
        </ul>
      ) : null}
    </Stack>
  );
}
