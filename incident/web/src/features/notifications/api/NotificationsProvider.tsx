import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { Notification } from '../../../shared/api/types';
import { useSocket } from '../../../shared/realtime/RealtimeProvider';
import { addToInbox, markAllRead, markRoomRead, unreadCount, type InboxItem } from '../lib/inbox';

interface Inbox {
  items: InboxItem[];
  unread: number;
  readAll(): void;
}

const InboxContext = createContext<Inbox>({ items: [], unread: 0, readAll: () => {} });
let ids = 0;

/**
 * The user queue: mentions, escalations and being added to a room. Each also refreshes the room
 * lists (a new room appears, unread counts move); opening the room reads its notifications.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const socket = useSocket();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<InboxItem[]>([]);
  const location = useLocation();

  useEffect(() => {
    if (!socket) return;
    return socket.watch('/user/queue/notifications', (body) => {
      const n = body as Notification;
      if (!n || typeof n.type !== 'string' || typeof n.room_id !== 'string') return;
      void queryClient.invalidateQueries({ queryKey: ['rooms'] });
      if (n.type === 'room.access_ended') void queryClient.invalidateQueries({ queryKey: ['room', n.room_id] });
      setItems((list) => addToInbox(list, n, new Date(), `n${++ids}`));
    });
  }, [socket, queryClient]);

  // Being in a room reads its notifications, those that came before and those that come while there.
  const openRoom = /^\/rooms\/([^/]+)/.exec(location.pathname)?.[1];
  if (openRoom && items.some((i) => !i.read && i.notification.room_id === openRoom)) {
    setItems(markRoomRead(items, openRoom));
  }

  const value = useMemo(() => ({ items, unread: unreadCount(items), readAll: () => setItems(markAllRead) }), [items]);
  return <InboxContext.Provider value={value}>{children}</InboxContext.Provider>;
}

export function useInbox(): Inbox {
  return useContext(InboxContext);
}
