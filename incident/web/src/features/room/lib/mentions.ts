import type { Member } from '../../../shared/api/types';

/** The `@…` being typed just before the caret, for the autocomplete; null when there is none. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  // An @ inside a word (an e-mail address being typed) is not a mention.
  if (at > 0 && !/[\s([{"'，。、（「『：]/.test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  // Display names have spaces, but a mention query ends at a line break or after 40 characters.
  if (query.length > 40 || /[\n@]/.test(query)) return null;
  // A space after a name ends the mention (an inserted one ends so); one inside goes on ("@Bob L").
  if (/\s$/.test(query)) return null;
  return { start: at, query };
}

/** Members whose name or e-mail starts (per word) with the query, best first, at most `limit`. */
export function mentionCandidates(members: Member[], query: string, excludeUserId?: string, limit = 6): Member[] {
  const q = query.trim().toLowerCase();
  const scored: { m: Member; score: number }[] = [];
  for (const m of members) {
    if (m.pending || !m.user_id || m.user_id === excludeUserId) continue;
    const name = (m.display_name ?? '').toLowerCase();
    const email = m.email.toLowerCase();
    let score = -1;
    if (!q) score = 3;
    else if (name.startsWith(q) || email.startsWith(q)) score = 0;
    else if (name.split(/\s+/).some((w) => w.startsWith(q))) score = 1;
    else if (name.includes(q) || email.includes(q)) score = 2;
    if (score >= 0) scored.push({ m, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.m.display_name ?? a.m.email).localeCompare(b.m.display_name ?? b.m.email))
    .slice(0, limit)
    .map((s) => s.m);
}

/** How a member is written in a message: the display name when it has one, else the e-mail. */
export function mentionText(m: Member): string {
  return `@${m.display_name || m.email}`;
}

/** Replaces the `@query` at `start…caret` with the member's mention and a space; the new caret. */
export function insertMention(text: string, start: number, caret: number, m: Member): { text: string; caret: number } {
  const inserted = `${mentionText(m)} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/**
 * Splits plain text into runs and the mentions of known members (by `@display name` or `@email`,
 * case-insensitive, longest name first so "@Bob Lin" wins over "@Bob"), as the server finds them.
 */
export function splitMentions(text: string, members: Pick<Member, 'display_name' | 'email' | 'user_id'>[]): { text: string; userId?: string }[] {
  const names = members
    .flatMap((m) => [m.display_name, m.email].filter((n): n is string => !!n).map((n) => ({ n: n.toLowerCase(), id: m.user_id ?? undefined })))
    .sort((a, b) => b.n.length - a.n.length);
  const out: { text: string; userId?: string }[] = [];
  const lower = text.toLowerCase();
  let plainFrom = 0;
  let i = 0;
  while (i < text.length) {
    const at = lower.indexOf('@', i);
    if (at < 0) break;
    const hit = names.find((c) => lower.startsWith(c.n, at + 1));
    if (hit) {
      if (at > plainFrom) out.push({ text: text.slice(plainFrom, at) });
      out.push({ text: text.slice(at, at + 1 + hit.n.length), userId: hit.id });
      i = plainFrom = at + 1 + hit.n.length;
    } else {
      i = at + 1;
    }
  }
  if (plainFrom < text.length) out.push({ text: text.slice(plainFrom) });
  return out;
}
