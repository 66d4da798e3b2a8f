/**
 * Loading an entity's profile from the background for the card and the side
 * panel, with the reader's note actions that change it.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorText, t } from '@/lib/i18n/i18n';
import { sendMessage } from '@/lib/messaging/send';
import type { EntityProfile } from '@/lib/model/profile';
import type { AnnotationRecord } from '@/lib/model/records';

/** Where loading a profile stands. */
export type ProfileState =
  | { status: 'loading' }
  | { status: 'ready'; profile: EntityProfile }
  /** The store no longer holds the entity (a bundle upgrade removed it). */
  | { status: 'missing' }
  | { status: 'error'; message: string };

/** A profile and the actions that change it. */
export interface EntityProfileHandle {
  state: ProfileState;
  /** Reads the profile again (after a note changed), keeping the old one on screen meanwhile. */
  reload: () => Promise<void>;
  addNote: (text: string) => Promise<string | null>;
  deleteNote: (id: string) => Promise<string | null>;
  /** Puts back the note deleted last; null when done, or what went wrong. */
  undoDelete: () => Promise<string | null>;
}

/** Loads the profile of `entityId` (null: nothing to load) and reloads it when a note changes. */
export function useEntityProfile(entityId: string | null): EntityProfileHandle {
  const [state, setState] = useState<ProfileState>({ status: 'loading' });
  // Answers for an entity the card has moved away from are dropped.
  const latest = useRef<string | null>(null);

  const load = useCallback(async (id: string) => {
    const result = await sendMessage('getEntityProfile', { entityId: id });
    if (latest.current !== id) return;
    if (!result.ok) setState({ status: 'error', message: errorText(result.error) });
    else if (result.value.profile === null) setState({ status: 'missing' });
    else setState({ status: 'ready', profile: result.value.profile });
  }, []);

  useEffect(() => {
    latest.current = entityId;
    if (entityId === null) return;
    setState({ status: 'loading' });
    void load(entityId);
  }, [entityId, load]);

  const reload = useCallback(async () => {
    if (entityId !== null) await load(entityId);
  }, [entityId, load]);

  const addNote = useCallback(
    async (text: string) => {
      if (entityId === null) return t('profileGone');
      const result = await sendMessage('addEntityNote', { entityId, text });
      if (!result.ok) return errorText(result.error);
      await reload();
      return null;
    },
    [entityId, reload],
  );

  // The last note deleted from this card, kept so the reader can undo it: a
  // click on Delete may not have been meant (docs/ARCHITECTURE.md, principle 2).
  const deleted = useRef<AnnotationRecord | null>(null);
  const deleteNote = useCallback(
    async (id: string) => {
      const result = await sendMessage('deleteAnnotation', { id });
      if (!result.ok) return errorText(result.error);
      deleted.current = result.value.deleted;
      await reload();
      return null;
    },
    [reload],
  );
  const undoDelete = useCallback(async () => {
    const record = deleted.current;
    if (record === null) return null;
    const result = await sendMessage('restoreAnnotation', { record });
    if (!result.ok) return errorText(result.error);
    deleted.current = null;
    await reload();
    return null;
  }, [reload]);

  return { state, reload, addNote, deleteNote, undoDelete };
}
