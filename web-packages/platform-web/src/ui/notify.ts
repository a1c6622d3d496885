import { notifications, type NotificationData } from '@mantine/notifications';
import i18n from 'i18next';

/** Shows a notification whose close button has a translated accessible name. */
export function notify(data: NotificationData) {
  return notifications.show({ ...data, closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}
