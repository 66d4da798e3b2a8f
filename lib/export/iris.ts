/**
 * The IRIs our export gives annotations, entities and page-less notes. Records
 * keep plain ids; the Web Annotation model wants IRIs, so each id is wrapped on
 * export and unwrapped on import, exactly, so a file round-trips.
 */

/** Prefix of entity ids written as IRIs. */
export const ENTITY_URN = 'urn:dramatis:entity:';
/** Prefix of annotation ids that are not UUIDs (notes from tests, older versions, imports). */
export const ANNOTATION_URN = 'urn:dramatis:annotation:';
/** The target of an annotation made outside any page (a note written in the standalone card). */
export const NO_PAGE = 'urn:dramatis:no-page';
/** Any IRI of ours: never a page address. */
export const OUR_URN = 'urn:dramatis:';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The IRI of an annotation id: `urn:uuid:` for UUIDs, our own URN otherwise. */
export function annotationIri(id: string): string {
  return UUID.test(id)
    ? `urn:uuid:${id}`
    : `${ANNOTATION_URN}${encodeURIComponent(id.toWellFormed())}`;
}

/** The IRI of an entity id. */
export function entityIri(id: string): string {
  return `${ENTITY_URN}${encodeURIComponent(id.toWellFormed())}`;
}
