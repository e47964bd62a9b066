import { Box, Container, DirectionProvider, Group, NativeSelect, Text } from '@mantine/core';
import { useEffect } from 'react';
import type { TClientLanguage } from '../../../../contracts/self-service';
import { useDocumentLanguage } from '../public/document-language';
import { LANGUAGE_ENDONYMS } from '../public/languages';
import './profile.css';

/** Props of {@link ProfileFrame}. */
export interface ProfileFrameProps {
  /** The language the page is shown in (sets `<html lang dir>`). */
  lang: TClientLanguage;
  /** Label of the language picker, in `lang` (or marked German when it fell back). */
  languageLabel: React.ReactNode;
  /** Called when the client picks another language. */
  onLanguage: (lang: TClientLanguage) => void;
  /** The office that sent the link (shown under the product name), if known. */
  officeName?: string;
  /** Browser tab title. */
  title: string;
  children: React.ReactNode;
}

/**
 * Frame of the client-facing profile pages: a header with the product name, the office and the
 * language picker (every language named in itself), then `<main>`. Sets `<html lang dir>` for the
 * shown language; Mantine's DirectionProvider follows that attribute, and the layout uses logical
 * properties only, so Arabic and Farsi read right to left without per-component branches.
 */
export function ProfileFrame({
  lang,
  languageLabel,
  onLanguage,
  officeName,
  title,
  children,
}: ProfileFrameProps) {
  useDocumentLanguage(lang);
  useEffect(() => {
    document.title = `${title} – KAUSA`;
  }, [title]);
  return (
    <DirectionProvider>
      <Box component="header" className="kausa-profile-header">
        <Group justify="space-between" wrap="wrap" gap="xs" maw={720} mx="auto">
          <div>
            <Text className="kausa-profile-brand" lang="de">
              KAUSA
            </Text>
            {officeName ? (
              <Text size="sm" c="dimmed" lang="de">
                {officeName}
              </Text>
            ) : null}
          </div>
          <NativeSelect
            label={languageLabel}
            size="md"
            value={lang}
            onChange={(event) => onLanguage(event.currentTarget.value as TClientLanguage)}
            data-testid="profile-language"
            styles={{ input: { minBlockSize: '2.75rem' } }}
          >
            {LANGUAGE_ENDONYMS.map(({ code, name }) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </NativeSelect>
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={720} px="md" py="lg">
        {children}
      </Container>
    </DirectionProvider>
  );
}
