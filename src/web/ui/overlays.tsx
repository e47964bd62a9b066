import { Drawer, type DrawerProps, Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine `Modal` whose close button has an accessible name ("Schließen"). */
export function AppModal(props: ModalProps) {
  const { t } = useTranslation();
  return <Modal closeButtonProps={{ 'aria-label': t('app.close') }} {...props} />;
}

/** Mantine `Drawer` (opening at the inline end) whose close button has an accessible name. */
export function AppDrawer(props: DrawerProps) {
  const { t } = useTranslation();
  return <Drawer position="right" size="md" closeButtonProps={{ 'aria-label': t('app.close') }} {...props} />;
}
