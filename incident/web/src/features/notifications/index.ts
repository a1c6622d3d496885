export { NotificationsProvider, useInbox } from './api/NotificationsProvider';
export { NotificationsMenu } from './components/NotificationsMenu';
