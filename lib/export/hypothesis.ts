/**
 * Importing a Hypothesis export: the client's JSON export
 * (`{export_date, annotations: [...]}`), the API's search answer (`{rows: [...]}`)
 * or a bare list of annotations. Ids become `hypothesis:<id>`, so importing the
 * same export twice finds every annotation already stored.
 */
import type {
  AnnotationRecord,
  TextPositionSelector,
  TextQuoteSelector,
} from '@/lib/model/records';
import {
  countAt,
  dateAt,
  found as foundValue,
  objectAt,
  optionalStringAt,
  ShapeError,
  siteOf,
  stringAt,
  stringListAt,
} from './json-shape';
import { describe, isRecord, type JsonObject } from '@/lib/model/json-check';
import type { ImportResult, Skipped } from './web-annotation';
import { userMessage } from '@/lib/model/user-error';

/** The list of annotations of a Hypothesis export, or null when `json` is not one. */
export function hypothesisAnnotations(json: unknown): { items: unknown[]; path: string } | null {
  if (Array.isArray(json)) return { items: json, path: '' };
  if (isRecord(json) && Array.isArray(json.annotations))
    return { items: json.annotations, path: 'annotations' };
  if (isRecord(json) && Array.isArray(json.rows)) return { items: json.rows, path: 'rows' };
  return null;
}

/**
 * The annotations of a Hypothesis export. Replies are skipped (they answer someone
 * else's annotation, not the page), and so are highlights with nothing to keep.
 */
export function fromHypothesisExport(json: unknown): ImportResult {
  const found = hypothesisAnnotations(json);
  const result: ImportResult = { records: [], skipped: [] };
  if (!found) {
    const skip: Skipped = {
      reason: `expected a list of annotations, found ${describe(json)}`,
      userMessage: userMessage('expectedAnnotationList', foundValue(json)),
    };
    return { ...result, skipped: [skip] };
  }
  found.items.forEach((item: unknown, index) => {
    const path = `${found.path}[${index}]`;
    try {
      const record = readHypothesis(path, item);
      if ('reason' in record) result.skipped.push(record);
      else result.records.push(record);
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      result.skipped.push({ reason: error.message, userMessage: error.userMessage });
    }
  });
  return result;
}

/** The record, or why the annotation at `path` is left out. */
function readHypothesis(path: string, value: unknown): AnnotationRecord | Skipped {
  const item = objectAt(path, value);
  if (Array.isArray(item.references) && item.references.length > 0) {
    return {
      reason: `${path}: a reply to another annotation, not a note on the page`,
      userMessage: userMessage('importFieldProblem', path, userMessage('skippedReply')),
    };
  }
  const id = stringAt(`${path}.id`, item.id);
  const url = stringAt(`${path}.uri`, item.uri);
  const created = dateAt(`${path}.created`, item.created);
  const updated = item.updated === undefined ? created : dateAt(`${path}.updated`, item.updated);
  const { quote, position } = readSelectors(`${path}.target`, item.target);
  const note = optionalStringAt(`${path}.text`, item.text);
  const tags = stringListAt(`${path}.tags`, item.tags);
  if (!quote && note.trim() === '' && tags.length === 0) {
    return {
      reason: `${path}: no quote, note or tag to keep (a highlight whose quote was not exported)`,
      userMessage: userMessage('importFieldProblem', path, userMessage('skippedEmptyHighlight')),
    };
  }
  return {
    id: `hypothesis:${id}`,
    url,
    title: titleOf(path, item.document),
    site: siteOf(url),
    created,
    updated,
    quote,
    position,
    note,
    tags,
    entityIds: [],
  };
}

function titleOf(path: string, document: unknown): string {
  if (!isRecord(document)) return '';
  const title = document.title;
  if (Array.isArray(title)) return optionalStringAt(`${path}.document.title[0]`, title[0]);
  return optionalStringAt(`${path}.document.title`, title);
}

function readSelectors(
  path: string,
  value: unknown,
): { quote: TextQuoteSelector | null; position: TextPositionSelector | null } {
  let quote: TextQuoteSelector | null = null;
  let position: TextPositionSelector | null = null;
  if (value === undefined) return { quote, position };
  if (!Array.isArray(value))
    throw new ShapeError(
      path,
      userMessage('expectedTargetList', foundValue(value)),
      `expected a list of targets, found ${describe(value)}`,
    );
  if (value.length === 0) return { quote, position };
  const target = objectAt(`${path}[0]`, value[0]);
  if (target.selector === undefined) return { quote, position };
  if (!Array.isArray(target.selector)) {
    throw new ShapeError(
      `${path}[0].selector`,
      userMessage('expectedArray', foundValue(target.selector)),
      `expected an array, found ${describe(target.selector)}`,
    );
  }
  target.selector.forEach((member: unknown, index) => {
    const at = `${path}[0].selector[${index}]`;
    const selector: JsonObject = objectAt(at, member);
    // RangeSelector (XPaths into Hypothesis's view of the page) cannot be re-found here.
    if (selector.type === 'TextQuoteSelector' && !quote) {
      quote = {
        type: 'TextQuoteSelector',
        exact: stringAt(`${at}.exact`, selector.exact),
        prefix: optionalStringAt(`${at}.prefix`, selector.prefix),
        suffix: optionalStringAt(`${at}.suffix`, selector.suffix),
      };
    }
    if (selector.type === 'TextPositionSelector' && !position) {
      const start = countAt(`${at}.start`, selector.start);
      const end = countAt(`${at}.end`, selector.end);
      if (end >= start) position = { type: 'TextPositionSelector', start, end };
    }
  });
  return { quote, position };
}
