import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useFormatters } from '../../../lib/format';
import { PageTitle } from '../../../ui/page-title';
import { PageSection } from '../../../ui/section';
import { PageLoader, QueryError } from '../../../ui/status';
import { TaskList } from '../../cases';
import { CompanyPlacesSection } from '../../places';
import { useCompany, useCompanyTasks, useRefreshCompanyContacts } from '../api';
import { latestChange } from '../company-stages';
import { AdviceSection } from '../components/advice-section';
import { ContactLogSection } from '../components/contact-log-section';
import { DetailsSection } from '../components/details-section';
import { MergeSection } from '../components/merge-section';
import { PersonsSection } from '../components/persons-section';
import { CompanyStageBadge } from '../components/stage-badge';
import { CompanyStageDialog } from '../components/stage-dialog';
import { CompanyStageHistory } from '../components/stage-history';

/** "Aufgaben": the company's open follow-up tasks (ticking one saves it as done). */
function CompanyTasksSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const tasks = useCompanyTasks(companyId);
  const refreshContacts = useRefreshCompanyContacts(companyId);
  const open = (tasks.data ?? []).filter((task) => !task.done);
  return (
    <PageSection
      title={t('companies.tasks.title', { count: open.length })}
      data-testid="company-tasks-section"
    >
      {tasks.isPending ? <PageLoader /> : null}
      {tasks.isError ? <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
      {tasks.data ? (
        <Stack gap="xs">
          <TaskList
            tasks={open}
            emptyText={t('companies.tasks.empty')}
            onChanged={() => void refreshContacts()}
            data-testid="company-tasks"
          />
          <Text size="sm">{t('companies.tasks.hint')}</Text>
        </Stack>
      ) : null}
    </PageSection>
  );
}

/**
 * A company (`/companies/:id`): name, stage badge and "Phase ändern" with the stage history; a likely
 * duplicate with "zusammenführen"; details (editable, version-checked); contact persons; the contact
 * log ("Kontakt erfassen" with a next step that becomes a task); the advice checklist; open tasks; and
 * the company's training places (places module). A merged company is shown read-only with a link to
 * the company it was merged into.
 */
export function CompanyPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { id } = useParams();
  const query = useCompany(id);
  const [movingStage, setMovingStage] = useState(false);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const company = query.data;
  const merged = company.mergedIntoId !== null;
  return (
    <Stack>
      <PageTitle
        title={company.name}
        actions={
          <Button component={Link} to="/companies/board" variant="default">
            {t('companies.page.toBoard')}
          </Button>
        }
      />
      {merged ? (
        <Alert color="blue" variant="light" data-testid="merged-notice">
          <Text size="sm">
            {t('companies.page.merged')}{' '}
            <Anchor component={Link} to={`/companies/${company.mergedIntoId}`}>
              {t('companies.page.toMerged')}
            </Anchor>
          </Text>
        </Alert>
      ) : null}
      <Group gap="md" wrap="wrap" data-testid="company-summary">
        <CompanyStageBadge stage={company.stage} size="lg" data-testid="company-stage" />
        <Text size="sm">{t('companies.page.since', { date: format.day(company.stageChangedOn) })}</Text>
        {company.place ? (
          <Text size="sm">{[company.postcode, company.place].filter(Boolean).join(' ')}</Text>
        ) : null}
        <Text size="sm">
          {company.ownerName
            ? t('companies.page.owner', { name: company.ownerName })
            : t('companies.page.noOwner')}
        </Text>
      </Group>
      <MergeSection company={company} />
      <PageSection
        title={t('companies.page.pipeline')}
        data-testid="stage-section"
        actions={
          merged ? null : (
            <Button onClick={() => setMovingStage(true)}>{t('companies.page.changeStage')}</Button>
          )
        }
      >
        <CompanyStageHistory history={company.history} />
      </PageSection>
      <DetailsSection company={company} />
      <PersonsSection companyId={company.id} persons={company.contactPersons} readOnly={merged} />
      <ContactLogSection company={company} readOnly={merged} />
      <AdviceSection companyId={company.id} items={company.advice} readOnly={merged} />
      <CompanyTasksSection companyId={company.id} />
      {merged ? null : <CompanyPlacesSection companyId={company.id} />}
      <Text size="sm">
        <Anchor component={Link} to="/companies">
          {t('companies.page.toList')}
        </Anchor>
      </Text>
      <CompanyStageDialog
        target={
          movingStage
            ? {
                id: company.id,
                name: company.name,
                stage: company.stage,
                version: company.version,
                lastChangeOn: latestChange(company.history),
              }
            : null
        }
        onClose={() => setMovingStage(false)}
      />
    </Stack>
  );
}
