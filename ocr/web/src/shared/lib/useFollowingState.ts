import { useState } from 'react';

/**
 * A text box's own value that starts as `value` and goes back to it whenever `value` changes from
 * outside (the back button, "clear filters"), while typing in between stays the box's own. The
 * reset happens during render, as React advises for state derived from a changed prop, rather
 * than in an effect one render late.
 */
export function useFollowingState(value: string): [string, (next: string) => void] {
  const [draft, setDraft] = useState(value);
  const [followed, setFollowed] = useState(value);
  if (followed !== value) {
    setFollowed(value);
    setDraft(value);
  }
  return [draft, setDraft];
}
