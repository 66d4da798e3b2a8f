/**
 * A message whose placeholders are elements rather than text: a link or a key
 * inside a sentence ("press <kbd>Esc</kbd> to close it"). The sentence stays
 * one message, so a translation can move the element where its grammar needs.
 */
import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n/i18n';
import type { MessageKey } from '@/lib/model/user-error';

/** Marks where the n-th element goes; private-use characters never appear in messages. */
const marker = (index: number) => `\uE000${index}\uE001`;

/** Props of {@link Message}. */
export interface MessageProps {
  id: MessageKey;
  /** The elements for the message's placeholders `$1`, `$2`…, in order. */
  parts: ComponentChildren[];
}

/** The message `id` with `parts` put in at its placeholders. */
export function Message({ id, parts }: MessageProps) {
  const text = t(
    id,
    parts.map((_, index) => marker(index)),
  );
  return (
    <>
      {text.split(/\uE000(\d+)\uE001/).map((piece, index) =>
        // split() puts the captured index at every odd position.
        index % 2 === 1 ? parts[Number(piece)] : piece,
      )}
    </>
  );
}
