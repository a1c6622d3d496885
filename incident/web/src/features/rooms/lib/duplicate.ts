import { ApiError } from '@toolocr/platform-web';

/**
 * The new-incident dialog's steps. The server answers 409 `possible-duplicate` with the `room_id` of
 * an active incident for the same line, equipment and category; the dialog then shows that room and
 * lets the person join it or open a new one anyway (`allow_duplicate`).
 */
export type CreateStep =
  | { step: 'form' }
  | { step: 'duplicate'; roomId: string }
  | { step: 'forced' };

/** The existing room's id when a create was refused as a possible duplicate. */
export function duplicateOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'possible-duplicate') return null;
  const id = error.properties.room_id;
  return typeof id === 'string' && /^[0-9a-fA-F-]{36}$/.test(id) ? id : null;
}

/** Where a create attempt leads: the duplicate step, or the same step (the error is shown). */
export function afterCreateError(current: CreateStep, error: unknown): CreateStep {
  const roomId = duplicateOf(error);
  return roomId && current.step !== 'forced' ? { step: 'duplicate', roomId } : current;
}

/** Whether the next create must say allow_duplicate: only after the person chose "open anyway". */
export function allowsDuplicate(step: CreateStep): boolean {
  return step.step === 'forced';
}

/** Splits a typed list of e-mail addresses (commas, semicolons, spaces, new lines); the bad ones apart. */
export function parseEmails(text: string): { valid: string[]; invalid: string[] } {
  const parts = text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const p of parts) {
    const lower = p.toLowerCase();
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(p) && p.length <= 320) {
      if (!valid.includes(lower)) valid.push(lower);
    } else invalid.push(p);
  }
  return { valid, invalid };
}
