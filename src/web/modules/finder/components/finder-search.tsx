import { Autocomplete, Box, Button, Grid, NativeSelect, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../ui/error-message';
import { LAND_CODES } from '../../offices';
import { fetchPlaces, placesQueryKey, usePlaceSuggestions } from '../api';
import { parseFinderInput, type TFinderSearch } from '../finder-input';

/** Text to ask for suggestions: a place name or the start of a postcode, not a picked "39104 Magdeburg". */
function suggestionQuery(text: string): string {
  const value = text.trim();
  return parseFinderInput(value).kind === 'place' || /^\d{2,5}$/.test(value) ? value : '';
}

/** Props of {@link FinderSearch}. */
export interface FinderSearchProps {
  /** The current search (from the page address). */
  search: TFinderSearch | null;
  /** Starts a search (the page puts it into the address). */
  onSearch: (search: TFinderSearch) => void;
  /** Why the current postcode was refused (server message for 400/404), shown at the field. */
  postcodeError: string | null;
}

/**
 * The two ways into the finder: a postcode or place (with suggestions: "Magdeb" → "39104 Magdeburg"),
 * or a Land. Each is its own labelled search form with a submit button (no search on mere selection).
 */
export function FinderSearch({ search, onSearch, postcodeError }: FinderSearchProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState(search?.kind === 'postcode' ? search.postcode : '');
  const [land, setLand] = useState(search?.kind === 'land' ? search.land : '');
  const [textError, setTextError] = useState<string | null>(null);
  const [landError, setLandError] = useState<string | null>(null);
  const [resolving, setResolving] = useState(false);
  const [debounced] = useDebouncedValue(text, 200);
  const suggestions = usePlaceSuggestions(suggestionQuery(debounced));

  // Follow the address (back/forward buttons, links): show what is being searched.
  const searchedPostcode = search?.kind === 'postcode' ? search.postcode : null;
  const searchedLand = search?.kind === 'land' ? search.land : null;
  useEffect(() => {
    if (searchedPostcode !== null) {
      setText((current) => {
        const parsed = parseFinderInput(current);
        return parsed.kind === 'postcode' && parsed.postcode === searchedPostcode
          ? current
          : searchedPostcode;
      });
      setLand('');
    }
  }, [searchedPostcode]);
  useEffect(() => {
    if (searchedLand !== null) {
      setLand(searchedLand);
      setText('');
      setTextError(null);
    }
  }, [searchedLand]);

  const options = [...new Set((suggestions.data ?? []).map((hit) => `${hit.postcode} ${hit.place}`))];
  const details = new Map(
    (suggestions.data ?? []).map((hit) => [
      `${hit.postcode} ${hit.place}`,
      `${hit.kreisName}, ${hit.landName}`,
    ]),
  );

  const submitText = async (value: string) => {
    setTextError(null);
    setLandError(null);
    const input = parseFinderInput(value);
    if (input.kind === 'empty') {
      setTextError(t('finder.search.required'));
      return;
    }
    if (input.kind === 'postcode') {
      onSearch({ kind: 'postcode', postcode: input.postcode });
      return;
    }
    setResolving(true);
    try {
      const hits = await queryClient.fetchQuery({
        queryKey: placesQueryKey(input.text),
        queryFn: ({ signal }) => fetchPlaces(input.text, 8, signal),
        staleTime: 10 * 60_000,
      });
      const first = hits[0];
      if (!first) {
        setTextError(t('finder.search.noPlace', { text: input.text }));
        return;
      }
      setText(`${first.postcode} ${first.place}`);
      onSearch({ kind: 'postcode', postcode: first.postcode });
    } catch (error) {
      setTextError(errorMessage(error, t));
    } finally {
      setResolving(false);
    }
  };

  const fieldError = textError ?? postcodeError;

  return (
    <Grid gap="xl" align="flex-end">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <search aria-label={t('finder.search.byPostcode')}>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void submitText(text);
            }}
          >
            <Autocomplete
              label={t('finder.search.postcodeLabel')}
              description={t('finder.search.postcodeHint')}
              value={text}
              onChange={(value) => {
                setText(value);
                setTextError(null);
              }}
              onOptionSubmit={(value) => {
                setText(value);
                void submitText(value);
              }}
              data={options}
              filter={({ options: all }) => all}
              renderOption={({ option }) => (
                <Box>
                  <Text size="sm" fw={600} span>
                    {option.value}
                  </Text>
                  <Text size="xs" span c="dimmed">
                    {' – '}
                    {details.get(option.value)}
                  </Text>
                </Box>
              )}
              autoComplete="off"
              inputMode="search"
              error={fieldError}
              aria-invalid={fieldError ? true : undefined}
              data-testid="finder-postcode"
            />
            <Button type="submit" mt="sm" loading={resolving}>
              {t('finder.search.submit')}
            </Button>
          </form>
        </search>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <search aria-label={t('finder.search.byLand')}>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              setLandError(null);
              if (!land) {
                setLandError(t('finder.search.landRequired'));
                return;
              }
              setTextError(null);
              onSearch({ kind: 'land', land });
            }}
          >
            <NativeSelect
              label={t('finder.search.landLabel')}
              description={t('finder.search.landHint')}
              value={land}
              onChange={(event) => {
                setLand(event.currentTarget.value);
                setLandError(null);
              }}
              error={landError}
              aria-invalid={landError ? true : undefined}
              data={[
                { value: '', label: t('finder.search.chooseLand') },
                ...LAND_CODES.map((code) => ({ value: code, label: t(`lands.${code}`) })),
              ]}
            />
            <Button type="submit" mt="sm" variant="default">
              {t('finder.search.showLand')}
            </Button>
          </form>
        </search>
      </Grid.Col>
    </Grid>
  );
}
