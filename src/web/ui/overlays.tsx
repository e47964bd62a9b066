import { Drawer, type DrawerProps, Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// The dialog's own <header> would count as a second "banner" landmark next to the page header.
const HEADER_ATTRIBUTES = { header: { role: 'none' } };
// No fade/slide: a half-transparent dialog fails contrast checks that run right after it opens.
const TRANSITION = { duration: 0 };

/** Mantine `Modal` with a labelled close button ("Schließen"), no extra banner landmark, no fade. */
export function AppModal(props: ModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('app.close') }}
      attributes={HEADER_ATTRIBUTES}
      transitionProps={TRANSITION}
      {...props}
    />
  );
}

/** Mantine `Drawer` (at the inline end) with a labelled close button, no extra banner landmark, no slide. */
export function AppDrawer(props: DrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      position="right"
      size="md"
      closeButtonProps={{ 'aria-label': t('app.close') }}
      attributes={HEADER_ATTRIBUTES}
      transitionProps={TRANSITION}
      {...props}
    />
  );
}
