import { Checkbox, SimpleGrid, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type TPlaceKind, ZPlaceKind } from '../../../../contracts/companies.enums';
import { sortPlaceKinds, type TClientFormValues } from '../client-form';
import { DateField, useOptionalLabel } from './fields';

/**
 * What matching needs besides the wished occupations: the window in which the client can start ("Verfügbar
 * ab / bis", `availableFrom`/`availableUntil`, the end not before the start — checked in the form and by
 * the server, which answers `until_before_from` at `availableUntil`) and the wanted kinds of place
 * ("Gewünschte Platzarten", a group of tick boxes; none ticked = no preference).
 */
export function PlaceWishFields({ form }: { form: UseFormReturnType<TClientFormValues> }) {
  const { t } = useTranslation();
  const optional = useOptionalLabel();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={optional(t('clients.fields.availableFrom'))}
          description={t('clients.fields.availableFromHint')}
          {...form.getInputProps('availableFrom')}
        />
        <DateField
          label={optional(t('clients.fields.availableUntil'))}
          description={t('clients.fields.availableUntilHint')}
          min={form.values.availableFrom || undefined}
          {...form.getInputProps('availableUntil')}
        />
      </SimpleGrid>
      <Checkbox.Group
        label={optional(t('clients.fields.wantedPlaceKinds'))}
        description={t('clients.fields.wantedPlaceKindsHint')}
        value={form.values.wantedPlaceKinds}
        onChange={(kinds) => form.setFieldValue('wantedPlaceKinds', sortPlaceKinds(kinds as TPlaceKind[]))}
        error={form.errors.wantedPlaceKinds}
        data-testid="wanted-place-kinds"
      >
        <SimpleGrid cols={{ base: 1, xs: 2 }} mt={6} spacing="xs">
          {ZPlaceKind.options.map((kind) => (
            <Checkbox key={kind} value={kind} label={t(`places.kind.${kind}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </Stack>
  );
}
