import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMatchReasonCode } from '../../../../contracts/matching';

/**
 * The unknown inputs that affect every suggestion ("Noch nicht erfasst: Postleitzahl, Deutschniveau"): the
 * counsellor sees what to record for better suggestions. Nothing when there are none.
 */
export function SuggestionNotes({
  notes,
  side,
}: {
  notes: readonly TMatchReasonCode[];
  side: 'client' | 'place';
}) {
  const { t } = useTranslation();
  if (notes.length === 0) return null;
  return (
    <Alert color="gray" variant="light" data-testid="suggestion-notes">
      <Text size="sm" fw={600}>
        {t(`matching.notes.title.${side}`)}
      </Text>
      <ul className="kausa-compact-list">
        {notes.map((note) => (
          <li key={note}>
            <Text size="sm">{t(`matching.notes.${note}`)}</Text>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
