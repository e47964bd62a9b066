import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LAND_CODES } from '../office-tree';

/** Native select of the 16 Länder (value = AGS prefix, `''` = none). */
export function LandSelect(props: Omit<NativeSelectProps, 'data'>) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('offices.fields.land')}
      data={[
        { value: '', label: t('offices.noLand') },
        ...LAND_CODES.map((code) => ({ value: code, label: t(`lands.${code}`) })),
      ]}
      {...props}
    />
  );
}
