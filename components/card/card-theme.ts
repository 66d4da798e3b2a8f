/**
 * The card follows the reader's theme setting like every other Dramatis page
 * (components/shared/apply-theme.ts). Inside a tab the host sends the theme
 * with each show (lib/messaging/protocol.ts, HostToFrame); the card opened on
 * its own (`?entity=`) has no host and asks the background once.
 */
import { useEffect, useLayoutEffect } from 'preact/hooks';
import { applyTheme } from '@/components/shared/apply-theme';
import { sendMessage } from '@/lib/messaging/send';
import type { ShownRequest } from '@/components/hooks/use-popover-port';

/** Applies the theme of the last show (framed), or the stored one (standalone). */
export function useCardTheme(framed: boolean, shown: ShownRequest | null): void {
  const theme = shown?.theme;
  // Before paint: the frame is already visible when the show arrives.
  useLayoutEffect(() => {
    if (framed && theme) applyTheme(theme);
  }, [framed, theme]);
  useEffect(() => {
    if (framed) return;
    let cancelled = false;
    void sendMessage('getSettings', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) applyTheme(result.value.theme);
      else console.error('Dramatis: reading the theme for the card failed:', result.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [framed]);
}
