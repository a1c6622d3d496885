/** JSON shapes of the audit log API (snake_case, as on the wire). */

export interface AuditEntry {
  id: string;
  occurred_at: string;
  user_id: string | null;
  user_email: string | null;
  event_type: string;
  outcome: string;
  ip_address: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: Record<string, string>;
}
