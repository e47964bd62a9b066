import { Badge, NativeSelect, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TImportJob } from '../../../../contracts/imports';
import { sampleValues, type TMappingState } from '../mapping';

/** Props of {@link MappingTable}. */
export interface MappingTableProps {
  job: TImportJob;
  value: TMappingState;
  onChange: (field: string, header: string) => void;
  /** Field → error text (required field unmapped, or the server's mapping problem). */
  errors: Record<string, string>;
  disabled?: boolean;
}

/**
 * The column mapping: one row per target field (required ones marked "Pflichtfeld") with a select of
 * the file's headers — preselected from the server's suggestion — and sample values of the chosen column.
 */
export function MappingTable({ job, value, onChange, errors, disabled }: MappingTableProps) {
  const { t } = useTranslation();
  const options = [
    { value: '', label: t('importsUi.mapping.none') },
    ...job.headers.map((header) => ({ value: header, label: header })),
  ];
  return (
    <Table captionSide="top" verticalSpacing="xs" striped data-testid="mapping-table">
      <Table.Caption>
        <VisuallyHidden>{t('importsUi.mapping.caption')}</VisuallyHidden>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('importsUi.mapping.field')}</Table.Th>
          <Table.Th scope="col">{t('importsUi.mapping.column')}</Table.Th>
          <Table.Th scope="col">{t('importsUi.mapping.samples')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {job.fields.map(({ field, required }) => {
          const id = `mapping-${field}`;
          const label = t(`importsUi.fields.${job.target}.${field}`, { defaultValue: field });
          const samples = value[field] ? sampleValues(job, value[field]) : [];
          return (
            <Table.Tr key={field} data-testid="mapping-row" data-field={field}>
              <Table.Th scope="row" fw={500}>
                <label htmlFor={id}>{label}</label>{' '}
                {required ? (
                  <Badge variant="light" color="red" tt="none" size="sm" ml={4}>
                    {t('importsUi.mapping.required')}
                  </Badge>
                ) : null}
              </Table.Th>
              <Table.Td>
                <NativeSelect
                  id={id}
                  data={options}
                  value={value[field] ?? ''}
                  onChange={(event) => onChange(field, event.currentTarget.value)}
                  error={errors[field]}
                  aria-invalid={errors[field] ? true : undefined}
                  required={required}
                  disabled={disabled}
                  miw={200}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {samples.join(' · ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
