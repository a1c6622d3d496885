import { Alert, Box, Button, Drawer, Group, List, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconWifiOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, ConfirmDialog, NotFoundPage, notify, useApi, useAuth, useErrorMessage, usePageTitle } from '@toolocr/platform-web';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Attachment, Message, Room } from '../../../shared/api/types';
import { deleteMessage, editMessage, joinRoom, roomKeys, roomQueries, sendMessage, setPin, setReaction } from '../api/queries';
import { useLiveRoom, useTyping } from '../api/useLiveRoom';
import { useUploads } from '../api/useUploads';
import { showsBanner } from '../lib/connection';
import { typingKey } from '../lib/days';
import { unreadDividerId } from '../lib/unread';
import { attachmentIds, filesFromTransfer } from '../lib/uploadQueue';
import { Composer } from './Composer';
import { Conversation } from './Conversation';
import { ImageViewer } from './ImageViewer';
import { MembersPanel } from './MembersPanel';
import { MessageContent, type MessageActions } from './MessageItem';
import { canAct as mayAct, RoomHeader } from './RoomHeader';
import { SettingsPanel } from './SettingsPanel';

function newClientId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `c-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function Panels({ room, pinned, myId, isAdmin }: { room: Room; pinned: Message[]; myId: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const templates = useQuery({ ...roomQueries.templates(api), enabled: !!room.template_id });
  const checklist = templates.data?.find((tp) => tp.id === room.template_id)?.checklist ?? [];
  return (
    <Tabs defaultValue="members" keepMounted={false}>
      <Tabs.List grow>
        <Tabs.Tab value="members">{t('members.title')}</Tabs.Tab>
        <Tabs.Tab value="pinned">{t('room.pinnedTab', { count: pinned.length })}</Tabs.Tab>
        {checklist.length > 0 && <Tabs.Tab value="checklist">{t('room.checklist')}</Tabs.Tab>}
        {(room.my_role === 'owner' || isAdmin) && <Tabs.Tab value="settings">{t('settings.title')}</Tabs.Tab>}
      </Tabs.List>
      <Tabs.Panel value="members" pt="sm">
        <MembersPanel room={room} />
      </Tabs.Panel>
      <Tabs.Panel value="pinned" pt="sm">
        {pinned.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('room.noPins')}
          </Text>
        ) : (
          <Stack gap="xs" data-testid="pinned-list">
            {pinned.map((m) => (
              <Box key={m.id} className="pinned-item">
                <Text size="xs" fw={700}>
                  {m.author?.display_name}
                </Text>
                <MessageContent content={m.content ?? ''} members={[]} myId={myId} />
              </Box>
            ))}
          </Stack>
        )}
      </Tabs.Panel>
      <Tabs.Panel value="checklist" pt="sm">
        <List size="sm" spacing={4} type="ordered" data-testid="checklist">
          {checklist.map((c, i) => (
            <List.Item key={i}>{c}</List.Item>
          ))}
        </List>
      </Tabs.Panel>
      <Tabs.Panel value="settings" pt="sm">
        <SettingsPanel room={room} />
      </Tabs.Panel>
    </Tabs>
  );
}

function LiveRoom({ room }: { room: Room }) {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useAuth();
  const errorText = useErrorMessage();
  const queryClient = useQueryClient();
  const myId = user?.id ?? '';
  const live = useLiveRoom(room.id);
  const typing = useTyping(room.id);
  const members = useQuery(roomQueries.members(api, room.id));
  const [panels, { open: openPanels, close: closePanels }] = useDisclosure(false);
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const [deleting, setDeleting] = useState<Message | null>(null);
  const [dragging, setDragging] = useState(false);
  const isAdmin = !!user?.is_admin;
  const canAct = mayAct(room, isAdmin);
  const isMember = room.my_role !== null || isAdmin;
  const onRefused = useCallback(
    (name: string, reason: string) => notify({ color: 'orange', message: t(`upload.${reason as 'too-large'}`, { name }) }),
    [t],
  );
  const uploads = useUploads(room.id, onRefused);

  // The unread divider stays where it was when the room opened, however many messages come after.
  const [divider, setDivider] = useState<{ set: boolean; id: string | null }>({ set: false, id: null });
  if (!divider.set && live.timeline) {
    setDivider({ set: true, id: unreadDividerId(live.timeline.messages, room.unread_count, myId) });
  }

  const join = useMutation({
    mutationFn: () => joinRoom(api, room.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: roomKeys.room(room.id) });
      void queryClient.invalidateQueries({ queryKey: ['rooms'] });
    },
    onError: (e) => notify({ color: 'red', message: errorText(e) }),
  });

  const fail = (e: unknown) => notify({ color: 'red', message: errorText(e) });
  const actions: MessageActions = useMemo(
    () => ({
      reply: (m) => setReplyTo(m),
      edit: (m, content) =>
        editMessage(api, room.id, m.id, content).catch((e) => {
          fail(e);
          throw e;
        }),
      remove: (m) => setDeleting(m),
      react: (m, emoji, on) => void setReaction(api, room.id, m.id, emoji, on).catch(fail),
      pin: (m, on) => void setPin(api, room.id, m.id, on).catch(fail),
      openImage: (a) => setViewing(a),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, room.id],
  );

  /** Sends with one client_id, trying again after a network failure; the server keeps it once. */
  const send = async (text: string): Promise<boolean> => {
    const ids = attachmentIds(uploads.queue);
    // With files attached the text may be empty (the server allows it then).
    const content = text.trim();
    const body = { content, client_id: newClientId(), reply_to: replyTo?.id ?? null, attachment_ids: ids.length ? ids : undefined };
    for (let attempt = 0; ; attempt++) {
      try {
        const message = await sendMessage(api, room.id, body);
        live.feed.sent(message);
        setReplyTo(null);
        uploads.clear();
        return true;
      } catch (e) {
        const retryable = e instanceof ApiError && (e.status === 0 || e.status >= 500 || e.status === 429);
        if (!retryable || attempt >= 4) {
          fail(e);
          return false;
        }
        const wait = e instanceof ApiError && e.retryAfterSeconds ? e.retryAfterSeconds * 1000 : 1000 * 2 ** attempt;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  };

  const typingText = typingKey(typing.names);
  const pinned = (live.timeline?.messages ?? []).filter((m) => m.pinned && !m.deleted);

  return (
    <Box
      className={`room${dragging ? ' room-dragging' : ''}`}
      onDragOver={(e) => {
        if (!canAct || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        if (!canAct) return;
        e.preventDefault();
        setDragging(false);
        const files = filesFromTransfer(e.dataTransfer.items, e.dataTransfer.files);
        if (files.length) uploads.add(files);
      }}
      data-testid="room"
    >
      <div className="room-main">
        <RoomHeader room={room} onPanels={openPanels} />
        {showsBanner(live.link) && (
          <Alert color="orange" icon={<IconWifiOff size={18} />} py={6} role="status" data-testid="reconnecting">
            {t('room.reconnecting')}
          </Alert>
        )}
        {dragging && (
          <Text className="drop-hint" fw={700} ta="center">
            {t('room.dropHere')}
          </Text>
        )}
        {live.timeline ? (
          <Conversation
            messages={live.timeline.messages}
            hasOlder={live.timeline.hasOlder}
            loadingOlder={live.loadingOlder}
            onLoadOlder={() => void live.feed.loadOlder()}
            unreadFromId={divider.id}
            members={members.data ?? []}
            myId={myId}
            canAct={canAct}
            canModerate={isAdmin || room.my_role === 'owner'}
            isMember={isMember}
            actions={actions}
          />
        ) : live.loadError ? (
          <Alert color="red">{errorText(live.loadError)}</Alert>
        ) : (
          <Loader aria-label={t('common.loading')} m="md" />
        )}
        <Text size="xs" c="dimmed" className="typing" aria-live="polite" data-testid="typing">
          {typingText ? t(typingText.key, typingText.values) : '\u00a0'}
        </Text>
        {canAct ? (
          <Composer
            members={members.data ?? []}
            myId={myId}
            replyTo={replyTo}
            onCancelReply={() => setReplyTo(null)}
            onSend={send}
            onTyping={typing.announce}
            uploads={uploads}
            canUpload={canAct}
          />
        ) : room.my_role === null && room.visibility === 'open' ? (
          <Group justify="center" p="sm" className="join-bar">
            <Text size="sm">{t('room.notMember')}</Text>
            <Button onClick={() => join.mutate()} loading={join.isPending} data-testid="join">
              {t('room.join')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed" ta="center" p="sm">
            {t('room.viewerNotice')}
          </Text>
        )}
      </div>
      <aside className="room-side" aria-label={t('room.panels')}>
        <Panels room={room} pinned={pinned} myId={myId} isAdmin={isAdmin} />
      </aside>
      <Drawer opened={panels} onClose={closePanels} position="right" title={t('room.panels')} hiddenFrom="md" size="90%">
        <Panels room={room} pinned={pinned} myId={myId} isAdmin={isAdmin} />
      </Drawer>
      <ImageViewer file={viewing} onClose={() => setViewing(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('room.deleteTitle')}
        message={t('room.deleteMessage')}
        confirmLabel={t('room.delete')}
        danger
        onConfirm={() => {
          const m = deleting;
          setDeleting(null);
          if (m) void deleteMessage(api, room.id, m.id).catch(fail);
        }}
        onClose={() => setDeleting(null)}
      />
    </Box>
  );
}

/** One incident room; a room this person may not read is simply not found (the server says 404). */
export function RoomPage() {
  const { roomId = '' } = useParams();
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorMessage();
  const room = useQuery(roomQueries.room(api, roomId));
  usePageTitle(room.data ? room.data.title : t('rooms.title'));
  if (room.error instanceof ApiError && (room.error.status === 404 || room.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (room.error) return <Alert color="red">{errorText(room.error)}</Alert>;
  if (!room.data) return <Loader aria-label={t('common.loading')} />;
  return (
<LiveRoom key={room.data.id} room={room.data} />
  );
}
