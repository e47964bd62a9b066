import {
  Anchor,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  type TPlaceCandidate,
  type TPlaceProposal,
  ZCandidateAssessment,
} from '../../../../contracts/places';
import { useFormatters } from '../../../lib/format';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { QUIET_BUTTON_STYLE } from '../../../ui/quiet-button';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { applyProblem, EnumSelect, useOptionalLabel } from '../../clients';
import { type TCandidateAssessment, useAddCandidate, useCandidates } from '../api';
import { AnswerDialog, AssessmentDialog, ProposalDialog, RemoveCandidateDialog } from './candidate-dialogs';
import { ClientPicker, type TPickOption } from './record-picker';

interface TAddValues {
  clientId: string;
  assessment: TCandidateAssessment;
  assessmentNote: string;
}

/** Adds a client of the office as a candidate; the server's refusal (no matching consent) shows at the field. */
function AddCandidateForm({ placeId }: { placeId: string }) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  const add = useAddCandidate(placeId);
  const [client, setClient] = useState<TPickOption | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<TAddValues>({
    initialValues: { clientId: '', assessment: 'suitable', assessmentNote: '' },
    validate: { clientId: (v) => (v ? null : t('places.candidates.clientRequired')) },
  });
  const submit = form.onSubmit((values) => {
    setMessage(null);
    add.mutate(
      {
        clientId: values.clientId,
        assessment: values.assessment,
        assessmentNote: values.assessmentNote.trim() || null,
      },
      {
        onSuccess: () => {
          notifySuccess(t('places.candidates.added', { name: client?.label ?? '' }));
          setClient(null);
          form.reset();
        },
        onError: (error) => setMessage(applyProblem(form, error, t)),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('places.candidates.addTitle')}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('places.candidates.addTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ClientPicker
            label={t('places.candidates.client')}
            value={client}
            onChange={(option) => {
              setClient(option);
              form.setFieldValue('clientId', option?.id ?? '');
              form.clearFieldError('clientId');
            }}
            error={form.errors.clientId}
            required
          />
          <EnumSelect
            label={t('places.candidates.assessment')}
            values={ZCandidateAssessment.options}
            prefix="places.assessment"
            withEmpty={false}
            {...form.getInputProps('assessment')}
          />
        </SimpleGrid>
        <Textarea
          label={optional(t('places.candidates.assessmentNote'))}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('assessmentNote')}
        />
        <FormAlert message={message} />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('places.candidates.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One proposal: date, channel, sender, the proposed candidates by name and the note. */
function ProposalItem({ proposal, names }: { proposal: TPlaceProposal; names: Map<string, string> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <li data-testid="proposal">
      <Text size="sm" fw={500}>
        {t('places.proposal.line', {
          date: format.day(proposal.sentOn),
          channel: t(`places.channel.${proposal.channel}`),
          name: proposal.sentByName ?? '–',
        })}
      </Text>
      <Text size="sm">
        {proposal.candidateIds.map((id) => names.get(id) ?? t('places.proposal.removed')).join(', ')}
      </Text>
      {proposal.note ? <Text size="sm">{proposal.note}</Text> : null}
    </li>
  );
}

/** Props of {@link CandidatesSection}. */
export interface CandidatesSectionProps {
  placeId: string;
  /** Only an open place takes new candidates and proposals. */
  open: boolean;
}

/**
 * "Kandidat*innen und Vorschläge": pre-selected clients with the counsellor's assessment, proposal and
 * the company's answer; add a client, send a proposal of chosen candidates, record the answer per
 * candidate (interview, internship, rejected with reason).
 */
export function CandidatesSection({ placeId, open }: CandidatesSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useCandidates(placeId);
  const [assessing, setAssessing] = useState<TPlaceCandidate | null>(null);
  const [answering, setAnswering] = useState<TPlaceCandidate | null>(null);
  const [removing, setRemoving] = useState<TPlaceCandidate | null>(null);
  const [proposing, setProposing] = useState(false);
  const items = list.data?.items ?? [];
  const unproposed = items.filter((c) => !c.proposalId);
  const names = new Map(items.map((c) => [c.id, c.clientName]));
  return (
    <PageSection
      title={t('places.candidates.title')}
      data-testid="candidates-section"
      actions={
        open && unproposed.length > 0 ? (
          <Button onClick={() => setProposing(true)}>{t('places.proposal.open')}</Button>
        ) : null
      }
    >
      <Stack gap="lg">
        {list.isPending ? <PageLoader /> : null}
        {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data ? (
          <Table striped captionSide="top" verticalSpacing="sm" data-testid="candidate-list">
            <Table.Caption>
              <VisuallyHidden>{t('places.candidates.caption')}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('places.candidates.client')}</Table.Th>
                <Table.Th scope="col">{t('places.candidates.assessment')}</Table.Th>
                <Table.Th scope="col">{t('places.candidates.proposed')}</Table.Th>
                <Table.Th scope="col">{t('places.candidates.answer')}</Table.Th>
                <Table.Th scope="col">{t('app.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text>{t('places.candidates.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {items.map((c) => (
                <Table.Tr key={c.id} data-testid="candidate-row">
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/clients/${c.clientId}`}>
                      {c.clientName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {c.source === 'matching' && c.score !== null
                        ? t('places.candidates.fromMatching', { score: format.number(Math.round(c.score)) })
                        : t(`places.candidateSource.${c.source}`)}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    {c.assessment ? t(`places.assessment.${c.assessment}`) : ''}
                    {c.assessmentNote ? <Text size="xs">{c.assessmentNote}</Text> : null}
                  </Table.Td>
                  <Table.Td>
                    {c.proposedOn ? format.day(c.proposedOn) : t('places.candidates.notProposed')}
                  </Table.Td>
                  <Table.Td data-testid="candidate-answer">
                    {c.answer
                      ? t('places.candidates.answerLine', {
                          answer: t(`places.answer.${c.answer}`),
                          date: format.day(c.answerOn),
                        })
                      : ''}
                    {c.answerReason ? <Text size="xs">{c.answerReason}</Text> : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="wrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        style={QUIET_BUTTON_STYLE}
                        onClick={() => setAssessing(c)}
                        aria-label={t('places.candidates.assessFor', { name: c.clientName })}
                      >
                        {t('places.candidates.assess')}
                      </Button>
                      {c.proposalId ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          style={QUIET_BUTTON_STYLE}
                          onClick={() => setAnswering(c)}
                          aria-label={t('places.candidates.answerFor', { name: c.clientName })}
                        >
                          {t('places.candidates.recordAnswer')}
                        </Button>
                      ) : null}
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        style={QUIET_BUTTON_STYLE}
                        onClick={() => setRemoving(c)}
                        aria-label={t('places.candidates.removeFor', { name: c.clientName })}
                      >
                        {t('places.candidates.remove')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        {open ? <AddCandidateForm placeId={placeId} /> : <Text>{t('places.candidates.closed')}</Text>}
        {list.data && list.data.proposals.length > 0 ? (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('places.proposal.history')}
            </Title>
            <ul className="kausa-plain-list" data-testid="proposal-list">
              {list.data.proposals.map((p) => (
                <ProposalItem key={p.id} proposal={p} names={names} />
              ))}
            </ul>
          </Stack>
        ) : null}
      </Stack>
      <AssessmentDialog placeId={placeId} candidate={assessing} onClose={() => setAssessing(null)} />
      <AnswerDialog placeId={placeId} candidate={answering} onClose={() => setAnswering(null)} />
      <RemoveCandidateDialog placeId={placeId} candidate={removing} onClose={() => setRemoving(null)} />
      <ProposalDialog
        placeId={placeId}
        opened={proposing}
        candidates={unproposed}
        onClose={() => setProposing(false)}
      />
    </PageSection>
  );
}
