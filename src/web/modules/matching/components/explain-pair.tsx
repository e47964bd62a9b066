import { Alert, Autocomplete, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { PageLoader, QueryError } from '../../../ui/status';
import { type TPlaceHit, useExplainPair, usePlaceSearch } from '../api';
import type { TFactorContext } from '../factor-text';
import { FactorExplanation, FlagBadges, ScoreBar } from './score';
import { matchPlaceName } from './suggestion-cards';

function hitName(hit: TPlaceHit, t: TFunction): string {
  return hit.title ?? hit.occupationName ?? t(`places.kind.${hit.kind}`);
}

/** The explanation of the chosen pair: why it is excluded, or its score with every factor. */
function Explanation({ clientId, placeId, ctx }: { clientId: string; placeId: string; ctx: TFactorContext }) {
  const { t } = useTranslation();
  const query = useExplainPair({ clientId, placeId });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const pair = query.data;
  const name = matchPlaceName(pair.place, t);
  return (
    <Paper withBorder p="sm" data-testid="explained-pair">
      <Stack gap="xs">
        <Title order={4} size="h5">
          {t('matching.check.resultTitle', { place: name, company: pair.place.companyName })}
        </Title>
        {pair.excluded ? (
          <Alert color="red" variant="light" data-testid="pair-excluded">
            {t('matching.check.excluded', { reason: t(`matching.exclusion.${pair.excluded}`) })}
          </Alert>
        ) : (
          <ScoreBar score={pair.score} label={name} />
        )}
        <FlagBadges flags={pair.flags} />
        <FactorExplanation
          factors={pair.factors}
          {...(!pair.excluded && { score: pair.score })}
          ctx={{ ...ctx, germanLevel: pair.client.germanLevel, startsOn: pair.place.startsOn }}
        />
      </Stack>
    </Paper>
  );
}

/**
 * "Einen bestimmten Platz prüfen": search a place of the office and see why it is (not) suggested — the
 * exclusion that keeps it out (outside the radius, German two levels below, …) or its explained score.
 */
export function ExplainPairForm({ clientId, ctx }: { clientId: string; ctx: TFactorContext }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 200);
  const hits = usePlaceSearch(debounced);
  const [chosen, setChosen] = useState<TPlaceHit | null>(null);
  const options = hits.data ?? [];
  const byId = new Map(options.map((h) => [h.id, h]));
  return (
    <Stack gap="xs" data-testid="explain-pair">
      <Title order={3} size="h5">
        {t('matching.check.title')}
      </Title>
      {chosen ? (
        <Group gap="xs">
          <Text size="sm">
            {t('matching.check.chosen', { place: hitName(chosen, t), company: chosen.companyName })}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            style={QUIET_BUTTON_STYLE}
            onClick={() => setChosen(null)}
          >
            {t('matching.check.another')}
          </Button>
        </Group>
      ) : (
        <Autocomplete
          label={t('matching.check.search')}
          description={t('matching.check.searchHint')}
          value={text}
          onChange={setText}
          data={options.map((h) => ({ value: h.id, label: `${hitName(h, t)} – ${h.companyName}` }))}
          filter={({ options: all }) => all}
          onOptionSubmit={(id) => {
            const hit = byId.get(id);
            if (hit) setChosen(hit);
            setTimeout(() => setText(''), 0);
          }}
          renderOption={({ option }) => {
            const hit = byId.get(option.value);
            return (
              <Box>
                <Text size="sm">{hit ? hitName(hit, t) : option.value}</Text>
                {hit ? (
                  <Text size="xs" c="dimmed">
                    {[hit.companyName, [hit.postcode, hit.place].filter(Boolean).join(' ')]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                ) : null}
              </Box>
            );
          }}
          autoComplete="off"
          maw={520}
        />
      )}
      {chosen ? <Explanation clientId={clientId} placeId={chosen.id} ctx={ctx} /> : null}
    </Stack>
  );
}
