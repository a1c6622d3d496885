import { ApiError } from '@toolocr/platform-web';
import { describe, expect, it } from 'vitest';
import { afterCreateError, allowsDuplicate, duplicateOf, parseEmails } from './duplicate';

const ROOM = '0b6f3a52-95a4-4c47-9f3b-3c7d2d7f1f00';
const dup = new ApiError(409, 'urn:irs:problem:possible-duplicate', 'Conflict', 'exists', undefined, { room_id: ROOM });

describe('the duplicate flow', () => {
  it('recognises a possible duplicate and its room', () => {
    expect(duplicateOf(dup)).toBe(ROOM);
    expect(duplicateOf(new ApiError(409, 'urn:irs:problem:invalid-transition', '', ''))).toBeNull();
    expect(duplicateOf(new ApiError(409, 'urn:irs:problem:possible-duplicate', '', '', undefined, { room_id: '../../x' }))).toBeNull();
    expect(duplicateOf(new Error('x'))).toBeNull();
  });

  it('form → duplicate → open anyway sends allow_duplicate; another error stays on the form', () => {
    const warned = afterCreateError({ step: 'form' }, dup);
    expect(warned).toEqual({ step: 'duplicate', roomId: ROOM });
    expect(allowsDuplicate(warned)).toBe(false);
    expect(allowsDuplicate({ step: 'forced' })).toBe(true);
    expect(afterCreateError({ step: 'form' }, new ApiError(400, 'urn:irs:problem:validation-failed', '', ''))).toEqual({ step: 'form' });
    // Once forced, the server does not answer possible-duplicate again; if it did, no loop.
    expect(afterCreateError({ step: 'forced' }, dup)).toEqual({ step: 'forced' });
  });

  it('reads a typed list of e-mail addresses', () => {
    expect(parseEmails('Bob@Example.com, carol@example.com;\nbob@example.com not-an-email')).toEqual({
      valid: ['bob@example.com', 'carol@example.com'],
      invalid: ['not-an-email'],
    });
  });
});
