import { ActionIcon, Anchor, Badge, Box, Button, Group, Menu, Popover, SimpleGrid, Stack, Text, Textarea, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowBackUp, IconDots, IconDownload, IconMoodSmile, IconPaperclip, IconPencil, IconPin, IconPinnedOff, IconTrash } from '@tabler/icons-react';
import { downloadWithToken, formatBytes, notify, useApi, useErrorMessage } from '@toolocr/platform-web';
import { memo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthImage } from '../../../shared/components/AuthImage';
import type { Attachment, Member, Message } from '../../../shared/api/types';
import { renderMarkdown } from '../lib/markdown';
import { splitMentions } from '../lib/mentions';

/** The reactions the server accepts (INCIDENT-SPEC 5: a fixed allow-list). */
export const EMOJIS = ['👍', '👎', '❤️', '🎉', '😄', '😮', '😢', '🙏', '✅', '❌', '👀', '🔥', '⚠️', '🚨'];

export interface MessageActions {
  reply(m: Message): void;
  edit(m: Message, content: string): Promise<unknown>;
  remove(m: Message): void;
  react(m: Message, emoji: string, on: boolean): void;
  pin(m: Message, on: boolean): void;
  openImage(a: Attachment): void;
}

interface Props {
  message: Message;
  replyTo: Message | null | undefined;
  members: Member[];
  myId: string;
  canAct: boolean;
  canModerate: boolean;
  isMember: boolean;
  actions: MessageActions;
  highlight?: boolean;
}

export function MessageContent({ content, members, myId }: { content: string; members: Member[]; myId: string }) {
  const text = (run: string, key: string): ReactNode => {
    const parts = splitMentions(run, members);
    if (parts.length === 1 && !parts[0].userId) return run;
    return (
      <span key={key}>
        {parts.map((p, i) =>
          p.userId ? (
            <mark key={i} className={p.userId === myId ? 'mention mention-me' : 'mention'}>
              {p.text}
            </mark>
          ) : (
            p.text
          ),
        )}
      </span>
    );
  };
  return <div className="markdown">{renderMarkdown(content, text)}</div>;
}

