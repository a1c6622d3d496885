import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi, useAuth, type ApiClient } from '@toolocr/platform-web';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { InboxPage, Notification } from '../../../shared/api/types';
import { useSocket } from '../../../shared/realtime/RealtimeProvider';
import { addLive, INBOX_LIMIT, mergeInbox, readLive, unreadIds, withRead, type InboxItem, type InboxSnapshot, type LiveNotice } from '../lib/inbox';

interface Inbox {
  items: InboxItem[];
  unread: number;
  readAll(): void;
}

const InboxContext = createContext<Inbox>({ items: [], unread: 0, readAll: () => {} });

function markRead(api: ApiClient, ids: string[] | 'all'): Promise<unknown> {
  return api.request('/api/v2/notifications/read', { method: 'POST', json: ids === 'all' ? {} : { ids } });
}

/**
 * The inbox: the server's list (loaded on start, again after every frame and every reconnect, so
 * what came while the socket was down shows up too) with the live frames of the user queue merged
 * in (lib/inbox.ts). Each frame also refreshes the room lists; opening a room reads its notices.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const socket = useSocket();
  const queryClient = useQueryClient();
  const location = useLocation();
  // Per person: a list cached for whoever used this tab before never shows for the next one.
  const userId = useAuth().user?.id ?? '';
  const inboxKey = useMemo(() => ['notifications', userId], [userId]);
  const ticks = useRef(0);
  const [live, setLive] = useState<LiveNotice[]>([]);
  const attempted = useRef(new Set<string>());

  const server = useQuery({
    queryKey: inboxKey,
    queryFn: async ({ signal }): Promise<InboxSnapshot> => {
      const tick = ticks.current;
      const page = await api.request<InboxPage>(`/api/v2/notifications?limit=${INBOX_LIMIT}`, { signal });
      return { ...page, tick };
    },
    refetchInterval: 120_000,
  });
  const snapshot = server.data;

  useEffect(() => {
    if (!socket) return;
    return socket.watch(
      '/user/queue/notifications',
      (body) => {
        const n = body as Notification;
        if (!n || typeof n.type !== 'string' || typeof n.room_id !== 'string') return;
        const tick = ticks.current++;
        setLive((list) => addLive(list, n, new Date(), tick, queryClient.getQueryData<InboxSnapshot>(inboxKey)));
        void queryClient.invalidateQueries({ queryKey: ['rooms'] });
        if (n.type === 'room.access_ended') void queryClient.invalidateQueries({ queryKey: ['room', n.room_id] });
        void queryClient.invalidateQueries({ queryKey: inboxKey });
      },
      // Subscribed again after a reconnect: the frames of the gap never come, the list has them.
      { onSubscribed: () => void queryClient.invalidateQueries({ queryKey: inboxKey }) },
    );
  }, [socket, queryClient, inboxKey]);

  const marking = useMutation({
    mutationFn: (ids: string[] | 'all') => markRead(api, ids),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: inboxKey });
      queryClient.setQueryData<InboxSnapshot>(inboxKey, (s) => (s ? withRead(s, ids) : s));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKey }),
  });
  const mark = marking.mutate;

  const merged = useMemo(() => mergeInbox(snapshot, live), [snapshot, live]);

  // Being in a room reads its notices, those that came before and those that come while there.
  const openRoom = /^\/rooms\/([^/]+)/.exec(location.pathname)?.[1];
  if (openRoom && live.some((l) => !l.read && l.notification.room_id === openRoom)) {
    setLive(readLive(live, openRoom));
  }
  const toMark = (openRoom ? unreadIds(merged.items, openRoom) : []).join(',');
  useEffect(() => {
    // Each id is asked for once: a failed request must not turn into a loop of them.
    const ids = toMark.split(',').filter((id) => id && !attempted.current.has(id));
    if (ids.length === 0) return;
    ids.forEach((id) => attempted.current.add(id));
    mark(ids);
  }, [toMark, mark]);

  const value = useMemo(
    () => ({
      items: merged.items,
      unread: merged.unread,
      readAll: () => {
        setLive((list) => readLive(list));
        mark('all');
      },
    }),
    [merged, mark],
  );
  return <InboxContext.Provider value={value}>{children}</InboxContext.Provider>;
}

export function useInbox(): Inbox {
  return useContext(InboxContext);
}
