import { useState } from 'react';

/**
 * What a page has open in a dialog or a drawer (null: nothing), and its two ways of closing: as it
 * was (`close`), or after a change, when `reload` reads again what the page shows (`closeAndReload`).
 */
export function useOpened<T>(reload: () => void) {
  const [opened, setOpened] = useState<T | null>(null);
  return {
    opened,
    open: (value: T) => setOpened(value),
    close: () => setOpened(null),
    closeAndReload: () => {
      setOpened(null);
      reload();
    },
  };
}
