import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCompanyStage } from '../../../../contracts/companies.enums';
import { STAGE_COLOURS } from '../company-stages';

/** The translated stage of a company as a filled badge, one colour per stage (AA contrast). */
export function CompanyStageBadge({ stage, ...props }: { stage: TCompanyStage } & Omit<BadgeProps, 'color'>) {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLOURS[stage]} variant="filled" tt="none" miw="max-content" {...props}>
      {t(`companies.stage.${stage}`)}
    </Badge>
  );
}
