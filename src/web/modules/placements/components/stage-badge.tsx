import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPlacementStage } from '../../../../contracts/placements';
import { stageColour } from '../placement-stages';

/** The translated stage of a placement as a badge ("Vorgeschlagen", "Abgelehnt" …). */
export function PlacementStageBadge({ stage }: { stage: TPlacementStage }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={stageColour(stage)}
      variant="light"
      tt="none"
      miw="max-content"
      data-testid="placement-stage"
    >
      {t(`placements.stage.${stage}`)}
    </Badge>
  );
}
