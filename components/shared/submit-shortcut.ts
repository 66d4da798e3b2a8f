/**
 * Ctrl+Enter (Cmd+Enter on a Mac) saves every note field in Dramatis, as it
 * does in most editors and mail clients.
 */

/** True for the key press that submits a note: Enter with Ctrl or Cmd. */
export function isSubmitShortcut(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}
