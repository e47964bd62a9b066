import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TImportTarget } from '../../../../contracts/imports';
import { exportUrl } from '../api';

/** Decorative chevron. */
function Chevron() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M2 4l4 4 4-4" stroke="currentColor" strokeWidth="1.5" fill="none" />
    </svg>
  );
}

/** Props of {@link ExportMenu}. */
export interface ExportMenuProps {
  /** What to export: the company list or the place list. */
  target: TImportTarget;
  /**
   * The list's current filters as the list API takes them (`GET /api/companies` / `GET /api/places`
   * query: `q`, `stage`, `status`, …); `limit`/`offset` are ignored, the export has every match.
   */
  filters?: object;
}

/**
 * "Exportieren" button of the company and place lists: a menu with CSV (UTF-8 with BOM, semicolons,
 * opens in German Excel) and Excel (.xlsx) downloads of the rows matching the list's filters
 * (`GET /api/exports/companies|places?format=`). Plain links: the browser downloads the file.
 */
export function ExportMenu({ target, filters }: ExportMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="default" rightSection={<Chevron />} data-testid={`export-${target}`}>
          {t(`importsUi.export.button.${target}`)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={exportUrl(target, 'csv', filters)} download>
          {t('importsUi.export.csv')}
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(target, 'xlsx', filters)} download>
          {t('importsUi.export.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
