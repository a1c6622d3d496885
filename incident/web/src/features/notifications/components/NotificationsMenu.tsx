import { ActionIcon, Indicator, Popover, Stack, Text, UnstyledButton, Button, Group } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { formatRelative } from '@toolocr/platform-web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInbox } from '../api/NotificationsProvider';
import type { InboxItem } from '../lib/inbox';

/** The room as the server has it now; a live frame carries only an escalation's title. */
function roomLabel(i: InboxItem): string | null {
  const title = i.room?.title ?? i.notification.title;
  const line = i.room?.line ?? i.notification.line;
  if (!title) return null;
  return line ? `${line} · ${title}` : title;
}

/** The bell in the header: how many are new, and the list of them. */
export function NotificationsMenu() {
  const { t, i18n } = useTranslation();
  const inbox = useInbox();
  const [open, setOpen] = useState(false);
  return (
    <Popover opened={open} onChange={setOpen} position="bottom-end" width={320} withinPortal trapFocus>
      <Popover.Target>
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => setOpen((o) => !o)}
          aria-label={t('notifications.button', { count: inbox.unread })}
          data-testid="notifications"
        >
          <Indicator label={inbox.unread > 99 ? '99+' : inbox.unread} size={16} disabled={inbox.unread === 0} color="red" offset={-2}>
            <IconBell size={20} stroke={1.6} />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Group justify="space-between" mb="xs">
          <Text fw={700}>{t('notifications.title')}</Text>
          {inbox.unread > 0 && (
            <Button variant="subtle" size="compact-xs" onClick={inbox.readAll}>
              {t('notifications.readAll')}
            </Button>
          )}
        </Group>
        {inbox.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notifications.empty')}
          </Text>
        ) : (
          <Stack gap={4} component="ul" className="plain-list" mah={360} style={{ overflowY: 'auto' }}>
            {inbox.items.map((i) => (
              <li key={i.id}>
                <UnstyledButton
                  component={Link}
                  to={`/rooms/${i.notification.room_id}`}
                  onClick={() => setOpen(false)}
                  className={`notification${i.read ? '' : ' notification-new'}`}
                  data-testid="notification"
                >
                  <Text size="sm" fw={i.read ? 400 : 700}>
                    {!i.read && <span className="visually-hidden">{t('notifications.new')} </span>}
                    {t(`notifications.kinds.${i.notification.type === 'room.added' ? 'added' : i.notification.type === 'mention' ? 'mention' : 'escalation'}`)}
                  </Text>
                  {roomLabel(i) && (
                    <Text size="sm" lineClamp={2} data-testid="notification-room">
                      {roomLabel(i)}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {formatRelative(i.at, i18n.language)}
                  </Text>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
