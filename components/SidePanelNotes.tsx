/**
 * The side panel filtered to one entity: every note and saved quote about it,
 * newest first, read from the store through the background. Search over all
 * annotations comes later; this is what "Open in side panel" on a card opens.
 */
import { useEffect } from 'preact/hooks';
import type { EntityNote } from '@/lib/store/notes';
import { KIND_LABELS } from './RelatedEntities';
import { MISSING_PROFILE, useEntityProfile } from './use-entity-profile';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function NoteEntry({ note }: { note: EntityNote }) {
  return (
    <li class="entry">
      {note.quote && <blockquote>{note.quote}</blockquote>}
      {note.text && <p class="entry-text">{note.text}</p>}
      <p class="entry-meta">
        {dateFormat.format(note.updated)}
        {note.url && (
          <>
            {' · '}
            <a href={note.url} target="_blank" rel="noreferrer">
              {note.pageTitle || note.url}
            </a>
          </>
        )}
      </p>
    </li>
  );
}

/** The panel for `entityId`, or a hint when it was opened without one. */
export function SidePanelNotes({ entityId }: { entityId: string | null }) {
  const { state, reload } = useEntityProfile(entityId);
  // Notes written on a card while the panel stays open show when the reader comes back to it.
  useEffect(() => {
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  if (entityId === null) {
    return (
      <main>
        <h1>Your notes</h1>
        <p class="muted">
          Choose “Open in side panel” on a profile card to see your notes about that person,
          organization or place here.
        </p>
      </main>
    );
  }
  if (state.status === 'loading') return <main aria-busy="true">Loading notes…</main>;
  if (state.status !== 'ready') {
    return (
      <main>
        <p role="alert">{state.status === 'missing' ? MISSING_PROFILE : state.message}</p>
      </main>
    );
  }
  const { profile } = state;
  return (
    <main>
      <h1>Notes about {profile.name}</h1>
      <p class="muted">
        {KIND_LABELS[profile.kind]} · {profile.noteCount}{' '}
        {profile.noteCount === 1 ? 'note or quote' : 'notes and quotes'}
        {profile.noteCount > profile.notes.length && ` (newest ${profile.notes.length} shown)`}
      </p>
      {profile.notes.length === 0 ? (
        <p>No notes yet. Add one with “Add note” on the card.</p>
      ) : (
        <ul class="entries">
          {profile.notes.map((note) => (
            <NoteEntry key={note.id} note={note} />
          ))}
        </ul>
      )}
    </main>
  );
}
