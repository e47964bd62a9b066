import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../contracts/common';
import type { TOffice } from '../../../../contracts/offices';
import { UI_LANGUAGES } from '../../../lib/language';
import { buildOfficeTree, flattenOfficeTree } from '../../offices';

type TSelectProps = Omit<NativeSelectProps, 'data'> & {
  /** Label of an empty first option (e.g. "Alle Rollen"); omitted → no empty option. */
  emptyLabel?: string;
};

/** Native select of the five roles (translated). */
export function RoleSelect({ emptyLabel, ...props }: TSelectProps) {
  const { t } = useTranslation();
  const data = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  return (
    <NativeSelect
      label={t('users.fields.role')}
      data={emptyLabel === undefined ? data : [{ value: '', label: emptyLabel }, ...data]}
      {...props}
    />
  );
}

/** Native select of offices in tree order. */
export function OfficeSelect({
  emptyLabel,
  offices,
  ...props
}: TSelectProps & { offices: readonly TOffice[] }) {
  const { t } = useTranslation();
  const data = useMemo(
    () =>
      flattenOfficeTree(buildOfficeTree(offices)).map(({ office }) => ({
        value: office.id,
        label: office.name,
      })),
    [offices],
  );
  return (
    <NativeSelect
      label={t('users.fields.office')}
      data={emptyLabel === undefined ? data : [{ value: '', label: emptyLabel }, ...data]}
      {...props}
    />
  );
}

/** Native select of the staff UI languages. */
export function LocaleSelect(props: Omit<NativeSelectProps, 'data'>) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('users.fields.locale')}
      data={UI_LANGUAGES.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
      {...props}
    />
  );
}
