import { Checkbox, Radio, Stack, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';

const CHOICE_CLASSES = {
  root: 'kausa-profile-choice-root',
  body: 'kausa-profile-choice-body',
  labelWrapper: 'kausa-profile-choice-wrap',
  label: 'kausa-profile-choice-label',
};

/** Props of {@link TickBox}. */
export interface TickBoxProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  'data-testid'?: string;
}

/** A tick box as a full-width row at least 44 px high (the whole row is the touch target). */
export function TickBox({ label, checked, onChange, ...rest }: TickBoxProps) {
  return (
    <Checkbox
      label={label}
      size="md"
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
      classNames={CHOICE_CLASSES}
      data-testid={rest['data-testid']}
    />
  );
}

/** Props of {@link ChoiceGroup}. */
export interface ChoiceGroupProps {
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
  onChange: (value: string) => void;
  error?: string;
  'data-testid'?: string;
}

/** One of several answers as radio rows at least 44 px high, in a labelled group. */
export function ChoiceGroup({ label, hint, value, options, onChange, error, ...rest }: ChoiceGroupProps) {
  const id = useId();
  return (
    <Radio.Group
      label={label}
      description={hint}
      value={value}
      onChange={onChange}
      error={error}
      size="md"
      name={id}
      data-testid={rest['data-testid']}
      styles={{ label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600 } }}
    >
      <Stack gap="xs" mt="xs">
        {options.map((option) => (
          <Radio
            key={option.value}
            value={option.value}
            label={option.label}
            size="md"
            classNames={CHOICE_CLASSES}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** A level's statements as a fieldset of tick boxes with the level as legend. */
export function TickFieldset({ legend, children }: { legend: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="kausa-profile-fieldset">
      <legend>
        <Text component="span" fw={700}>
          {legend}
        </Text>
      </legend>
      <Stack gap="xs">{children}</Stack>
    </fieldset>
  );
}
