import { NativeSelect, type NativeSelectProps, TextInput, type TextInputProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CEFR_LEVELS } from '../client-labels';
import { COUNTRY_CODES, codeOptions, LANGUAGE_CODES } from '../codes';

type TSelectProps = Omit<NativeSelectProps, 'data'>;

/** "Label (optional)": optional fields say so in their label (GOV.UK pattern of the theme). */
export function useOptionalLabel() {
  const { t } = useTranslation();
  return (label: string) => t('clients.optionalLabel', { label });
}

/**
 * Native select of enum values translated by `${prefix}.${value}`, with an empty first option
 * (`emptyLabel`, default "– nicht angegeben –") unless `withEmpty` is false.
 */
export function EnumSelect({
  values,
  prefix,
  emptyLabel,
  withEmpty = true,
  ...props
}: TSelectProps & {
  values: readonly string[];
  prefix: string;
  emptyLabel?: string;
  withEmpty?: boolean;
}) {
  const { t } = useTranslation();
  const data = values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return (
    <NativeSelect
      data={withEmpty ? [{ value: '', label: emptyLabel ?? t('clients.notStated') }, ...data] : data}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}

/** Yes / no / not stated. */
export function TriStateSelect(props: TSelectProps) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      data={[
        { value: '', label: t('clients.notStated') },
        { value: 'yes', label: t('clients.yes') },
        { value: 'no', label: t('clients.no') },
      ]}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}

/** CEFR level A1 … C2 (with "not stated"). */
export function CefrSelect({ emptyLabel, ...props }: TSelectProps & { emptyLabel?: string }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      data={[
        { value: '', label: emptyLabel ?? t('clients.notStated') },
        ...CEFR_LEVELS.map((level) => ({ value: level, label: level })),
      ]}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}

/** Countries by name in the UI language (value: ISO 3166 alpha-2). */
export function CountrySelect(props: TSelectProps) {
  const { t, i18n } = useTranslation();
  const data = useMemo(() => codeOptions(COUNTRY_CODES, 'region', i18n.language), [i18n.language]);
  return (
    <NativeSelect
      data={[{ value: '', label: t('clients.notStated') }, ...data]}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}

/** Languages by name in the UI language (value: ISO 639 code). */
export function LanguageSelect({ emptyLabel, ...props }: TSelectProps & { emptyLabel?: string }) {
  const { t, i18n } = useTranslation();
  const data = useMemo(() => codeOptions(LANGUAGE_CODES, 'language', i18n.language), [i18n.language]);
  return (
    <NativeSelect
      data={[{ value: '', label: emptyLabel ?? t('clients.chooseLanguage') }, ...data]}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}

/** A native date input (`YYYY-MM-DD`), marked invalid while it shows an error. */
export function DateField(props: TextInputProps) {
  return <TextInput type="date" aria-invalid={props.error ? true : undefined} {...props} />;
}
