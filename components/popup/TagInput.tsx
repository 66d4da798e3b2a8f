/**
 * Tags for a quote: chips, and a field that completes from the tags already in
 * use (most used first) through the browser's own datalist. Enter or a comma
 * adds the typed tag; what is still typed when saving is added too.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/i18n';
import { sendMessage } from '@/lib/messaging/send';

/** Props of {@link TagInput}. */
export interface TagInputProps {
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  /** The text typed but not yet added, so Save can include it. */
  typed: string;
  onType: (typed: string) => void;
}

/** Adds `typed` (trimmed, comma-separated) to `tags`, skipping blanks and repeats. */
export function addTypedTags(tags: readonly string[], typed: string): string[] {
  const next = [...tags];
  for (const part of typed.split(',')) {
    const tag = part.trim();
    if (tag !== '' && !next.some((known) => known.toLowerCase() === tag.toLowerCase())) {
      next.push(tag);
    }
  }
  return next;
}

/** The tag chips and field. */
export function TagInput({ tags, onChange, typed, onType }: TagInputProps) {
  const [known, setKnown] = useState<string[]>([]);
  useEffect(() => {
    void sendMessage('listTags', {}).then((result) => {
      if (result.ok) setKnown(result.value.tags.map(({ tag }) => tag));
      else console.error('Dramatis: reading tags failed:', result.error.message);
    });
  }, []);
  const commit = () => {
    onChange(addTypedTags(tags, typed));
    onType('');
  };
  return (
    <div class="tags">
      <ul class="chips" aria-label={t('tagsOfQuote')}>
        {tags.map((tag) => (
          <li key={tag} class="chip">
            {tag}
            <button
              type="button"
              class="chip-remove"
              aria-label={t('removeTag', tag)}
              onClick={() => onChange(tags.filter((other) => other !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <label for="add-tag">{t('tags')}</label>
      <input
        id="add-tag"
        type="text"
        list="known-tags"
        autocomplete="off"
        value={typed}
        onInput={(event) => {
          const value = event.currentTarget.value;
          if (value.endsWith(',')) {
            onChange(addTypedTags(tags, value));
            onType('');
          } else onType(value);
        }}
        onKeyDown={(event) => {
          // Enter adds the tag; Ctrl/Cmd+Enter is left to the form (Save).
          if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && typed.trim() !== '') {
            event.preventDefault();
            commit();
          }
        }}
      />
      <datalist id="known-tags">
        {known
          .filter((tag) => !tags.includes(tag))
          .map((tag) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
    </div>
  );
}
