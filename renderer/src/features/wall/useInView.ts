import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Whether the element is on screen (with a margin, so a tile starts just before it
 *  scrolls in). False until the observer's first report, so a large wall does not start
 *  every player at once; always true where IntersectionObserver does not exist. */
export function useInView(ref: RefObject<Element | null>, rootMargin = '200px'): boolean {
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined');

  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last) setInView(last.isIntersecting);
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, rootMargin]);

  return inView;
}
