import { useEffect } from 'react';

/** Each page names itself in the tab title, which screen readers announce on navigation. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Tool_OCR`;
  }, [title]);
}
