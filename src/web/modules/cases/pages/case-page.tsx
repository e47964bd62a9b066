import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useFormatters } from '../../../lib/format';
import { PageTitle } from '../../../ui/page-title';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { useCurrentUser } from '../../auth';
import { useCase } from '../api';
import { ContractSection } from '../components/contract-section';
import { ReferralModal, ReferralsTable, type TReferralPartner } from '../components/referrals-section';
import { RemindersPanel } from '../components/reminders-panel';
import { SessionForm, type TOwnerOption } from '../components/session-form';
import { SessionsList } from '../components/sessions-list';
import { StageDialog } from '../components/stage-dialog';
import { StageHistory, StagePipeline } from '../components/stage-overview';
import { AddTaskForm, TaskList } from '../components/task-list';
import { lastChangeOn } from '../stages';

/**
 * A case (`/cases/:id`): residence reminders first, the stage pipeline with "change stage", the full
 * history, sessions (record one, next steps become tasks), tasks, referrals and the training contract.
 */
export function CasePage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const me = useCurrentUser();
  const { id } = useParams();
  const query = useCase(id);
  const [movingStage, setMovingStage] = useState(false);
  const [sessionOpen, setSessionOpen] = useState(false);
  const [contractOpen, setContractOpen] = useState(false);
  const [referral, setReferral] = useState<{ partnerKind: TReferralPartner; reason: string } | null>(null);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const kase = query.data;
  const owners: TOwnerOption[] = [
    { id: me.id, name: t('cases.task.me', { name: me.displayName }) },
    ...(kase.counsellorId && kase.counsellorId !== me.id
      ? [{ id: kase.counsellorId, name: kase.counsellorName ?? kase.counsellorId }]
      : []),
  ];
  const openTasks = kase.tasks.filter((task) => !task.done).length;
  return (
    <Stack>
      <PageTitle
        title={t('cases.page.title', { name: kase.clientName })}
        actions={
          <Button component={Link} to={`/clients/${kase.clientId}`} variant="default">
            {t('cases.page.toClient')}
          </Button>
        }
      />
      <Group gap="md" wrap="wrap" data-testid="case-summary">
        <Badge size="lg" color="blue" variant="filled" tt="none" data-testid="case-stage">
          {t(`cases.stage.${kase.stage}`)}
          {kase.outcome ? ` (${t(`cases.outcome.${kase.outcome}`)})` : ''}
        </Badge>
        <Text size="sm">{t('cases.page.openedOn', { date: format.day(kase.openedOn) })}</Text>
        <Text size="sm">
          {kase.lastContactOn
            ? t('cases.page.lastContact', { date: format.day(kase.lastContactOn) })
            : t('cases.page.noContactYet')}
        </Text>
        {kase.counsellorName ? (
          <Text size="sm">{t('cases.page.counsellor', { name: kase.counsellorName })}</Text>
        ) : null}
      </Group>
      <RemindersPanel
        reminders={kase.reminders}
        onRefer={(partnerKind, reason) => setReferral({ partnerKind, reason })}
      />
      <PageSection
        title={t('cases.page.stage')}
        data-testid="stage-section"
        actions={<Button onClick={() => setMovingStage(true)}>{t('cases.page.changeStage')}</Button>}
      >
        <StagePipeline stage={kase.stage} outcome={kase.outcome} history={kase.history} />
      </PageSection>
      <PageSection title={t('cases.page.history')} data-testid="history-section">
        <StageHistory history={kase.history} />
      </PageSection>
      <PageSection
        title={t('cases.page.sessions')}
        data-testid="sessions-section"
        actions={
          sessionOpen ? null : <Button onClick={() => setSessionOpen(true)}>{t('cases.session.add')}</Button>
        }
      >
        <Stack>
          {sessionOpen ? (
            <SessionForm caseId={kase.id} owners={owners} onDone={() => setSessionOpen(false)} />
          ) : null}
          <SessionsList sessions={kase.sessions} />
        </Stack>
      </PageSection>
      <PageSection title={t('cases.page.tasks', { count: openTasks })} data-testid="tasks-section">
        <Stack>
          <TaskList tasks={kase.tasks} emptyText={t('cases.task.emptyCase')} data-testid="case-tasks" />
          <AddTaskForm caseId={kase.id} owners={owners} />
        </Stack>
      </PageSection>
      <PageSection
        title={t('cases.page.referrals')}
        data-testid="referrals-section"
        actions={
          <Button
            variant="default"
            onClick={() => setReferral({ partnerKind: 'employment_agency', reason: '' })}
          >
            {t('cases.referral.add')}
          </Button>
        }
      >
        <ReferralsTable referrals={kase.referrals} />
      </PageSection>
      <PageSection title={t('cases.page.contract')} data-testid="contract-section">
        <ContractSection
          caseId={kase.id}
          contract={kase.contract}
          formOpen={contractOpen}
          onFormOpenChange={setContractOpen}
        />
      </PageSection>
      <Text size="sm">
        <Anchor component={Link} to="/board">
          {t('cases.page.toBoard')}
        </Anchor>
      </Text>
      <StageDialog
        target={
          movingStage
            ? {
                id: kase.id,
                clientName: kase.clientName,
                stage: kase.stage,
                version: kase.version,
                openedOn: kase.openedOn,
                lastChangeOn: lastChangeOn(kase.history),
                hasContract: Boolean(kase.contract && !kase.contract.terminatedOn),
                clientId: kase.clientId,
              }
            : null
        }
        onClose={() => setMovingStage(false)}
      />
      <ReferralModal caseId={kase.id} preset={referral} onClose={() => setReferral(null)} />
    </Stack>
  );
}
