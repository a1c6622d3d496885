import { Box, Button, Divider, Loader, Text } from '@mantine/core';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, Message } from '../../../shared/api/types';
import { dayLabel, rowsOf } from '../lib/days';
import { MessageItem, type MessageActions } from './MessageItem';

interface Props {
  messages: Message[];
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  unreadFromId: string | null;
  members: Member[];
  myId: string;
  canAct: boolean;
  canModerate: boolean;
  isMember: boolean;
  actions: MessageActions;
}

const NEAR_BOTTOM_PX = 120;

/**
 * The messages, oldest at the top. It follows new messages while the reader is at the bottom, keeps
 * their place when older ones load above, and asks for older ones when scrolled to the top.
 */
export function Conversation(p: Props) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const firstId = useRef<string | null>(null);
  const heightBefore = useRef(0);
  const rows = useMemo(() => rowsOf(p.messages, p.unreadFromId), [p.messages, p.unreadFromId]);
  const byId = useMemo(() => new Map(p.messages.map((m) => [m.id, m])), [p.messages]);
  const today = new Date();

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const first = p.messages[0]?.id ?? null;
    if (firstId.current && first !== firstId.current && heightBefore.current) {
      // Older messages came in above: keep what the reader was looking at where it was.
      el.scrollTop += el.scrollHeight - heightBefore.current;
    } else if (atBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
    firstId.current = first;
    heightBefore.current = el.scrollHeight;
  }, [p.messages]);

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    heightBefore.current = el.scrollHeight;
    if (el.scrollTop < 80 && p.hasOlder && !p.loadingOlder) p.onLoadOlder();
  };

  return (
    <Box
      ref={box}
      onScroll={onScroll}
      className="conversation"
      role="log"
      aria-label={t('room.conversation')}
      aria-live="polite"
      aria-relevant="additions"
      tabIndex={0}
      data-testid="conversation"
    >
      {p.hasOlder && (
        <Box ta="center" py="xs">
          {p.loadingOlder ? (
            <Loader size="sm" aria-label={t('common.loading')} />
          ) : (
            <Button variant="subtle" size="xs" onClick={p.onLoadOlder}>
              {t('room.loadOlder')}
            </Button>
          )}
        </Box>
      )}
      {rows.map((row) =>
        row.kind === 'day' ? (
          <Divider
            key={row.key}
            my="xs"
            labelPosition="center"
            label={<Text size="xs" fw={600}>{dayLabel(row.day, i18n.language, today, { today: t('room.today'), yesterday: t('room.yesterday') })}</Text>}
            role="separator"
          />
        ) : row.kind === 'unread' ? (
          <Divider
            key={row.key}
            my="xs"
            color="red"
            labelPosition="center"
            label={<Text size="xs" fw={700} c="red">{t('room.newMessages')}</Text>}
            data-testid="unread-divider"
            role="separator"
          />
        ) : (
          <MessageItem
            key={row.key}
            message={row.message}
            replyTo={row.message.reply_to ? byId.get(row.message.reply_to) : undefined}
            members={p.members}
            myId={p.myId}
            canAct={p.canAct}
            canModerate={p.canModerate}
            isMember={p.isMember}
            actions={p.actions}
          />
        ),
      )}
    </Box>
  );
}
