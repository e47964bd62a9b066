import { Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import type { TPick } from '../speed-dating';

/** Props of {@link PickSearch}. */
export interface PickSearchProps {
  /** Heading (h3) of the list, e.g. "Personen". */
  title: string;
  /** Label of the search input. */
  searchLabel: string;
  /** Runs the search for the debounced text: hits as picks, and whether it is loading. */
  useHits: (q: string) => { hits: TPick[]; loading: boolean; error: boolean };
  picked: readonly TPick[];
  onChange: (picked: TPick[]) => void;
  /** Error texts by picked id (e.g. "not found in your office"), shown under that entry. */
  errors?: Record<string, string>;
  /** At most this many picks. */
  max: number;
  'data-testid'?: string;
}

/**
 * Choose several records by searching: a search input (2+ characters) with the hits as "Hinzufügen"
 * buttons, and the chosen ones as a list with "Entfernen" buttons — native buttons only, so everything
 * works by keyboard; the count is announced politely. A picked entry with an error is marked and names it.
 */
export function PickSearch({
  title,
  searchLabel,
  useHits,
  picked,
  onChange,
  errors = {},
  max,
  ...rest
}: PickSearchProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 250);
  const { hits, loading, error } = useHits(debounced);
  const pickedIds = new Set(picked.map((p) => p.id));
  const full = picked.length >= max;
  return (
    <Stack gap="xs" data-testid={rest['data-testid']} role="group" aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>
        {title}
      </Title>
      <TextInput
        label={searchLabel}
        description={t('matching.speedDating.searchHint')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        rightSection={loading ? <Loader size="xs" aria-hidden="true" /> : null}
        autoComplete="off"
      />
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          {t('matching.speedDating.searchFailed')}
        </Text>
      ) : null}
      {debounced.trim().length >= 2 && !loading && hits.length === 0 && !error ? (
        <Text size="sm">{t('matching.speedDating.noHits')}</Text>
      ) : null}
      {hits.length > 0 && debounced.trim().length >= 2 ? (
        <ul className="kausa-pick-list" aria-label={t('matching.speedDating.hits', { title })}>
          {hits.map((hit) => {
            const chosen = pickedIds.has(hit.id);
            return (
              <li key={hit.id}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" style={{ flex: 1, minWidth: 0 }}>
                    {hit.label}
                    {hit.detail ? <Text span size="xs">{` · ${hit.detail}`}</Text> : null}
                  </Text>
                  <Button
                    size="compact-sm"
                    variant="default"
                    style={{ flexShrink: 0 }}
                    disabled={chosen || full}
                    onClick={() => onChange([...picked, hit])}
                    aria-label={t('matching.speedDating.addNamed', { name: hit.label })}
                  >
                    {chosen ? t('matching.speedDating.added') : t('matching.speedDating.add')}
                  </Button>
                </Group>
              </li>
            );
          })}
        </ul>
      ) : null}
      <Text size="sm" fw={600} aria-live="polite" data-testid="pick-count">
        {t('matching.speedDating.pickedCount', { count: picked.length })}
      </Text>
      {picked.length > 0 ? (
        <ul className="kausa-pick-list" aria-label={t('matching.speedDating.pickedList', { title })}>
          {picked.map((p) => {
            const problem = errors[p.id];
            return (
              <li key={p.id} data-testid="picked" data-invalid={problem ? 'true' : undefined}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" style={{ flex: 1, minWidth: 0 }}>
                    {p.label}
                    {p.detail ? <Text span size="xs">{` · ${p.detail}`}</Text> : null}
                  </Text>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    style={{ ...QUIET_BUTTON_STYLE, flexShrink: 0 }}
                    onClick={() => onChange(picked.filter((x) => x.id !== p.id))}
                    aria-label={t('matching.speedDating.removeNamed', { name: p.label })}
                  >
                    {t('matching.speedDating.remove')}
                  </Button>
                </Group>
                {problem ? (
                  <Text size="sm" c="red.8" fw={600} data-testid="picked-error">
                    {problem}
                  </Text>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Stack>
  );
}
