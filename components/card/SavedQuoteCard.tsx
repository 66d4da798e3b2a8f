/**
 * The card of one of the reader's saved quotes, in the popover frame: shown
 * when the reader hovers a highlighted quote, or at once after saving from the
 * context menu or the shortcut ("Quote saved — add a note"). The note can be
 * edited and the quote deleted (with Undo); the frame is told only the quote's
 * id and reads the rest from the background.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, t } from '@/lib/i18n/i18n';
import { sendMessage } from '@/lib/messaging/send';
import type { AnnotationRecord } from '@/lib/model/records';
import { isSubmitShortcut } from '@/components/shared/submit-shortcut';
import { keepStoreNow } from '@/components/shared/keep-store';

/** Props of {@link SavedQuoteCard}. */
export interface SavedQuoteCardProps {
  annotationId: string;
  /** Saved a moment ago from the menu or shortcut: say so and put the caret in the note. */
  justSaved: boolean;
  /** Closes the card (the frame's close button); absent outside the frame. */
  onClose?: () => void;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; record: AnnotationRecord }
  | { status: 'deleted'; record: AnnotationRecord }
  | { status: 'missing' }
  | { status: 'error'; message: string };

/** The saved quote's card. */
export function SavedQuoteCard({ annotationId, justSaved, onClose }: SavedQuoteCardProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    setLoaded({ status: 'loading' });
    setStatus(null);
    setProblem(null);
    void sendMessage('getAnnotation', { id: annotationId }).then((result) => {
      if (!result.ok) return setLoaded({ status: 'error', message: errorText(result.error) });
      const record = result.value.annotation;
      setNote(record?.note ?? '');
      setLoaded(record ? { status: 'ready', record } : { status: 'missing' });
    });
  }, [annotationId]);

  useEffect(() => {
    if (justSaved && loaded.status === 'ready') field.current?.focus();
  }, [justSaved, loaded.status]);
  // Saved from the menu or the shortcut, in the background: the first page to see it asks to keep the store.
  useEffect(() => {
    if (justSaved) keepStoreNow();
  }, [justSaved, annotationId]);

  const saveNote = async () => {
    if (loaded.status !== 'ready') return;
    const result = await sendMessage('updateAnnotation', { id: annotationId, note });
    // On failure the typed note stays in the field: nothing is lost.
    if (!result.ok) return setProblem(errorText(result.error));
    setProblem(null);
    setStatus(t('noteSaved'));
    setLoaded({ status: 'ready', record: result.value.annotation });
  };
  const remove = async () => {
    const result = await sendMessage('deleteAnnotation', { id: annotationId });
    if (!result.ok) return setProblem(errorText(result.error));
    const deleted = result.value.deleted;
    setLoaded(deleted ? { status: 'deleted', record: deleted } : { status: 'missing' });
  };
  const undo = async (record: AnnotationRecord) => {
    const result = await sendMessage('restoreAnnotation', { record });
    if (!result.ok) return setProblem(errorText(result.error));
    setLoaded({ status: 'ready', record: result.value.annotation });
    setStatus(t('quoteRestored'));
  };

  const heading = justSaved ? t('quoteSavedHeading') : t('yourSavedQuoteHeading');
  return (
    <section class="card saved-quote" role="dialog" aria-label={heading}>
      <header class="card-header">
        <h2>{heading}</h2>
        {onClose && (
          <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
            ×
          </button>
        )}
      </header>
      {loaded.status === 'loading' && <p class="hint">{t('loading')}</p>}
      {loaded.status === 'missing' && <p class="empty">{t('quoteWasDeleted')}</p>}
      {loaded.status === 'error' && <p class="form-error">{loaded.message}</p>}
      {loaded.status === 'deleted' && (
        <p class="hint" role="status">
          {t('quoteDeleted')}{' '}
          <button type="button" class="link-button" onClick={() => void undo(loaded.record)}>
            {t('undo')}
          </button>
        </p>
      )}
      {loaded.status === 'ready' && (
        <form
          class="add-note"
          onSubmit={(event) => {
            event.preventDefault();
            void saveNote();
          }}
        >
          <q class="note-quote">{loaded.record.quote?.exact}</q>
          {loaded.record.tags.length > 0 && (
            <p class="note-meta">{t('tagsList', loaded.record.tags.join(', '))}</p>
          )}
          <label for="quote-note">{justSaved ? t('addANote') : t('note')}</label>
          <textarea
            id="quote-note"
            ref={field}
            rows={3}
            value={note}
            aria-invalid={problem !== null}
            onInput={(event) => setNote(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (isSubmitShortcut(event)) {
                event.preventDefault();
                void saveNote();
              }
            }}
          />
          <div class="form-actions">
            <button type="submit" class="primary">
              {t('saveNote')}
            </button>
            <button type="button" onClick={() => void remove()}>
              {t('deleteQuote')}
            </button>
          </div>
        </form>
      )}
      {problem && (
        <p class="form-error" role="alert">
          {problem}
        </p>
      )}
      {status && !problem && (
        <p class="hint" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
