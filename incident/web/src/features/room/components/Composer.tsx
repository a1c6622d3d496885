import { ActionIcon, Box, CloseButton, FileButton, Group, Paper, Progress, Stack, Text, Textarea, Tooltip, UnstyledButton } from '@mantine/core';
import { IconFile, IconPaperclip, IconRefresh, IconSend } from '@tabler/icons-react';
import { formatBytes } from '@toolocr/platform-web';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, Message } from '../../../shared/api/types';
import { insertMention, mentionAt, mentionCandidates } from '../lib/mentions';
import { filesFromTransfer, readyToSend, type UploadItem } from '../lib/uploadQueue';

interface Props {
  members: Member[];
  myId: string;
  replyTo: Message | null;
  onCancelReply: () => void;
  onSend: (content: string) => Promise<boolean>;
  onTyping: (on: boolean) => void;
  uploads: { queue: UploadItem[]; add: (f: File[]) => void; drop: (k: string) => void; retry: (k: string) => void };
  canUpload: boolean;
}

/** The message box: Markdown text, @-mentions with suggestions, a reply, and files with progress. */
export function Composer({ members, myId, replyTo, onCancelReply, onSend, onTyping, uploads, canUpload }: Props) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const mention = mentionAt(text, caret);
  const candidates = mention && mention.start !== dismissed ? mentionCandidates(members, mention.query, myId) : [];
  const ready = readyToSend(uploads.queue);
  const hasFiles = uploads.queue.some((i) => i.state === 'done');
  const canSend = ready && (text.trim().length > 0 || hasFiles);

  const pick = (m: Member) => {
    if (!mention) return;
    const next = insertMention(text, mention.start, caret, m);
    setDismissed(mention.start);
    setText(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  // The box empties at once, so the next message can be typed while this one is on its way; a
  // message that could not be sent comes back into an empty box.
  const send = async () => {
    if (!canSend) return;
    const content = text;
    setText('');
    setCaret(0);
    onTyping(false);
    setSending(true);
    const ok = await onSend(content);
    setSending(false);
    if (!ok) setText((now) => now || content);
  };

  return (
    <Stack gap={4} className="composer">
      {replyTo && (
        <Group gap="xs" wrap="nowrap" className="reply-bar" data-testid="reply-bar">
          <Text size="xs" c="dimmed" lineClamp={1} style={{ flex: 1 }}>
            {t('room.replyingTo', { name: replyTo.author?.display_name ?? '' })}: {replyTo.content}
          </Text>
          <CloseButton size="sm" onClick={onCancelReply} aria-label={t('room.cancelReply')} />
        </Group>
      )}
      {uploads.queue.length > 0 && (
        <Group gap="xs" wrap="wrap" data-testid="upload-queue">
          {uploads.queue.map((u) => (
            <Paper key={u.key} withBorder p={4} className="upload-item" data-state={u.state}>
              <Group gap={6} wrap="nowrap">
                {u.previewUrl ? <img src={u.previewUrl} alt="" width={40} height={40} style={{ objectFit: 'cover', borderRadius: 4 }} /> : <IconFile size={24} aria-hidden />}
                <Stack gap={2} style={{ minWidth: 0, width: 130 }}>
                  <Text size="xs" truncate>
                    {u.file.name}
                  </Text>
                  {u.state === 'failed' ? (
                    <Text size="xs" c="red" lineClamp={2}>
                      {u.error}
                    </Text>
                  ) : (
                    <>
                      <Progress value={Math.round((u.state === 'done' ? 1 : u.progress) * 100)} size="sm" aria-label={t('room.uploadProgress', { name: u.file.name })} />
                      <Text size="xs" c="dimmed">
                        {formatBytes(u.file.size, i18n.language)}
                      </Text>
                    </>
                  )}
                </Stack>
                {u.state === 'failed' && (
                  <ActionIcon size="sm" variant="subtle" onClick={() => uploads.retry(u.key)} aria-label={t('room.retryUpload', { name: u.file.name })}>
                    <IconRefresh size={14} />
                  </ActionIcon>
                )}
                <CloseButton size="sm" onClick={() => uploads.drop(u.key)} aria-label={t('room.removeFile', { name: u.file.name })} />
              </Group>
            </Paper>
          ))}
        </Group>
      )}
      <Box pos="relative">
        {candidates.length > 0 && (
          <Paper withBorder shadow="md" className="mention-list" role="listbox" id="mention-list" aria-label={t('room.mentionList')}>
            {candidates.map((m, i) => (
              <UnstyledButton
                key={m.user_id}
                role="option"
                id={`mention-${i}`}
                aria-selected={i === active % candidates.length}
                className="mention-option"
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(m);
                }}
              >
                <Text size="sm" fw={600} span>
                  {m.display_name}
                </Text>{' '}
                <Text size="xs" c="dimmed" span>
                  {m.email}
                </Text>
              </UnstyledButton>
            ))}
          </Paper>
        )}
        <Group gap="xs" wrap="nowrap" align="flex-end">
          {canUpload && (
            <FileButton onChange={(files) => uploads.add(files)} multiple>
              {(props) => (
                <Tooltip label={t('room.attach')}>
                  <ActionIcon {...props} variant="default" size="lg" aria-label={t('room.attach')} mb={4}>
                    <IconPaperclip size={18} />
                  </ActionIcon>
                </Tooltip>
              )}
            </FileButton>
          )}
          <Textarea
            ref={area}
            value={text}
            style={{ flex: 1 }}
            autosize
            minRows={1}
            maxRows={8}
            maxLength={4000}
            placeholder={t('room.composerPlaceholder')}
            aria-label={t('room.composerLabel')}
            aria-autocomplete="list"
            aria-controls={candidates.length > 0 ? 'mention-list' : undefined}
            aria-activedescendant={candidates.length > 0 ? `mention-${active % candidates.length}` : undefined}
            data-testid="composer"
            onChange={(e) => {
              setText(e.currentTarget.value);
              setCaret(e.currentTarget.selectionStart ?? e.currentTarget.value.length);
              setActive(0);
              onTyping(e.currentTarget.value.trim().length > 0);
            }}
            onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
            onBlur={() => onTyping(false)}
            onPaste={(e) => {
              if (!canUpload) return;
              const files = filesFromTransfer(e.clipboardData.items, e.clipboardData.files);
              if (files.length > 0) {
                e.preventDefault();
                uploads.add(files);
              }
            }}
            onKeyDown={(e) => {
              if (candidates.length > 0) {
                if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  e.preventDefault();
                  setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : candidates.length - 1)) % candidates.length);
                  return;
                }
                if (e.key === 'Enter' || e.key === 'Tab') {
                  e.preventDefault();
                  pick(candidates[active % candidates.length]);
                  return;
                }
                if (e.key === 'Escape') {
                  e.preventDefault();
                  setDismissed(mention!.start);
                  return;
                }
              }
              if (e.key === 'Escape' && replyTo) onCancelReply();
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void send();
              }
            }}
          />
          <ActionIcon size="lg" onClick={() => void send()} disabled={!canSend} data-sending={sending || undefined} aria-label={t('room.send')} mb={4} data-testid="send">
            <IconSend size={18} />
          </ActionIcon>
        </Group>
      </Box>
      <Text size="xs" c="dimmed" visibleFrom="sm">
        {t('room.composerHint')}
      </Text>
    </Stack>
  );
}
