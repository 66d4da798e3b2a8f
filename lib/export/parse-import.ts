/**
 * The options page's import: one file, whichever of the formats it is. The
 * format is recognized from the shape, so the reader never has to say which.
 */
import { fromHypothesisExport, hypothesisAnnotations } from './hypothesis';
import { found, ImportError } from './json-shape';
import { describe, isRecord } from '@/lib/model/json-check';
import {
  describeKeys,
  foundKeys,
  fromWebAnnotationCollection,
  type ImportResult,
} from './web-annotation';
import { userMessage } from '@/lib/model/user-error';

/** The formats an import file can be in. */
export type ImportFormat = 'web-annotation' | 'hypothesis';

/** An import file read: its format, the annotations in it and what was left out. */
export interface ParsedImport extends ImportResult {
  format: ImportFormat;
}

const HELP =
  'Choose a file exported by Dramatis (Web Annotation JSON-LD) or a Hypothesis JSON export.';

/**
 * Reads an import file's text. Throws an {@link ImportError} whose message says
 * what is wrong and what to do when the text is not JSON or not a known format;
 * annotations that cannot be read are listed in `skipped` with the reason.
 */
export function parseImport(text: string, now: () => number = Date.now): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(
      'importNotJson',
      [detail, userMessage('importChooseFile')],
      `This file is not valid JSON (${detail}). ${HELP}`,
    );
  }
  if (isWebAnnotation(json)) {
    return { format: 'web-annotation', ...fromWebAnnotationCollection(json, now) };
  }
  if (hypothesisAnnotations(json)) return { format: 'hypothesis', ...fromHypothesisExport(json) };
  const what = isRecord(json) ? `an object with ${describeKeys(json)}` : describe(json);
  throw new ImportError(
    'importNotAnnotations',
    [isRecord(json) ? foundKeys(json) : found(json), userMessage('importChooseFile')],
    `This file holds ${what}, not annotations. ${HELP}`,
  );
}

function isWebAnnotation(json: unknown): boolean {
  if (Array.isArray(json)) {
    // A list is Hypothesis's unless its members say they are Web Annotations.
    return (
      json.length > 0 &&
      isRecord(json[0]) &&
      (json[0].type === 'Annotation' || '@context' in json[0])
    );
  }
  if (!isRecord(json)) return false;
  const type = json.type ?? json['@type'];
  const types = Array.isArray(type) ? type : [type];
  return (
    '@context' in json ||
    types.some((t) => t === 'AnnotationCollection' || t === 'AnnotationPage' || t === 'Annotation')
  );
}
