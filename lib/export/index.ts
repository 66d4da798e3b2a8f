/** Export and import of saved annotations: Web Annotation JSON-LD, Hypothesis, Markdown, CSV. */
export {
  ANNO_CONTEXT,
  fromWebAnnotationCollection,
  toWebAnnotationCollection,
  type ImportResult,
  type WebAnnotation,
  type WebAnnotationBody,
  type WebAnnotationCollection,
  type WebAnnotationSelector,
} from './web-annotation';
export { fromHypothesisExport } from './hypothesis';
export { parseImport, type ImportFormat, type ParsedImport } from './parse-import';
export { ImportError } from './json-shape';
export { toMarkdown, NO_ENTITY_HEADING, type MarkdownOptions } from './markdown';
export { toCsv, csvCell, CSV_COLUMNS } from './csv';
