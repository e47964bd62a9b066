import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TAuditAction, ZAuditAction } from '../../../../contracts/audit';
import type { TUser } from '../../../../contracts/users';

/** Filter values of the audit page as kept in the URL (`''` = no filter; dates `YYYY-MM-DD`). */
export interface TAuditFilterValues {
  action: TAuditAction | '';
  entityType: string;
  actorUserId: string;
  from: string;
  to: string;
}

/** Empty filter set. */
export const NO_AUDIT_FILTERS: TAuditFilterValues = {
  action: '',
  entityType: '',
  actorUserId: '',
  from: '',
  to: '',
};

/** Props of {@link AuditFilters}. */
export interface AuditFiltersProps {
  value: TAuditFilterValues;
  onChange: (value: TAuditFilterValues) => void;
  users: readonly TUser[];
}

/** Action, object type (debounced), user and date range filters; applied as they change. */
export function AuditFilters({ value, onChange, users }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [entityType, setEntityType] = useState(value.entityType);
  const applyEntityType = useDebouncedCallback(
    (next: string) => onChange({ ...value, entityType: next.trim() }),
    300,
  );
  const rangeError = value.from && value.to && value.to < value.from ? t('audit.filters.rangeError') : null;
  const set = (patch: Partial<TAuditFilterValues>) => onChange({ ...value, ...patch });

  return (
    <Group align="flex-start" wrap="wrap" role="search" aria-label={t('audit.filters.label')}>
      <NativeSelect
        label={t('audit.filters.action')}
        value={value.action}
        data={[
          { value: '', label: t('audit.filters.allActions') },
          ...ZAuditAction.options.map((action) => ({ value: action, label: t(`auditActions.${action}`) })),
        ]}
        onChange={(event) => set({ action: event.currentTarget.value as TAuditAction | '' })}
      />
      <TextInput
        label={t('audit.filters.entityType')}
        value={entityType}
        onChange={(event) => {
          setEntityType(event.currentTarget.value);
          applyEntityType(event.currentTarget.value);
        }}
        w={180}
      />
      <NativeSelect
        label={t('audit.filters.user')}
        value={value.actorUserId}
        data={[
          { value: '', label: t('audit.filters.allUsers') },
          ...users.map((user) => ({ value: user.id, label: `${user.displayName} (${user.email})` })),
        ]}
        onChange={(event) => set({ actorUserId: event.currentTarget.value })}
        maw={320}
      />
      <TextInput
        label={t('audit.filters.from')}
        type="date"
        value={value.from}
        onChange={(event) => set({ from: event.currentTarget.value })}
      />
      <TextInput
        label={t('audit.filters.to')}
        type="date"
        value={value.to}
        error={rangeError}
        onChange={(event) => set({ to: event.currentTarget.value })}
      />
      <Button
        variant="default"
        mt={24}
        onClick={() => {
          setEntityType('');
          onChange(NO_AUDIT_FILTERS);
        }}
      >
        {t('app.resetFilters')}
      </Button>
    </Group>
  );
}
