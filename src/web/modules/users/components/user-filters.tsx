import { Button, Group, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TRole } from '../../../../contracts/common';
import type { TOffice } from '../../../../contracts/offices';
import { OfficeSelect, RoleSelect } from './user-fields';

/** Filter values of the user list (empty string = no filter). */
export interface TUserFilterValues {
  q: string;
  role: TRole | '';
  officeId: string;
}

/** Props of {@link UserFilters}. */
export interface UserFiltersProps {
  value: TUserFilterValues;
  onChange: (value: TUserFilterValues) => void;
  offices: readonly TOffice[];
}

/** Search (name or e-mail, debounced), role and office filters of the user list. */
export function UserFilters({ value, onChange, offices }: UserFiltersProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q);
  const applyQ = useDebouncedCallback((next: string) => onChange({ ...value, q: next }), 300);
  return (
    <Group align="flex-end" wrap="wrap" role="search" aria-label={t('users.filters.label')}>
      <TextInput
        label={t('users.filters.search')}
        type="search"
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          applyQ(event.currentTarget.value);
        }}
        w={260}
      />
      <RoleSelect
        emptyLabel={t('users.filters.allRoles')}
        value={value.role}
        onChange={(event) => onChange({ ...value, role: event.currentTarget.value as TRole | '' })}
      />
      <OfficeSelect
        offices={offices}
        emptyLabel={t('users.filters.allOffices')}
        value={value.officeId}
        onChange={(event) => onChange({ ...value, officeId: event.currentTarget.value })}
      />
      <Button
        variant="default"
        onClick={() => {
          setQ('');
          onChange({ q: '', role: '', officeId: '' });
        }}
      >
        {t('app.resetFilters')}
      </Button>
    </Group>
  );
}
