import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api';
import { errorMessage } from '../../../ui/error-message';
import { usePostcodeInfo } from '../api';

/**
 * Postcode input that shows the place, Kreis and Land of a complete postcode under the field
 * ("→ Düsseldorf, Düsseldorf, Nordrhein-Westfalen") and says so at once when the postcode does not exist.
 */
export function PostcodeField(props: TextInputProps & { value: string }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(props.value, 250);
  const info = usePostcodeInfo(debounced);
  const places = info.data?.places.filter((p) => !p.organisation).map((p) => p.name) ?? [];
  const found = info.data
    ? t('clients.fields.postcodeFound', {
        place: [...new Set(places)].join(' / ') || info.data.kreisName,
        kreis: info.data.kreisName,
        land: info.data.landName,
      })
    : null;
  const lookupError =
    info.isError && (isApiError(info.error, 404) || isApiError(info.error, 400))
      ? errorMessage(info.error, t)
      : null;
  const error = props.error ?? lookupError;
  return (
    <TextInput
      label={t('clients.fields.postcode')}
      inputMode="numeric"
      autoComplete="postal-code"
      maxLength={5}
      {...props}
      description={found ?? t('clients.fields.postcodeHint')}
      error={error}
      aria-invalid={error ? true : undefined}
      data-testid="postcode"
    />
  );
}
