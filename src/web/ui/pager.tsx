import { Box, Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../lib/format';

/** Props of {@link Pager}. */
export interface PagerProps {
  /** Total number of rows matching the filters. */
  total: number;
  /** Rows per page. */
  limit: number;
  /** Index of the first row shown (0-based). */
  offset: number;
  /** Called with the new offset. */
  onChange: (offset: number) => void;
}

/** "1–50 von 123" plus labelled page buttons, inside a `<nav>` named "Seiten". */
export function Pager({ total, limit, offset, onChange }: PagerProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const controlLabels = {
    first: t('app.pager.first'),
    previous: t('app.pager.previous'),
    next: t('app.pager.next'),
    last: t('app.pager.last'),
  };
  return (
    <Group justify="space-between" wrap="wrap" mt="md">
      <Text size="sm" aria-live="polite" data-testid="pager-range">
        {t('app.pager.range', {
          first: format.number(first),
          last: format.number(last),
          total: format.number(total),
        })}
      </Text>
      {pages > 1 ? (
        <Box component="nav" aria-label={t('app.pager.label')}>
          <Pagination
            total={pages}
            value={page}
            onChange={(next) => onChange((next - 1) * limit)}
            withEdges
            getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
            getItemProps={(item) => ({ 'aria-label': t('app.pager.page', { page: item }) })}
          />
        </Box>
      ) : null}
    </Group>
  );
}
