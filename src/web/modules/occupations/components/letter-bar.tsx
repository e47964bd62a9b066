import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LETTERS } from '../occupation-filters';

/** Props of {@link LetterBar}. */
export interface LetterBarProps {
  /** Chosen letter, or null. */
  letter: string | null;
  /** True when the list shows all occupations ("Alle" pressed); false while a search or area filters it. */
  showsAll: boolean;
  /** Called with the letter chosen (null = all occupations). */
  onSelect: (letter: string | null) => void;
}

/** "Alle" and A–Z buttons (`aria-pressed` marks the choice; pressing a chosen letter again shows all). */
export function LetterBar({ letter, showsAll, onSelect }: LetterBarProps) {
  const { t } = useTranslation();
  return (
    <Group gap={4} role="group" aria-label={t('occupations.letters')} wrap="wrap">
      <Button
        size="compact-md"
        variant={showsAll ? 'filled' : 'default'}
        aria-pressed={showsAll}
        onClick={() => onSelect(null)}
      >
        {t('occupations.allLetters')}
      </Button>
      {LETTERS.map((l) => (
        <Button
          key={l}
          size="compact-md"
          miw={36}
          variant={l === letter ? 'filled' : 'default'}
          aria-pressed={l === letter}
          onClick={() => onSelect(l === letter ? null : l)}
        >
          {l}
        </Button>
      ))}
    </Group>
  );
}
