import { Button, Group, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPlaceStatus } from '../../../../contracts/companies.enums';
import type { TPlace } from '../../../../contracts/places';
import { isApiError } from '../../../lib/api';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { useUpdatePlace } from '../api';

/** The status changes offered from `status`: an open place is filled or withdrawn, a closed one reopened. */
export function statusTargets(status: TPlaceStatus): TPlaceStatus[] {
  return status === 'open' ? ['filled', 'withdrawn'] : ['open'];
}

/** Props of {@link PlaceStatusPanel}. */
export interface PlaceStatusPanelProps {
  place: TPlace;
  /** Reloads the place after a 409. */
  onReload: () => void;
}

/**
 * Status and publication of a place: "Als besetzt markieren" / "Zurückziehen" (or "Wieder öffnen") and
 * a switch for the public place list, each a versioned change; a refusal (e.g. reopening a place whose
 * start lies in the past) or a 409 is shown below, the latter with "Neu laden".
 */
export function PlaceStatusPanel({ place, onReload }: PlaceStatusPanelProps) {
  const { t } = useTranslation();
  const update = useUpdatePlace();
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const change = (body: { status?: TPlaceStatus; published?: boolean }, done: string) => {
    setMessage(null);
    setConflict(false);
    update.mutate(
      { id: place.id, body: { version: place.version, ...body } },
      {
        onSuccess: () => notifySuccess(done),
        onError: (error) => {
          if (isApiError(error, 409)) {
            setConflict(true);
            setMessage(t('places.form.conflict'));
            return;
          }
          const fields = isApiError(error) ? error.fieldErrors.map((f) => f.message) : [];
          setMessage(fields.length > 0 ? fields.join(' ') : errorMessage(error, t));
        },
      },
    );
  };
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        {statusTargets(place.status).map((target) => (
          <Button
            key={target}
            variant={target === 'open' ? 'filled' : 'default'}
            loading={update.isPending && update.variables?.body.status === target}
            onClick={() =>
              change(
                { status: target },
                t('places.statusPanel.changed', { status: t(`places.status.${target}`) }),
              )
            }
          >
            {t(`places.statusPanel.to.${target}`)}
          </Button>
        ))}
      </Group>
      <Switch
        label={t('places.fields.publishedLong')}
        description={
          place.status === 'open'
            ? t('places.form.publishedHint')
            : t('places.statusPanel.publishedClosedHint')
        }
        checked={place.published}
        disabled={update.isPending}
        onChange={(event) =>
          change(
            { published: event.currentTarget.checked },
            event.currentTarget.checked
              ? t('places.statusPanel.publishedOn')
              : t('places.statusPanel.publishedOff'),
          )
        }
        data-testid="publish-switch"
      />
      <FormAlert message={message}>
        {conflict ? (
          <Stack gap="xs" mt="sm" align="flex-start">
            <Text size="sm">{t('places.form.conflictHint')}</Text>
            <Button size="xs" variant="default" onClick={onReload}>
              {t('app.reload')}
            </Button>
          </Stack>
        ) : null}
      </FormAlert>
    </Stack>
  );
}
