/**
 * The reader's notes about an entity on its card, and "Add note": a textarea
 * that saves with its button or Ctrl/Cmd+Enter and says in words what went wrong.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, t } from '@/lib/i18n/i18n';
import { MAX_NOTE_LENGTH, noteTextProblem } from '@/lib/store/notes';
import { type EntityNote } from '@/lib/model/views';
import { isSubmitShortcut } from '@/components/shared/submit-shortcut';

/** What a save or delete answered: null when it worked, else the message to show. */
export type NoteActionError = string | null;

/** Props of {@link EntityNotes}. */
export interface EntityNotesProps {
  /** The entity's display name, for labels ("Note about Mu Sochua"). */
  entityName: string;
  notes: EntityNote[];
  /** All notes about the entity, when the card lists only the newest. */
  total: number;
  /** The reader's note kept with their correction of the profile, if any. */
  correctionNote?: string | null;
  onAdd: (text: string) => Promise<NoteActionError>;
  onDelete: (id: string) => Promise<NoteActionError>;
  /** Puts back the note deleted last. */
  onUndoDelete: () => Promise<NoteActionError>;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** One note: the text (a saved quote also shows its words), when and where it was written. */
function NoteItem({ note, onDelete }: { note: EntityNote; onDelete: () => void }) {
  return (
    <li class="note">
      {note.quote && <q class="note-quote">{note.quote}</q>}
      {note.text && <p class="note-text">{note.text}</p>}
      <p class="note-meta">
        {dateFormat.format(note.updated)}
        {note.pageTitle && <> · {note.pageTitle}</>}{' '}
        <button type="button" class="link-button" onClick={onDelete}>
          {t('delete')}
          <span class="visually-hidden"> {t('noteFrom', dateFormat.format(note.updated))}</span>
        </button>
      </p>
    </li>
  );
}

/** The form that writes a new note; Esc inside it cancels the note rather than closing the card. */
function AddNoteForm({
  entityName,
  onSave,
  onCancel,
}: {
  entityName: string;
  onSave: (text: string) => Promise<NoteActionError>;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);

  const save = async () => {
    if (saving) return;
    // Checked here too so the reader is told at once, without a round trip.
    const problem = noteTextProblem(text);
    if (problem) {
      setError(errorText(problem));
      field.current?.focus();
      return;
    }
    setSaving(true);
    const failure = await onSave(text);
    setSaving(false);
    if (failure) {
      setError(failure);
      field.current?.focus();
    }
  };

  return (
    <form
      class="add-note"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label for="new-note">{t('noteAbout', entityName)}</label>
      <textarea
        id="new-note"
        ref={field}
        rows={3}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? 'new-note-error' : 'new-note-hint'}
        onInput={(event) => {
          setText(event.currentTarget.value);
          if (error) setError(null);
        }}
        onKeyDown={(event) => {
          if (isSubmitShortcut(event)) {
            event.preventDefault();
            void save();
          } else if (event.key === 'Escape') {
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      {error ? (
        <p id="new-note-error" class="form-error" role="alert">
          {error}
        </p>
      ) : (
        <p id="new-note-hint" class="hint">
          {t('noteHint', MAX_NOTE_LENGTH.toLocaleString())}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** The notes section of the card. */
export function EntityNotes({
  entityName,
  notes,
  total,
  correctionNote,
  onAdd,
  onDelete,
  onUndoDelete,
}: EntityNotesProps) {
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [undoable, setUndoable] = useState(false);
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (undoable) undoButton.current?.focus();
  }, [undoable]);
  const addButton = useRef<HTMLButtonElement>(null);
  const closeForm = () => {
    setAdding(false);
    // Focus goes back where the reader started, not to the top of the frame.
    requestAnimationFrame(() => addButton.current?.focus());
  };

  return (
    <section class="card-section" aria-labelledby="notes-heading">
      <h3 id="notes-heading">
        {t('yourNotesHeading')}
        {total > notes.length && (
          <span class="count-note"> {t('countOfTotal', [notes.length, total])}</span>
        )}
      </h3>
      {correctionNote && <p class="note-text correction-note">{correctionNote}</p>}
      {notes.length > 0 ? (
        <ul class="notes">
          {notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              onDelete={() => {
                void onDelete(note.id).then((failure) => {
                  setError(failure);
                  setUndoable(failure === null);
                });
              }}
            />
          ))}
        </ul>
      ) : (
        !correctionNote && <p class="empty">{t('noNotesYet')}</p>
      )}
      {undoable && (
        <p class="saved-status" role="status">
          {t('deletedOne')}{' '}
          <button
            type="button"
            ref={undoButton}
            class="link-button"
            onClick={() => {
              void onUndoDelete().then((failure) => {
                setError(failure);
                setUndoable(false);
              });
            }}
          >
            {t('undo')}
          </button>
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {adding ? (
        <AddNoteForm
          entityName={entityName}
          onCancel={closeForm}
          onSave={async (text) => {
            const failure = await onAdd(text);
            if (failure === null) closeForm();
            return failure;
          }}
        />
      ) : (
        <button type="button" ref={addButton} onClick={() => setAdding(true)}>
          {t('addNote')}
        </button>
      )}
    </section>
  );
}
