/**
 * The popup's note about the whole page, for when there is nothing to quote:
 * "read this again after the verdict". Saved as an annotation without a quote,
 * so it is listed with the page's quotes and found by search. A refused save is
 * shown in words and the typed note stays in the field.
 */
import { useState } from 'preact/hooks';
import { errorText, t } from '@/lib/i18n/i18n';
import type { PageState } from '@/lib/model/page-state';
import { sendMessage } from '@/lib/messaging/send';
import { isSubmitShortcut } from '@/components/shared/submit-shortcut';

/** Props of {@link PageNoteForm}. */
export interface PageNoteFormProps {
  page: Pick<PageState, 'url' | 'canonicalUrl' | 'title'>;
  onSaved: () => void;
}

/** A note field and Save (also Ctrl/Cmd+Enter) for a note about the page. */
export function PageNoteForm({ page, onSaved }: PageNoteFormProps) {
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    const result = await sendMessage('savePageNote', {
      url: page.url,
      canonicalUrl: page.canonicalUrl,
      title: page.title,
      note,
    });
    setSaving(false);
    if (!result.ok) {
      setProblem(errorText(result.error));
      return;
    }
    setNote('');
    setProblem(null);
    onSaved();
  };

  return (
    <form
      class="page-note-form"
      aria-label={t('noteAboutPage')}
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
      <label for="page-note">{t('noteAboutPage')}</label>
      <textarea
        id="page-note"
        rows={2}
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" class="primary" disabled={saving}>
        {t('saveNote')}
      </button>
    </form>
  );
}
