import { Badge, Group, Progress, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMatchFactor, TMatchFlagCode } from '../../../../contracts/matching';
import { useFormatters } from '../../../lib/format';
import { useOccupationName } from '../api';
import {
  describeFactor,
  factorPoints,
  factorUnknown,
  scorePercent,
  type TFactorContext,
  type TFactorFormatters,
} from '../factor-text';

/** The score as a bar with its percentage ("Passung 82 %"); the bar is named for screen readers. */
export function ScoreBar({ score, label }: { score: number; label: string }) {
  const { t } = useTranslation();
  const percent = scorePercent(score);
  return (
    <Group gap="sm" wrap="nowrap" data-testid="score">
      <Progress
        value={percent}
        size="lg"
        radius="sm"
        style={{ flex: 1, minWidth: '6rem' }}
        aria-label={t('matching.score.barLabel', { name: label })}
      />
      <Text fw={700} miw="3.5rem" ta="end" data-testid="score-percent">
        {t('matching.score.percent', { percent })}
      </Text>
    </Group>
  );
}

/** Flags of a suggestion (e.g. "Arbeitserlaubnis fehlt") as clearly visible red/grape badges. */
export function FlagBadges({ flags }: { flags: readonly TMatchFlagCode[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" data-testid="flags">
      {flags.map((flag) => (
        <Badge
          key={flag}
          color={flag === 'work_permit_pending' || flag === 'already_placed' ? 'grape' : 'red'}
          variant="light"
          tt="none"
          data-testid="flag"
        >
          <span aria-hidden="true">⚠ </span>
          {t(`matching.flag.${flag}`)}
        </Badge>
      ))}
    </Group>
  );
}

function FactorRow({
  factor,
  ctx,
  points,
  max,
}: {
  factor: TMatchFactor;
  ctx: TFactorContext;
  points: number;
  max: number;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const viaName = useOccupationName(factor.key === 'occupation' ? factor.via : null);
  const formatters: TFactorFormatters = {
    km: (km) => format.distanceKmExact(km),
    day: (day) => format.day(day),
    kind: (kind) => t(`places.kind.${kind}`),
    occupation: (id) => viaName ?? id,
  };
  const described = describeFactor(factor, ctx, formatters);
  const unknown = factorUnknown(factor);
  return (
    <li data-testid="factor" data-factor={factor.key} data-unknown={unknown ? 'true' : undefined}>
      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t(`matching.factor.${factor.key}`)}:
          </Text>{' '}
          <span data-testid="factor-text">{t(described.key, described.params)}</span>
          {unknown ? (
            <Text span size="xs" fs="italic">
              {' '}
              {t('matching.explain.unknownHint')}
            </Text>
          ) : null}
        </Text>
        <Text size="sm" ta="end" miw="5.5rem" style={{ whiteSpace: 'nowrap' }}>
          <span aria-hidden="true">{t('matching.score.points', { points, max })}</span>
          <VisuallyHidden component="span">{t('matching.score.pointsLong', { points, max })}</VisuallyHidden>
        </Text>
      </Group>
    </li>
  );
}

/**
 * The explanation of a score: one line per factor in plain language ("Wunschberuf genau", "12 km entfernt
 * (Umkreis 30 km)", "Deutsch B1, verlangt B2: eine Stufe darunter") with the points it adds of the most it
 * could add; unknown inputs say what is missing.
 */
export function FactorExplanation({
  factors,
  ctx,
  score,
}: {
  factors: readonly TMatchFactor[];
  ctx: TFactorContext;
  /** The score shown with it (`ScoreBar`): the points add up to its percentage. */
  score?: number;
}) {
  const { t } = useTranslation();
  const points = factorPoints(factors, score);
  return (
    <ul
      className="kausa-plain-list"
      style={{ gap: 2 }}
      aria-label={t('matching.explain.label')}
      data-testid="factors"
    >
      {factors.map((factor, i) => (
        <FactorRow
          key={factor.key}
          factor={factor}
          ctx={ctx}
          {...(points[i] as { points: number; max: number })}
        />
      ))}
    </ul>
  );
}
