/**
 * What each message to the background must carry, in words, for the
 * `bad-request` error when its params fail the check in protocol.ts
 * (`PARAMS_VALIDATORS`). The checks answer only yes or no; this tells the
 * developer of the sender what shape was expected.
 */
import {
  MAX_ID_LENGTH,
  MAX_KEY_LENGTH,
  MAX_MATCH_CHARS,
  MAX_MATCH_TEXTS,
  MAX_IMPORT_RECORDS,
  type BackgroundMessageType,
} from './protocol';

const ID = `string (1 to ${MAX_ID_LENGTH} characters)`;
const PAGE = 'url: string, canonicalUrl?: string | null';
const EXTRAS = 'note?: string, tags?: string[], entityIds?: string[]';

/** The expected params of each message, as a TypeScript-like type; a new message without one does not compile. */
export const PARAMS_SHAPES: { readonly [T in BackgroundMessageType]: string } = {
  getStoreStatus: '{}',
  matchPageText: `{ text: string, confirmed: string[] } (at most ${MAX_MATCH_TEXTS} texts joined by U+001E, ${MAX_MATCH_CHARS} characters in all)`,
  getSettings: '{}',
  updateSettings: '{ patch: SettingsPatch }',
  getEntityProfile: `{ entityId: ${ID} }`,
  addEntityNote: `{ entityId: ${ID}, text: string }`,
  updateNote: `{ id: ${ID}, text: string }`,
  deleteNote: `{ id: ${ID} }`,
  saveQuote: `{ ${PAGE}, title: string, quote: TextQuoteSelector, position: TextPositionSelector | null, ${EXTRAS} }`,
  savePageNote: `{ ${PAGE}, title: string, note: string, tags?: string[], entityIds?: string[] }`,
  updateAnnotation: `{ id: ${ID}, ${EXTRAS} }`,
  deleteAnnotation: `{ id: ${ID} }`,
  restoreAnnotation: '{ record: AnnotationRecord } (as deleteAnnotation answered it)',
  getPageAnnotations: `{ ${PAGE} }`,
  listTags: '{}',
  getAnnotation: `{ id: ${ID} }`,
  anchorPageAnnotations: `{ ${PAGE}, text: string }`,
  searchEntities: `{ query: string (at most ${MAX_KEY_LENGTH} characters) }`,
  correctEntity: `{ entityId: ${ID}, correction: EntityCorrection }`,
  importAnnotations: `{ records: AnnotationRecord[] } (at most ${MAX_IMPORT_RECORDS})`,
  addArticle: '{ url: string, claimedUrl?: string | null, extracted: ExtractedDocument }',
  removeArticle: `{ documentId: ${ID} }`,
};

/** The `bad-request` message for params of `type` that failed their check. */
export function paramsProblem(type: BackgroundMessageType): string {
  return `Malformed params for ${type}: expected ${PARAMS_SHAPES[type]}.`;
}
