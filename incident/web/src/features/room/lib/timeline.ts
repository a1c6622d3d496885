import type { Message, Reaction, Room, RoomEvent } from '../../../shared/api/types';

/**
 * A room's conversation as the client holds it. Durable events are applied strictly in `seq` order,
 * each once: one at or below `lastSeq` was applied already (a live frame that the catch-up feed also
 * returned, or the other way round) and is dropped; one beyond the next is held until the events in
 * between arrive, and `gapAfter` says from where to ask the events feed. Applying an event is
 * idempotent on the state it describes (whole messages, absolute counts), so an event that the
 * first page already reflected does no harm.
 */
export interface Timeline {
  /** Messages by ascending seq. */
  messages: Message[];
  /** Highest seq applied with nothing missing before it. */
  lastSeq: number;
  /** Events that arrived early, by seq. */
  held: Map<number, RoomEvent>;
  /** Whether older messages than the first one exist. */
  hasOlder: boolean;
  /** The latest room fields from a room.updated event, if any since loading. */
  room: Room | null;
  /** Member changes since loading, for the members panel to refetch. */
  memberChanges: number;
}

export function emptyTimeline(): Timeline {
  return { messages: [], lastSeq: 0, held: new Map(), hasOlder: false, room: null, memberChanges: 0 };
}

/** The first (newest) page: the baseline is its highest seq, or `roomLastSeq` for a room with none. */
export function fromPage(messages: Message[], hasOlder: boolean, roomLastSeq = 0): Timeline {
  const sorted = [...messages].sort((a, b) => a.seq - b.seq);
  const top = sorted.length > 0 ? sorted[sorted.length - 1].seq : roomLastSeq;
  return { ...emptyTimeline(), messages: sorted, lastSeq: top, hasOlder };
}

/** Older messages loaded on scroll, placed before the rest; known ones are not repeated. */
export function prependOlder(t: Timeline, older: Message[], hasOlder: boolean): Timeline {
  const known = new Set(t.messages.map((m) => m.id));
  const fresh = older.filter((m) => !known.has(m.id));
  return { ...t, messages: [...fresh, ...t.messages].sort((a, b) => a.seq - b.seq), hasOlder };
}

/** Whether events are missing: something is held that cannot be applied yet. */
export function gapAfter(t: Timeline): number | null {
  return t.held.size > 0 ? t.lastSeq : null;
}

function upsert(messages: Message[], message: Message): Message[] {
  const at = messages.findIndex((m) => m.id === message.id);
  if (at >= 0) {
    // Reactions' "mine" is personal; a broadcast message does not know it, so keep ours.
    const mine = new Set(messages[at].reactions.filter((r) => r.mine).map((r) => r.emoji));
    const reactions = message.reactions.map((r) => ({ ...r, mine: r.mine || mine.has(r.emoji) }));
    const next = [...messages];
    next[at] = { ...message, reactions };
    return next;
  }
  const next = [...messages, message];
  // Almost always the newest; keep the order right when it is not.
  if (next.length > 1 && next[next.length - 2].seq > message.seq) next.sort((a, b) => a.seq - b.seq);
  return next;
}

function patch(messages: Message[], id: string, change: (m: Message) => Message): Message[] {
  const at = messages.findIndex((m) => m.id === id);
  if (at < 0) return messages;
  const next = [...messages];
  next[at] = change(messages[at]);
  return next;
}

function reactions(list: Reaction[], emoji: string, count: number, mine: boolean | undefined): Reaction[] {
  const rest = list.filter((r) => r.emoji !== emoji);
  if (count <= 0) return rest;
  const old = list.find((r) => r.emoji === emoji);
  const updated = { emoji, count, mine: mine ?? old?.mine ?? false };
  return old ? list.map((r) => (r.emoji === emoji ? updated : r)) : [...rest, updated];
}

function applyOne(t: Timeline, e: RoomEvent, myId: string): Timeline {
  switch (e.type) {
    case 'message.created':
    case 'message.updated':
      return { ...t, messages: upsert(t.messages, e.message) };
    case 'message.deleted':
      return {
        ...t,
        messages: patch(t.messages, e.message_id, (m) => ({ ...m, deleted: true, content: null, pinned: false, attachments: [] })),
      };
    case 'reaction.changed':
      return {
        ...t,
        messages: patch(t.messages, e.message_id, (m) => ({
          ...m,
          reactions: reactions(m.reactions, e.emoji, e.count, e.user_id === myId ? e.reacted : undefined),
        })),
      };
    case 'pin.changed':
      return { ...t, messages: patch(t.messages, e.message_id, (m) => ({ ...m, pinned: e.pinned })) };
    case 'room.updated':
      return { ...t, room: e.room };
    case 'member.changed':
      return { ...t, memberChanges: t.memberChanges + 1 };
    default:
      // An event type this client does not know yet still takes its place in the sequence.
      return t;
  }
}

/** Applies what can be applied, in seq order; holds the rest. */
export function receive(t: Timeline, events: RoomEvent[], myId: string): Timeline {
  let next: Timeline = { ...t, held: new Map(t.held) };
  for (const e of events) {
    if (typeof e.seq !== 'number' || e.seq <= next.lastSeq) continue;
    next.held.set(e.seq, e);
  }
  for (let e = next.held.get(next.lastSeq + 1); e; e = next.held.get(next.lastSeq + 1)) {
    next.held.delete(e.seq);
    next = { ...applyOne(next, e, myId), lastSeq: e.seq, held: next.held };
  }
  return next;
}

/**
 * A message the client learnt of outside the feed (the answer to its own send): shown at once; its
 * event, when it comes, finds it there and changes nothing. The baseline does not move.
 */
export function placeLocal(t: Timeline, message: Message): Timeline {
  if (t.messages.some((m) => m.id === message.id)) return t;
  return { ...t, messages: upsert(t.messages, message) };
}
