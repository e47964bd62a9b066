import { Stack, Text, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { limitText, showCounter } from '../public/profile-values';
import type { TPublicT } from '../public/public-texts';

/** Props of {@link LimitedTextarea}. */
export interface LimitedTextareaProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Longest value in characters (the contract's bound). */
  max: number;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  pt: TPublicT;
  testId?: string;
}

/**
 * A free-text field of the profile form that never cuts silently: near the limit (90 %) it shows
 * "1.850 von 2.000 Zeichen"; a paste beyond the limit keeps the first `max` characters and says so
 * (announced politely). No native `maxLength`, which would drop the rest without a word.
 */
export function LimitedTextarea({
  label,
  hint,
  max,
  value,
  onChange,
  error,
  pt,
  testId,
}: LimitedTextareaProps) {
  const [cut, setCut] = useState(false);
  const counter = showCounter(value.length, max) ? (
    <span data-testid={testId ? `${testId}-count` : undefined}>
      {pt('textCount', { count: value.length, max })}
    </span>
  ) : null;
  return (
    <Stack gap={4}>
      <Textarea
        label={label}
        description={
          hint && counter ? (
            <>
              {hint} · {counter}
            </>
          ) : (
            (hint ?? counter)
          )
        }
        size="lg"
        autosize
        minRows={3}
        value={value}
        onChange={(e) => {
          const next = limitText(e.currentTarget.value, max);
          setCut(next.cut);
          onChange(next.value);
        }}
        error={error}
        data-testid={testId}
      />
      <div role="status" aria-live="polite">
        {cut ? (
          <Text size="sm" c="orange.9" fw={600} data-testid={testId ? `${testId}-cut` : undefined}>
            {pt('textCut', { max })}
          </Text>
        ) : null}
      </div>
    </Stack>
  );
}
