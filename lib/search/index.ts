/** Search over saved annotations: the query syntax and the incremental index. */
export {
  parseQuery,
  EMPTY_QUERY,
  type ParsedQuery,
  type QueryFilter,
  type FilterField,
} from './query';
export {
  createSearchIndex,
  type SearchIndex,
  type SearchResult,
  type SearchOptions,
} from './search-index';
export { SEARCH_FIELDS, type SearchField, type FieldMatch } from './record-fields';
export { foldTerm, tokenize, type Token } from './tokenize';
