import { useQueryClient } from '@tanstack/react-query';
import { useApi, useAuth } from '@toolocr/platform-web';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Room, TypingFrame } from '../../../shared/api/types';
import { useSocket } from '../../../shared/realtime/RealtimeProvider';
import { RoomFeed } from '../lib/roomFeed';
import { eventsAfter, markRead, newestMessages, olderMessages, roomKeys } from './queries';

/** A room's live conversation: the feed, kept in step with the socket. */
export function useLiveRoom(roomId: string) {
  const api = useApi();
  const { user } = useAuth();
  const socket = useSocket();
  const queryClient = useQueryClient();
  const myId = user?.id ?? '';

  const feed = useMemo(
    () =>
      new RoomFeed({
        myId,
        loadNewest: () => newestMessages(api, roomId),
        loadOlder: (before) => olderMessages(api, roomId, before),
        eventsAfter: (after) => eventsAfter(api, roomId, after),
        later: (fn, ms) => {
          const id = setTimeout(fn, ms);
          return () => clearTimeout(id);
        },
      }),
    [api, roomId, myId],
  );

  useEffect(() => {
    feed.start();
    return () => feed.close();
  }, [feed]);

  useEffect(() => {
    if (!socket) return;
    if (socket.up) feed.socketUp();
    const offState = socket.onState((up) => (up ? feed.socketUp() : feed.socketDown()));
    const offWatch = socket.watch(`/topic/rooms.${roomId}`, (body) => feed.frame(body), {
      onSubscribed: () => feed.subscribed(),
      onRefused: () => void queryClient.invalidateQueries({ queryKey: roomKeys.room(roomId) }),
    });
    return () => {
      offState();
      offWatch();
    };
  }, [socket, feed, roomId, queryClient]);

  const snapshot = useSyncExternalStore(
    (notify) => feed.subscribe(notify),
    () => feed.snapshot,
  );

  // The room's fields and members change under us: room.updated carries the fields (nothing
  // personal), member.changed means the members list (and perhaps my role) must be read again.
  const room = snapshot.timeline?.room;
  useEffect(() => {
    if (!room) return;
    queryClient.setQueryData<Room>(roomKeys.room(roomId), (old) =>
      old ? { ...old, ...room, my_role: old.my_role, unread_count: old.unread_count, member_count: old.member_count } : old,
    );
  }, [room, roomId, queryClient]);
  const memberChanges = snapshot.timeline?.memberChanges ?? 0;
  useEffect(() => {
    if (memberChanges === 0) return;
    void queryClient.invalidateQueries({ queryKey: roomKeys.members(roomId) });
    void queryClient.invalidateQueries({ queryKey: roomKeys.room(roomId), exact: true });
  }, [memberChanges, roomId, queryClient]);

  // The read marker follows what this person has on screen (the tab visible), a moment later.
  const lastSeq = snapshot.timeline?.lastSeq ?? 0;
  const marked = useRef(0);
  useEffect(() => {
    if (lastSeq <= marked.current) return;
    const id = setTimeout(() => {
      if (document.visibilityState !== 'visible' || lastSeq <= marked.current) return;
      marked.current = lastSeq;
      markRead(api, roomId, lastSeq)
        .then(() => queryClient.invalidateQueries({ queryKey: ['rooms'] }))
        .catch(() => {
          marked.current = 0;
        });
    }, 800);
    return () => clearTimeout(id);
  }, [api, roomId, lastSeq, queryClient]);

  return { feed, ...snapshot };
}

const TYPING_TTL_MS = 6_000;
const RENEW_MS = 3_000;

/** Who else is typing in the room, and a function to say whether I am. */
export function useTyping(roomId: string) {
  const socket = useSocket();
  const { user } = useAuth();
  const [typing, setTyping] = useState<Map<string, { name: string; until: number }>>(new Map());
  const lastSent = useRef<{ at: number; on: boolean }>({ at: 0, on: false });

  useEffect(() => {
    if (!socket) return;
    const off = socket.watch(`/topic/rooms.${roomId}.typing`, (body) => {
      const f = body as TypingFrame;
      if (!f || typeof f.user_id !== 'string' || f.user_id === user?.id) return;
      setTyping((old) => {
        const next = new Map(old);
        if (f.typing) next.set(f.user_id, { name: String(f.display_name ?? ''), until: Date.now() + TYPING_TTL_MS });
        else next.delete(f.user_id);
        return next;
      });
    });
    const sweep = setInterval(() => {
      setTyping((old) => {
        const now = Date.now();
        if (![...old.values()].some((v) => v.until <= now)) return old;
        return new Map([...old].filter(([, v]) => v.until > now));
      });
    }, 1000);
    return () => {
      off();
      clearInterval(sweep);
      setTyping(new Map());
    };
  }, [socket, roomId, user?.id]);

  const announce = (on: boolean) => {
    if (!socket) return;
    const now = Date.now();
    if (on && lastSent.current.on && now - lastSent.current.at < RENEW_MS) return;
    if (!on && !lastSent.current.on) return;
    if (socket.publish(`/app/rooms.${roomId}.typing`, { typing: on })) lastSent.current = { at: now, on };
  };

  const names = [...typing.values()].map((v) => v.name).filter(Boolean);
  return { names, announce };
}
