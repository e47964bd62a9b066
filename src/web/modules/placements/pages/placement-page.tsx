import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useFormatters } from '../../../lib/format';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { PageTitle } from '../../../ui/page-title';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { useDeletePlacement, usePlacement } from '../api';
import { Facts, PlacementHistory, PlacementPipeline, ScoreSnapshot } from '../components/placement-parts';
import { placementPlaceName } from '../components/placements-table';
import { PlacementStageBadge } from '../components/stage-badge';
import { PlacementStageDialog } from '../components/stage-dialog';
import { canChangeStage } from '../placement-stages';

/** "Vermittlung löschen" (only while proposed): confirm, delete, back to the client. */
function DeleteDialog({
  placement,
  opened,
  onClose,
}: {
  placement: { id: string; version: number; client: { id: string; name: string } };
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeletePlacement();
  const navigate = useNavigate();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('placements.delete.title')}>
      <Stack>
        <Text>{t('placements.delete.text', { name: placement.client.name })}</Text>
        <FormAlert message={remove.isError ? errorMessage(remove.error, t) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(placement, {
                onSuccess: () => {
                  notifySuccess(t('placements.delete.done'));
                  void navigate(`/clients/${placement.client.id}`);
                },
              })
            }
          >
            {t('placements.delete.submit')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/**
 * A placement (`/placements/:id`): who with which place of which company, the stage in the pipeline with
 * "Phase ändern" (rejection with reason), the dated history, and the matching score saved when it was
 * created.
 */
export function PlacementPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { id } = useParams();
  const query = usePlacement(id);
  const [moving, setMoving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const placeName = placementPlaceName(p.place, t);
  return (
    <Stack>
      <PageTitle
        title={t('placements.page.title', { client: p.client.name, place: placeName })}
        actions={
          <>
            <Button component={Link} to={`/clients/${p.client.id}`} variant="default">
              {t('placements.page.toClient')}
            </Button>
            <Button component={Link} to={`/places/${p.place.id}`} variant="default">
              {t('placements.page.toPlace')}
            </Button>
          </>
        }
      />
      <Group gap="md" wrap="wrap" data-testid="placement-summary">
        <PlacementStageBadge stage={p.stage} />
        <Text size="sm">{t('placements.list.since', { date: format.day(p.stageOn) })}</Text>
        <Text size="sm">
          {p.source === 'matching' && p.score
            ? t('placements.list.fromMatching', { percent: Math.round(p.score.score * 100) })
            : t(`placements.source.${p.source}`)}
        </Text>
      </Group>
      <PageSection
        title={t('placements.page.stage')}
        data-testid="placement-stage-section"
        actions={
          !canChangeStage(p.stage) ? null : (
            <>
              {p.stage === 'proposed' ? (
                <Button variant="default" onClick={() => setDeleting(true)}>
                  {t('placements.delete.open')}
                </Button>
              ) : null}
              <Button onClick={() => setMoving(true)}>{t('placements.list.move')}</Button>
            </>
          )
        }
      >
        <Stack>
          <PlacementPipeline placement={p} />
          {p.rejectionReason ? (
            <Text data-testid="placement-rejection">
              {t('placements.history.reason', { reason: t(`placements.reason.${p.rejectionReason}`) })}
              {p.rejectionNote ? ` – ${p.rejectionNote}` : ''}
            </Text>
          ) : null}
        </Stack>
      </PageSection>
      <PageSection title={t('placements.page.details')} data-testid="placement-details">
        <Facts
          rows={[
            [
              t('placements.fields.client'),
              <Anchor key="client" component={Link} to={`/clients/${p.client.id}`}>
                {p.client.name}
              </Anchor>,
            ],
            [
              t('placements.fields.place'),
              <Anchor key="place" component={Link} to={`/places/${p.place.id}`}>
                {placeName}
              </Anchor>,
            ],
            [
              t('placements.fields.company'),
              <Anchor key="company" component={Link} to={`/companies/${p.place.company.id}`}>
                {p.place.company.name}
              </Anchor>,
            ],
            [t('placements.fields.kind'), t(`places.kind.${p.place.kind}`)],
            [t('placements.fields.occupation'), p.place.occupationName],
            [t('placements.fields.location'), [p.place.postcode, p.place.place].filter(Boolean).join(' ')],
            [t('placements.fields.startsOn'), p.place.startsOn ? format.day(p.place.startsOn) : null],
            [t('placements.fields.proposedOn'), format.day(p.proposedOn)],
            [t('placements.fields.createdBy'), p.createdByName],
          ]}
        />
      </PageSection>
      <PageSection title={t('placements.page.history')} data-testid="placement-history-section">
        <PlacementHistory history={p.history} />
      </PageSection>
      {p.score ? (
        <PageSection title={t('placements.page.score')} data-testid="placement-score-section">
          <ScoreSnapshot score={p.score} />
        </PageSection>
      ) : null}
      <PlacementStageDialog target={moving ? p : null} onClose={() => setMoving(false)} />
      <DeleteDialog placement={p} opened={deleting} onClose={() => setDeleting(false)} />
    </Stack>
  );
}
