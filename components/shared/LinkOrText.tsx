/**
 * A link to a page the reader saved or added, or plain text when its address
 * is not http(s): addresses come from pages and import files, and a
 * `javascript:` or `data:` one must never be something to click.
 */
import type { ComponentChildren } from 'preact';
import { webLinkTarget } from '@/lib/model/web-link';

/** Props of {@link LinkOrText}. */
export interface LinkOrTextProps {
  url: string | null;
  /** Open in a new tab (with no referrer). */
  newTab?: boolean;
  children: ComponentChildren;
}

/** `children` linked to `url` when it is a web address, else `children` alone. */
export function LinkOrText({ url, newTab = false, children }: LinkOrTextProps) {
  const href = url === null ? null : webLinkTarget(url);
  if (href === null) return <>{children}</>;
  return newTab ? (
    <a href={href} target="_blank" rel="noreferrer">
      {children}
    </a>
  ) : (
    <a href={href}>{children}</a>
  );
}
