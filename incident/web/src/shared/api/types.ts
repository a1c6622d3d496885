/** JSON shapes of the incident API (INCIDENT-SPEC sections 2–8), snake_case as on the wire. */

export const STATUSES = ['open', 'acknowledged', 'in_progress', 'resolved', 'closed', 'cancelled'] as const;
export type RoomStatus = (typeof STATUSES)[number];
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const CATEGORIES = ['machine_down', 'quality', 'material', 'safety', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Visibility = 'open' | 'restricted';
export const ROLES = ['owner', 'responder', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Room {
  id: string;
  title: string;
  description: string | null;
  line: string;
  station: string | null;
  equipment: string | null;
  work_order: string | null;
  category: Category;
  severity: Severity;
  visibility: Visibility;
  status: RoomStatus;
  template_id: string | null;
  created_by: string;
  reported_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
  resolution: string | null;
  time_to_acknowledge_s: number | null;
  time_to_resolve_s: number | null;
  updated_at: string;
  last_seq: number;
  my_role: Role | null;
  unread_count: number;
  member_count: number;
}

export interface RoomPage {
  rooms: Room[];
  total: number;
  page: number;
  page_size: number;
  has_more: boolean;
}

export interface Member {
  user_id: string | null;
  email: string;
  display_name: string | null;
  role: Role;
  pending: boolean;
  joined_at: string;
}

export interface Author {
  id: string;
  email: string;
  display_name: string;
}

export interface Attachment {
  id: string;
  filename: string;
  mime_type: string;
  size: number;
  width: number | null;
  height: number | null;
  has_preview: boolean;
}

export interface Reaction {
  emoji: string;
  count: number;
  mine: boolean;
}

export interface Message {
  id: string;
  room_id: string;
  seq: number;
  kind: 'text' | 'system' | 'file';
  author: Author | null;
  content: string | null;
  reply_to: string | null;
  mentions: string[];
  attachments: Attachment[];
  reactions: Reaction[];
  pinned: boolean;
  edited_at: string | null;
  deleted: boolean;
  created_at: string;
}

export interface MessagePage {
  messages: Message[];
  has_more: boolean;
}

/** A durable room event, as the events feed and the room topic carry it. */
export type RoomEvent =
  | { seq: number; type: 'message.created' | 'message.updated'; room_id: string; message: Message }
  | { seq: number; type: 'message.deleted'; room_id: string; message_id: string }
  | { seq: number; type: 'reaction.changed'; room_id: string; message_id: string; emoji: string; count: number; user_id: string; reacted: boolean }
  | { seq: number; type: 'pin.changed'; room_id: string; message_id: string; pinned: boolean }
  | { seq: number; type: 'member.changed'; room_id: string; member: Member; change: string }
  | { seq: number; type: 'room.updated'; room_id: string; room: Room };

export interface EventPage {
  events: RoomEvent[];
  has_more: boolean;
}

export interface TypingFrame {
  user_id: string;
  display_name: string;
  typing: boolean;
}

export interface EscalationStep {
  after_minutes: number;
  notify_emails: string[];
}

export interface Template {
  id: string;
  name: string;
  category: Category;
  default_severity: Severity;
  title_prefix: string | null;
  description: string | null;
  default_member_emails: string[];
  checklist: string[];
  escalation: EscalationStep[];
  updated_at: string;
}

/** What arrives on /user/queue/notifications. */
export interface Notification {
  type: 'mention' | 'room.added' | 'room.access_ended' | 'escalation' | string;
  room_id: string;
  message_id?: string;
  seq?: number;
  role?: Role;
  title?: string;
  line?: string;
  step?: number;
  steps?: number;
}

/** The room of a stored notification, as it is now. */
export interface NotificationRoom {
  id: string;
  title: string;
  line: string;
  severity: Severity;
  status: RoomStatus;
}

/** One entry of GET /api/v2/notifications: `notification` is the body the live queue carried. */
export interface StoredNotification {
  id: string;
  created_at: string;
  read: boolean;
  room: NotificationRoom;
  notification: Notification;
}

/** GET /api/v2/notifications: newest first; `unread` counts all unread, not only this page's. */
export interface InboxPage {
  notifications: StoredNotification[];
  unread: number;
}

/** GET /api/v2/stats/incidents (INCIDENT-SPEC 8). */
export interface DurationStats {
  median_time_to_acknowledge_s: number | null;
  p90_time_to_acknowledge_s: number | null;
  median_time_to_resolve_s: number | null;
  p90_time_to_resolve_s: number | null;
}
