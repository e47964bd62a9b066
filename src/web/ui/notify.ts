import { notifications } from '@mantine/notifications';
import i18next from 'i18next';

/** Shows a short success message (auto-closes; the close button is labelled). */
export function notifySuccess(message: string): void {
  notifications.show({
    message,
    color: 'blue',
    autoClose: 4000,
    closeButtonProps: { 'aria-label': i18next.t('app.close') },
  });
}
