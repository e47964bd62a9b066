import { Button, FileInput, Group, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDelimiterName, TImportJob, TImportTarget } from '../../../../contracts/imports';
import { FormAlert } from '../../../ui/form-errors';
import { PageSection } from '../../../ui/section';
import { isBaFile, uploadBaFile, uploadImportFile } from '../api';
import { uploadProblem } from '../upload-problem';

const DELIMITERS: readonly TDelimiterName[] = ['semicolon', 'comma', 'tab', 'pipe'];

/** Props of {@link UploadStep}. */
export interface UploadStepProps {
  /** Called with the job the server created from the file. */
  onUploaded: (job: TImportJob) => void;
}

/**
 * Step 1 of the import wizard: what to import (companies or training places), the file (CSV, Excel
 * .xlsx, or — for places — a saved BA job-search response .json) and, when detection goes wrong, the
 * CSV delimiter. Uploading reads the file on the server and answers its columns.
 */
export function UploadStep({ onUploaded }: UploadStepProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<TImportTarget>('places');
  const [file, setFile] = useState<File | null>(null);
  const [delimiter, setDelimiter] = useState<TDelimiterName | ''>('');
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ba = file !== null && isBaFile(file);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setFileError(null);
    if (!file) {
      setFileError(t('importsUi.upload.fileMissing'));
      return;
    }
    if (ba && target !== 'places') {
      setFileError(t('importsUi.upload.baOnlyPlaces'));
      return;
    }
    setBusy(true);
    try {
      const job = ba
        ? await uploadBaFile(file)
        : await uploadImportFile({ target, file, delimiter: delimiter || undefined });
      onUploaded(job);
    } catch (error) {
      const message = uploadProblem(error, t);
      if (message.atFile) setFileError(message.text);
      else setProblem(message.text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageSection title={t('importsUi.upload.title')} data-testid="upload-step">
      <form noValidate onSubmit={(event) => void submit(event)} aria-label={t('importsUi.upload.title')}>
        <Stack>
          <Text size="sm">{t('importsUi.upload.intro')}</Text>
          <Radio.Group
            label={t('importsUi.upload.target')}
            value={target}
            onChange={(value) => setTarget(value as TImportTarget)}
            required
          >
            <Group gap="lg" mt={6}>
              <Radio value="companies" label={t('importsUi.target.companies')} />
              <Radio value="places" label={t('importsUi.target.places')} />
            </Group>
          </Radio.Group>
          <FileInput
            label={t('importsUi.upload.file')}
            description={
              target === 'places'
                ? t('importsUi.upload.fileHintPlaces')
                : t('importsUi.upload.fileHintCompanies')
            }
            placeholder={t('importsUi.upload.choose')}
            accept={
              target === 'places'
                ? '.csv,.txt,.xlsx,.json,text/csv,application/json'
                : '.csv,.txt,.xlsx,text/csv'
            }
            value={file}
            onChange={(next) => {
              setFile(next);
              setFileError(null);
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('importsUi.upload.clear') }}
            error={fileError}
            aria-invalid={fileError ? true : undefined}
            required
            maw={520}
          />
          {ba ? null : (
            <NativeSelect
              label={t('importsUi.upload.delimiter')}
              description={t('importsUi.upload.delimiterHint')}
              value={delimiter}
              onChange={(event) => setDelimiter(event.currentTarget.value as TDelimiterName | '')}
              data={[
                { value: '', label: t('importsUi.upload.delimiterAuto') },
                ...DELIMITERS.map((d) => ({ value: d, label: t(`importsUi.delimiter.${d}`) })),
              ]}
              maw={320}
            />
          )}
          <FormAlert message={problem} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('importsUi.upload.submit')}
            </Button>
            {busy ? (
              <Text size="sm" role="status">
                {t('importsUi.upload.reading')}
              </Text>
            ) : null}
          </Group>
        </Stack>
      </form>
    </PageSection>
  );
}
