import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TClientSuggestion, TMatchPlaceSummary, TPlaceSuggestion } from '../../../../contracts/matching';
import type { TPlacementListItem } from '../../../../contracts/placements';
import { useFormatters } from '../../../lib/format';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { PlacementStageBadge } from '../../placements';
import type { TFactorContext } from '../factor-text';
import { FactorExplanation, FlagBadges, ScoreBar } from './score';

/** The name of a suggested place: its title, else its occupation, else its kind. */
export function matchPlaceName(place: TMatchPlaceSummary, t: TFunction): string {
  return place.title ?? place.occupationName ?? t(`places.kind.${place.kind}`);
}

/** The open placement of this pairing (link with its stage), or the "Vermittlung anlegen" button. */
function PlacementAction({
  placement,
  label,
  onCreate,
}: {
  placement: TPlacementListItem | undefined;
  label: string;
  onCreate: () => void;
}) {
  const { t } = useTranslation();
  if (placement) {
    return (
      <Group gap="xs" data-testid="suggestion-placement">
        <Anchor component={Link} to={`/placements/${placement.id}`} size="sm">
          {t('matching.card.placementOpen')}
        </Anchor>
        <PlacementStageBadge stage={placement.stage} />
      </Group>
    );
  }
  return (
    <Button
      size="xs"
      variant="light"
      style={QUIET_BUTTON_STYLE}
      onClick={onCreate}
      aria-label={t('matching.card.createFor', { name: label })}
    >
      {t('matching.card.create')}
    </Button>
  );
}

/** Props of {@link PlaceSuggestionCard}. */
export interface PlaceSuggestionCardProps {
  rank: number;
  suggestion: TPlaceSuggestion;
  ctx: TFactorContext;
  placement: TPlacementListItem | undefined;
  onCreate: () => void;
}

/**
 * One suggested place on a client's page: rank and name (link to the place), company, town and distance,
 * kind and start, the score bar, flags, every factor explained, and "Vermittlung anlegen".
 */
export function PlaceSuggestionCard({
  rank,
  suggestion,
  ctx,
  placement,
  onCreate,
}: PlaceSuggestionCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { place } = suggestion;
  const name = matchPlaceName(place, t);
  return (
    <li data-testid="suggestion">
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Title order={3} size="h5">
                <span aria-hidden="true">{rank}. </span>
                <Anchor component={Link} to={`/places/${place.id}`} inherit>
                  {name}
                </Anchor>
              </Title>
              <Text size="sm">
                {[
                  place.companyName,
                  [place.postcode, place.town].filter(Boolean).join(' '),
                  place.distanceKm === null
                    ? null
                    : t('matching.card.distance', { km: format.distanceKmExact(place.distanceKm) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
            <Group gap="xs">
              <Badge color="gray" variant="light" tt="none">
                {t(`places.kind.${place.kind}`)}
              </Badge>
              {place.startsOn ? (
                <Text size="sm">{t('matching.card.startsOn', { date: format.day(place.startsOn) })}</Text>
              ) : null}
            </Group>
          </Group>
          <ScoreBar score={suggestion.score} label={name} />
          <FlagBadges flags={suggestion.flags} />
          <FactorExplanation
            factors={suggestion.factors}
            score={suggestion.score}
            ctx={{ ...ctx, startsOn: place.startsOn }}
          />
          <Group justify="flex-end">
            <PlacementAction placement={placement} label={name} onCreate={onCreate} />
          </Group>
        </Stack>
      </Paper>
    </li>
  );
}

/** Props of {@link ClientSuggestionCard}. */
export interface ClientSuggestionCardProps {
  rank: number;
  suggestion: TClientSuggestion;
  place: TMatchPlaceSummary;
  placement: TPlacementListItem | undefined;
  onCreate: () => void;
}

/**
 * One suggested young person on a place's page: rank and name (link to the client), town, German level,
 * case stage, the score bar, flags, every factor explained, and "Vermittlung anlegen".
 */
export function ClientSuggestionCard({
  rank,
  suggestion,
  place,
  placement,
  onCreate,
}: ClientSuggestionCardProps) {
  const { t } = useTranslation();
  const { client } = suggestion;
  const ctx: TFactorContext = { side: 'place', germanLevel: client.germanLevel, startsOn: place.startsOn };
  return (
    <li data-testid="suggestion">
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Title order={3} size="h5">
                <span aria-hidden="true">{rank}. </span>
                <Anchor component={Link} to={`/clients/${client.id}`} inherit>
                  {client.displayName}
                </Anchor>
              </Title>
              <Text size="sm">
                {[
                  [client.postcode, client.town].filter(Boolean).join(' '),
                  client.germanLevel ? t('matching.card.german', { level: client.germanLevel }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
            {client.caseStage ? (
              <Badge color="blue" variant="light" tt="none" data-testid="client-case-stage">
                {t('matching.card.caseStage', { stage: t(`cases.stage.${client.caseStage}`) })}
              </Badge>
            ) : null}
          </Group>
          <ScoreBar score={suggestion.score} label={client.displayName} />
          <FlagBadges flags={suggestion.flags} />
          <FactorExplanation factors={suggestion.factors} score={suggestion.score} ctx={ctx} />
          <Group justify="flex-end">
            <PlacementAction placement={placement} label={client.displayName} onCreate={onCreate} />
          </Group>
        </Stack>
      </Paper>
    </li>
  );
}
