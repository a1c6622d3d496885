import type { Member, Message, RoomEvent } from '../shared/api/types';

export const ME = 'u-me';
export const BOB = 'u-bob';

export function msg(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    room_id: 'r1',
    seq,
    kind: 'text',
    author: { id: BOB, email: 'bob@example.com', display_name: 'Bob Lin' },
    content: `message ${seq}`,
    reply_to: null,
    mentions: [],
    attachments: [],
    reactions: [],
    pinned: false,
    edited_at: null,
    deleted: false,
    created_at: new Date(Date.UTC(2026, 0, 5, 8, 0, seq)).toISOString(),
    ...over,
  };
}

export function created(seq: number, over: Partial<Message> = {}): RoomEvent {
  return { seq, type: 'message.created', room_id: 'r1', message: msg(seq, over) };
}

export function member(name: string, email: string, id: string | null, over: Partial<Member> = {}): Member {
  return { user_id: id, email, display_name: name, role: 'responder', pending: id === null, joined_at: '2026-01-05T08:00:00Z', ...over };
}
