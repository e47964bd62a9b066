import { Anchor, Button, Group, Paper, Radio, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TClientSummary } from '../../../../contracts/clients';
import { useFormatters } from '../../../lib/format';
import { errorMessage } from '../../../ui/error-message';
import { FormAlert } from '../../../ui/form-errors';
import { notifySuccess } from '../../../ui/notify';
import { AppModal } from '../../../ui/overlays';
import { PageTitle } from '../../../ui/page-title';
import { PageLoader, QueryError } from '../../../ui/status';
import { type TDuplicatePair, useDuplicatePairs, useMergeClients } from '../api';

const fullName = (c: TClientSummary) => `${c.givenNames} ${c.familyName}`;

/** One person of a pair: linked name, birth date, place, stage. */
function Person({ client }: { client: TClientSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={`/clients/${client.id}`}>
        {fullName(client)}
      </Anchor>
      <Text size="xs">
        {[
          format.day(client.dateOfBirth),
          [client.postcode, client.place].filter(Boolean).join(' '),
          client.stage ? t(`cases.stage.${client.stage}`, { defaultValue: client.stage }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

/** Asks which record to keep, then merges the other into it. */
function MergeModal({ pair, onClose }: { pair: TDuplicatePair; onClose: () => void }) {
  const { t } = useTranslation();
  const merge = useMergeClients();
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const kept = keep === 'a' ? pair.a : pair.b;
  const other = keep === 'a' ? pair.b : pair.a;
  return (
    <AppModal opened onClose={onClose} title={t('clients.duplicatesPage.mergeTitle')}>
      <Stack>
        <Text size="sm">{t('clients.duplicatesPage.mergeText')}</Text>
        <Radio.Group
          label={t('clients.duplicatesPage.keep')}
          value={keep}
          onChange={(value) => setKeep(value as 'a' | 'b')}
        >
          <Stack gap={6} mt={6}>
            <Radio value="a" label={fullName(pair.a)} />
            <Radio value="b" label={fullName(pair.b)} />
          </Stack>
        </Radio.Group>
        <Text size="sm" fw={600}>
          {t('clients.duplicatesPage.mergeSummary', { other: fullName(other), kept: fullName(kept) })}
        </Text>
        <FormAlert message={merge.isError ? errorMessage(merge.error, t) : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button
            color="red"
            loading={merge.isPending}
            onClick={() =>
              merge.mutate(
                { keepId: kept.id, otherId: other.id },
                {
                  onSuccess: () => {
                    notifySuccess(t('clients.duplicatesPage.merged', { name: fullName(kept) }));
                    onClose();
                  },
                },
              )
            }
          >
            {t('clients.duplicatesPage.mergeSubmit')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/**
 * "Mögliche Doppelungen" (`/duplicates`): pairs of the office's clients that may be the same
 * person (name variants across transliterations, phonetic key, birth date), best first, with the
 * reasons; a pair can be merged, keeping all history on the record chosen.
 */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const pairs = useDuplicatePairs();
  const [merging, setMerging] = useState<TDuplicatePair | null>(null);
  return (
    <Stack>
      <PageTitle title={t('clients.duplicatesPage.title')} />
      <Text>{t('clients.duplicatesPage.intro')}</Text>
      {pairs.isPending ? <PageLoader /> : null}
      {pairs.isError ? <QueryError error={pairs.error} onRetry={() => void pairs.refetch()} /> : null}
      {pairs.data ? (
        <Paper withBorder p="md">
          <Table striped captionSide="top" verticalSpacing="sm" data-testid="duplicate-pairs">
            <Table.Caption>
              <VisuallyHidden>{t('clients.duplicatesPage.caption')}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('clients.duplicatesPage.first')}</Table.Th>
                <Table.Th scope="col">{t('clients.duplicatesPage.second')}</Table.Th>
                <Table.Th scope="col">{t('clients.duplicatesPage.score')}</Table.Th>
                <Table.Th scope="col">{t('clients.duplicatesPage.reasons')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('app.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pairs.data.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>{t('clients.duplicatesPage.empty')}</Table.Td>
                </Table.Tr>
              ) : null}
              {pairs.data.map((pair) => (
                <Table.Tr key={`${pair.a.id}-${pair.b.id}`} data-testid="duplicate-pair">
                  <Table.Td>
                    <Person client={pair.a} />
                  </Table.Td>
                  <Table.Td>
                    <Person client={pair.b} />
                  </Table.Td>
                  <Table.Td>{Math.round(pair.score * 100)} %</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {pair.reasons
                        .map((reason) => t(`clients.duplicates.reason.${reason}`, { defaultValue: reason }))
                        .join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setMerging(pair)}
                      aria-label={t('clients.duplicatesPage.mergeLabel', {
                        a: fullName(pair.a),
                        b: fullName(pair.b),
                      })}
                    >
                      {t('clients.duplicatesPage.merge')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      {merging ? <MergeModal pair={merging} onClose={() => setMerging(null)} /> : null}
    </Stack>
  );
}