function Attachments({ list, onOpen }: { list: Attachment[]; onOpen: (a: Attachment) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorText = useErrorMessage();
  if (list.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" mt={4}>
      {list.map((a) =>
        a.has_preview ? (
          <UnstyledButton key={a.id} onClick={() => onOpen(a)} aria-label={t('room.openImage', { name: a.filename })} className="thumb" data-testid="thumbnail">
            <AuthImage path={`/api/v2/files/${a.id}/thumbnail`} alt={a.filename} width={160} height={120} style={{ objectFit: 'cover' }} />
          </UnstyledButton>
        ) : (
          <Anchor
            key={a.id}
            component="button"
            type="button"
            onClick={() =>
              downloadWithToken(api, `/api/v2/files/${a.id}`, a.filename).catch((e) => notify({ color: 'red', message: errorText(e) }))
            }
            className="file-link"
          >
            <Group gap={4} wrap="nowrap">
              <IconPaperclip size={16} aria-hidden />
              <span>{a.filename}</span>
              <Text span size="xs" c="dimmed">
                ({formatBytes(a.size, i18n.language)})
              </Text>
              <IconDownload size={14} aria-hidden />
            </Group>
          </Anchor>
        ),
      )}
    </Group>
  );
}

function ReactionPicker({ onPick, label }: { onPick: (emoji: string) => void; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Popover opened={open} onChange={setOpen} position="top" withArrow trapFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" size="sm" aria-label={label} onClick={() => setOpen((o) => !o)} className="msg-tool">
          <IconMoodSmile size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={4}>
        <SimpleGrid cols={7} spacing={2} role="group" aria-label={label}>
          {EMOJIS.map((e) => (
            <UnstyledButton
              key={e}
              className="emoji-button"
              onClick={() => {
                onPick(e);
                setOpen(false);
              }}
              aria-label={e}
            >
              {e}
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </Popover.Dropdown>
    </Popover>
  );
}

function time(iso: string, language: string) {
  return new Date(iso).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}

/** One message: author, time, reply quote, Markdown, files, reactions and its actions. */
export const MessageItem = memo(function MessageItem({ message: m, replyTo, members, myId, canAct, canModerate, isMember, actions, highlight }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);

  if (m.kind === 'system') {
    return (
      <Box className="system-message" data-testid="system-message" data-seq={m.seq}>
        <MessageContent content={m.content ?? ''} members={members} myId={myId} />
        <Text size="xs" c="dimmed" component="time" dateTime={m.created_at}>
          {time(m.created_at, i18n.language)}
        </Text>
      </Box>
    );
  }
  const mine = m.author?.id === myId;
  const name = m.author?.display_name || m.author?.email || t('room.someone');
  const save = async () => {
    if (!draft.trim()) return;
    setSaving(true);
    try {
      await actions.edit(m, draft);
      setEditing(false);
    } finally {
      setSaving(false);
    }
  };

  return (
    <article
      className={`message${mine ? ' message-mine' : ''}${highlight ? ' message-highlight' : ''}`}
      data-testid="message"
      data-seq={m.seq}
      id={`m-${m.id}`}
      aria-label={t('room.messageBy', { name })}
    >
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
          <Text fw={700} size="sm">
            {name}
          </Text>
          <Text size="xs" c="dimmed" component="time" dateTime={m.created_at}>
            {time(m.created_at, i18n.language)}
          </Text>
          {m.edited_at && !m.deleted && (
            <Text size="xs" c="dimmed" data-testid="edited">
              {t('room.edited')}
            </Text>
          )}
          {m.pinned && (
            <Badge size="xs" variant="light" leftSection={<IconPin size={10} aria-hidden />}>
              {t('room.pinned')}
            </Badge>
          )}
        </Group>
        {!m.deleted && isMember && (
          <Group gap={0} wrap="nowrap" className="msg-tools">
            <ReactionPicker label={t('room.react')} onPick={(e) => actions.react(m, e, !m.reactions.find((r) => r.emoji === e)?.mine)} />
            {canAct && (
              <Tooltip label={t('room.reply')}>
                <ActionIcon variant="subtle" size="sm" aria-label={t('room.reply')} onClick={() => actions.reply(m)} className="msg-tool">
                  <IconArrowBackUp size={16} />
                </ActionIcon>
              </Tooltip>
            )}
            {(mine || canModerate || canAct) && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" size="sm" aria-label={t('room.more')} className="msg-tool">
                    <IconDots size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {mine && (
                    <Menu.Item
                      leftSection={<IconPencil size={14} aria-hidden />}
                      onClick={() => {
                        setDraft(m.content ?? '');
                        setEditing(true);
                      }}
                    >
                      {t('room.edit')}
                    </Menu.Item>
                  )}
                  {canAct && (
                    <Menu.Item
                      leftSection={m.pinned ? <IconPinnedOff size={14} aria-hidden /> : <IconPin size={14} aria-hidden />}
                      onClick={() => actions.pin(m, !m.pinned)}
                    >
                      {m.pinned ? t('room.unpin') : t('room.pin')}
                    </Menu.Item>
                  )}
                  {(mine || canModerate) && (
                    <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => actions.remove(m)}>
                      {t('room.delete')}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        )}
      </Group>
      {m.reply_to && (
        <UnstyledButton
          className="reply-quote"
          onClick={() => document.getElementById(`m-${m.reply_to}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' })}
          data-testid="reply-quote"
        >
          <Text size="xs" c="dimmed" lineClamp={2}>
            {replyTo
              ? `${replyTo.author?.display_name ?? ''}: ${replyTo.deleted ? t('room.deleted') : (replyTo.content ?? '')}`
              : t('room.replyEarlier')}
          </Text>
        </UnstyledButton>
      )}
      {m.deleted ? (
        <Text size="sm" fs="italic" c="dimmed" data-testid="deleted">
          {t('room.deleted')}
        </Text>
      ) : editing ? (
        <Stack gap={4}>
          <Textarea
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            autosize
            minRows={1}
            maxLength={4000}
            aria-label={t('room.editLabel')}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                void save();
              } else if (e.key === 'Escape') setEditing(false);
            }}
            autoFocus
          />
          <Group gap="xs">
            <Button size="xs" onClick={() => void save()} loading={saving}>
              {t('room.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        m.content && <MessageContent content={m.content} members={members} myId={myId} />
      )}
      {!m.deleted && <Attachments list={m.attachments ?? []} onOpen={actions.openImage} />}
      {m.reactions.length > 0 && (
        <Group gap={4} mt={4} wrap="wrap">
          {m.reactions.map((r) => (
            <UnstyledButton
              key={r.emoji}
              className={`reaction${r.mine ? ' reaction-mine' : ''}`}
              onClick={() => isMember && !m.deleted && actions.react(m, r.emoji, !r.mine)}
              aria-pressed={r.mine}
              aria-label={t('room.reactionCount', { emoji: r.emoji, count: r.count })}
              data-testid="reaction"
            >
              {r.emoji} {r.count}
            </UnstyledButton>
          ))}
        </Group>
      )}
    </article>
  );
});
