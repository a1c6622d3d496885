import { useEffect } from 'react';

const COUNT = /^\(\d+\+?\) /;

/** The browser tab's title with the number of rooms that have unread messages first. */
export function countedTitle(title: string, unreadRooms: number): string {
  const bare = title.replace(COUNT, '');
  return unreadRooms > 0 ? `(${unreadRooms > 99 ? '99+' : unreadRooms}) ${bare}` : bare;
}

/**
 * Keeps the count in front of whatever title the current page sets (pages set theirs with
 * usePageTitle, which knows nothing of counts), so a background tab shows that something is new.
 */
export function useCountedTitle(unreadRooms: number) {
  useEffect(() => {
    const apply = () => {
      const next = countedTitle(document.title, unreadRooms);
      if (next !== document.title) document.title = next;
    };
    apply();
    const title = document.querySelector('title');
    if (!title) return;
    const observer = new MutationObserver(apply);
    observer.observe(title, { childList: true, characterData: true, subtree: true });
    return () => {
      observer.disconnect();
      document.title = document.title.replace(COUNT, '');
    };
  }, [unreadRooms]);
}
