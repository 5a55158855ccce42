import { Spin } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';

/**
 * Renders a (lazily loaded) dialog from the first time `open` is true on, so its chunk is fetched only when the user
 * asks for it, and closing still animates. A full-screen spinner shows while the chunk arrives.
 */
export function OnFirstOpen({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  // Derived state, set during render (React re-renders at once): no frame passes with an open dialog missing.
  if (open && !opened) setOpened(true);
  if (!opened) return null;
  return <Suspense fallback={<Spin fullscreen />}>{children}</Suspense>;
}
