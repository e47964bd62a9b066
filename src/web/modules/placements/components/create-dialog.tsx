import { Anchor, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TCaseStage } from '../../../../contracts/cases';
import type { TPlacement, TPlacementScore } from '../../../../contracts/placements';
import { todayDay } from '../../../lib/format';
import { applyApiError, FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { existingPlacementId, useCreatePlacement } from '../api';
import { movesCaseToApplying } from '../placement-stages';

/** The pairing a new placement is made of (a suggestion, or a client and place chosen by hand). */
export interface TPlacementDraft {
  clientId: string;
  clientName: string;
  placeId: string;
  /** The place as the counsellor knows it ("Ausbildung Friseur/-in") and its company. */
  placeName: string;
  companyName: string;
  /** The stage of the client's open case (null without one). */
  caseStage: TCaseStage | null;
  /** The suggestion's explained score (source `matching`); null for a pairing made by hand. */
  score: TPlacementScore | null;
}

/** Props of {@link CreatePlacementDialog}. */
export interface CreatePlacementDialogProps {
  /** The pairing to record; null → closed. */
  draft: TPlacementDraft | null;
  onClose: () => void;
  /** Called with the new placement. */
  onCreated?: (placement: TPlacement) => void;
}

type TValues = {
  proposedOn: string;
  note: string;
};

function CreateForm({ draft, onClose, onCreated }: CreatePlacementDialogProps & { draft: TPlacementDraft }) {
  const { t } = useTranslation();
  const create = useCreatePlacement();
  const today = todayDay();
  const [message, setMessage] = useState<string | null>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const form = useForm<TValues>({
    initialValues: { proposedOn: today, note: '' },
    validate: {
      proposedOn: (v) =>
        !v ? t('placements.create.dateRequired') : v > today ? t('placements.create.dateInFuture') : null,
    },
  });
  const submit = form.onSubmit((values) => {
    setMessage(null);
    setExisting(null);
    create.mutate(
      {
        clientId: draft.clientId,
        placeId: draft.placeId,
        // The server computes the score snapshot itself for a suggestion; it is never sent.
        source: draft.score ? 'matching' : 'manual',
        proposedOn: values.proposedOn,
        note: values.note.trim() || null,
      },
      {
        onSuccess: (placement) => {
          notifySuccess(
            movesCaseToApplying(draft.caseStage)
              ? t('placements.create.createdMoved', {
                  name: draft.clientName,
                  stage: t('cases.stage.applying'),
                })
              : t('placements.create.created', { name: draft.clientName }),
          );
          onCreated?.(placement);
          onClose();
        },
        onError: (error) => {
          setExisting(existingPlacementId(error));
          setMessage(applyApiError(form, error, t));
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>
          {t('placements.create.summary', {
            client: draft.clientName,
            place: draft.placeName,
            company: draft.companyName,
          })}
        </Text>
        {draft.score ? (
          <Text size="sm">
            {t('placements.create.scoreSnapshot', { percent: Math.round(draft.score.score * 100) })}
          </Text>
        ) : null}
        {movesCaseToApplying(draft.caseStage) ? (
          <Text size="sm" data-testid="case-move-hint">
            {t('placements.create.caseMoves', {
              from: t(`cases.stage.${draft.caseStage}`),
              to: t('cases.stage.applying'),
            })}
          </Text>
        ) : null}
        <TextInput
          type="date"
          label={t('placements.create.proposedOn')}
          max={today}
          required
          {...form.getInputProps('proposedOn')}
          aria-invalid={form.errors.proposedOn ? true : undefined}
        />
        <Textarea
          label={t('placements.optional', { label: t('placements.create.note') })}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('note')}
        />
        <FormAlert message={message}>
          {existing ? (
            <Anchor component={Link} to={`/placements/${existing}`} size="sm">
              {t('placements.create.openExisting')}
            </Anchor>
          ) : null}
        </FormAlert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('placements.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Vermittlung anlegen": records a client × place pairing as a `proposed` placement, with the suggestion's
 * score as a snapshot (source `matching`), the day it was proposed and a note. Says beforehand that the
 * client's case moves to "Bewerbung"; a pairing already open links to the existing placement.
 */
export function CreatePlacementDialog(props: CreatePlacementDialogProps) {
  const { t } = useTranslation();
  const { draft } = props;
  return (
    <AppModal opened={draft !== null} onClose={props.onClose} title={t('placements.create.title')}>
      {draft ? <CreateForm key={`${draft.clientId}-${draft.placeId}`} {...props} draft={draft} /> : null}
    </AppModal>
  );
}
