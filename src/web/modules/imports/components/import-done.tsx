import { Alert, Anchor, Button, Group, List, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TImportJob } from '../../../../contracts/imports';
import { useFormatters } from '../../../lib/format';

/** Props of {@link ImportDone}. */
export interface ImportDoneProps {
  job: TImportJob;
  /** Starts a new import (back to the upload step). */
  onAnother: () => void;
}

/**
 * The end of a committed import: what was written (rows, companies created, places updated,
 * duplicates skipped — the last two only while the server still knows them) and links to the
 * company list and the place list.
 */
export function ImportDone({ job, onAnother }: ImportDoneProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const result = job.result;
  const imported = result?.imported ?? job.validRows;
  return (
    <Stack data-testid="import-done">
      <Alert color="blue" variant="light" title={t('importsUi.done.title')}>
        <List size="sm" spacing={2}>
          <List.Item data-testid="done-imported">
            {t(`importsUi.done.imported.${job.target}`, {
              count: imported,
              formatted: format.number(imported),
            })}
          </List.Item>
          {result && job.target === 'places' ? (
            <List.Item data-testid="done-companies">
              {t('importsUi.done.companiesCreated', {
                count: result.companiesCreated,
                formatted: format.number(result.companiesCreated),
              })}
            </List.Item>
          ) : null}
          {result?.placesUpdated ? (
            <List.Item>
              {t('importsUi.done.placesUpdated', {
                count: result.placesUpdated,
                formatted: format.number(result.placesUpdated),
              })}
            </List.Item>
          ) : null}
          {result?.duplicatesSkipped ? (
            <List.Item>
              {t('importsUi.done.duplicatesSkipped', {
                count: result.duplicatesSkipped,
                formatted: format.number(result.duplicatesSkipped),
              })}
            </List.Item>
          ) : null}
        </List>
      </Alert>
      <Group>
        <Anchor component={Link} to="/companies">
          {t('importsUi.done.toCompanies')}
        </Anchor>
        <Anchor component={Link} to="/places">
          {t('importsUi.done.toPlaces')}
        </Anchor>
        <Button variant="default" onClick={onAnother}>
          {t('importsUi.done.another')}
        </Button>
      </Group>
    </Stack>
  );
}
