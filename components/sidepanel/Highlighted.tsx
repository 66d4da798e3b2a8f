/** Text with some stretches emphasized as <mark>, from a search's match ranges. */
import type { ComponentChildren } from 'preact';

/** Props of {@link Highlighted}. */
export interface HighlightedProps {
  text: string;
  /** [start, end) offsets into `text`, in order, not overlapping. */
  ranges?: readonly (readonly [number, number])[];
}

/** Renders `text`, each range inside a <mark>. */
export function Highlighted({ text, ranges = [] }: HighlightedProps) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
