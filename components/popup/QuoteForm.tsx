/**
 * The popup's quote card: the selected words with the page's title and site,
 * the entities inside them (chips), a note, tags, and Save (also
 * Ctrl/Cmd+Enter). A refused save (storage full, a note too long) is shown in
 * words and everything typed stays in the form: nothing is lost.
 */
import { useRef, useState } from 'preact/hooks';
import { errorText, t } from '@/lib/i18n/i18n';
import type { PageState, QuoteEntity, SelectionQuote } from '@/lib/model/page-state';
import { sendMessage } from '@/lib/messaging/send';
import type { AnnotationRecord } from '@/lib/model/records';
import { EntityChips } from './EntityChips';
import { addTypedTags, TagInput } from './TagInput';
import { isSubmitShortcut } from '@/components/shared/submit-shortcut';
import { isCanonicalTooLong } from '@/lib/model/web-link';

/** Props of {@link QuoteForm}. */
export interface QuoteFormProps {
  page: PageState;
  selection: SelectionQuote;
  onSaved: (annotation: AnnotationRecord) => void;
}

/** The site shown under the title: the page's host name. */
function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** The form that saves the selection as a quote. */
export function QuoteForm({ page, selection, onSaved }: QuoteFormProps) {
  const [entities, setEntities] = useState<QuoteEntity[]>(selection.entities);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [typedTag, setTypedTag] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const noteField = useRef<HTMLTextAreaElement>(null);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    const allTags = addTypedTags(tags, typedTag);
    const result = await sendMessage('saveQuote', {
      url: page.url,
      canonicalUrl: page.canonicalUrl,
      title: page.title,
      quote: selection.quote,
      position: selection.position,
      note,
      tags: allTags,
      entityIds: entities.map((entity) => entity.id),
    });
    setSaving(false);
    if (!result.ok) {
      setProblem(errorText(result.error));
      noteField.current?.focus();
      return;
    }
    onSaved(result.value.annotation);
  };

  return (
    <form
      class="quote-form"
      aria-label={t('saveQuoteForm')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (isSubmitShortcut(event)) {
          event.preventDefault();
          void save();
        }
      }}
    >
      <figure class="quote-card">
        {/* Focusable: a long selection scrolls here, and the keyboard must reach it too. */}
        <blockquote tabIndex={0}>{selection.quote.exact}</blockquote>
        <figcaption>
          <span class="quote-title">{page.title || t('untitledPage')}</span>
          <span class="hint"> · {siteOf(page.url)}</span>
        </figcaption>
      </figure>
      {isCanonicalTooLong(page.canonicalUrl) && <p class="hint">{t('canonicalTooLong')}</p>}
      <EntityChips entities={entities} onChange={setEntities} />
      <label for="quote-note">{t('note')}</label>
      <textarea
        id="quote-note"
        ref={noteField}
        rows={3}
        value={note}
        aria-invalid={problem !== null}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      <TagInput tags={tags} onChange={setTags} typed={typedTag} onType={setTypedTag} />
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
        <span class="hint">{t('submitShortcutHint')}</span>
      </div>
    </form>
  );
}
