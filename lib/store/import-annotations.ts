/**
 * Adding imported annotations to the store: a preview of what an import would
 * do, then the import itself in one transaction, so a file is either imported
 * whole or not at all (a half-imported file would be hard for the reader to
 * find and undo).
 */
import {
  checkNoteLength,
  cleanEntityIds,
  cleanTags,
  cleanTitle,
  MAX_CONTEXT_LENGTH,
  MAX_QUOTE_LENGTH,
} from './annotation-input';

import type { DramatisDB } from './db';

import type { AnnotationRecord } from '@/lib/model/records';

import { userMessageOf, UserError } from '@/lib/model/user-error';
import type { ImportOutcome, Rejection } from '@/lib/model/views';

/** What importing a list of annotations would do. */
export interface ImportPlan {
  /** New annotations, tidied the way the store keeps them (tags lower-cased, duplicates dropped). */
  toAdd: AnnotationRecord[];
  /** Annotations whose id is already stored (or repeated in the file): left as they are. */
  duplicates: AnnotationRecord[];
  /** Annotations the store would refuse, with the reason (a note over the length limit…). */
  rejected: Rejection[];
}

/**
 * The preview: which of `records` are new, which are already stored (same id:
 * the same annotation exported from this or another browser) and which cannot
 * be stored. Reads only.
 */
export async function planImport(
  db: DramatisDB,
  records: readonly AnnotationRecord[],
): Promise<ImportPlan> {
  const stored = await db.annotations.bulkGet(records.map((record) => record.id));
  const plan: ImportPlan = { toAdd: [], duplicates: [], rejected: [] };
  const seen = new Set<string>();
  records.forEach((record, index) => {
    if (stored[index] !== undefined || seen.has(record.id)) {
      plan.duplicates.push(record);
      return;
    }
    seen.add(record.id);
    try {
      plan.toAdd.push(tidy(record));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const userMessage = userMessageOf(error);
      plan.rejected.push({ id: record.id, reason, ...(userMessage && { userMessage }) });
    }
  });
  return plan;
}

/**
 * Adds every new annotation of `records` in ONE read-write transaction: if any
 * write fails (storage full, a record IndexedDB refuses) nothing is added and
 * the error is thrown. Duplicates are planned inside the transaction, so an
 * annotation saved meanwhile in another window is not overwritten.
 */
export async function commitImport(
  db: DramatisDB,
  records: readonly AnnotationRecord[],
): Promise<ImportOutcome> {
  return db.transaction('rw', db.annotations, async () => {
    const plan = await planImport(db, records);
    // A refused record makes bulkAdd reject; left uncaught, that aborts the transaction
    // and IndexedDB undoes every add made in it.
    await db.annotations.bulkAdd(plan.toAdd);
    return {
      added: plan.toAdd.length,
      duplicates: plan.duplicates.length,
      rejected: plan.rejected,
    };
  });
}

/** Longest annotation id the store keeps (as checkRecord does for a restored record). */
const MAX_ID_LENGTH = 300;

/**
 * The record as the store keeps it; throws with a reason when the store would
 * refuse it. An import file is untrusted: a saved page's title is cut like a
 * new save's, and context or ids beyond what any save produces are refused.
 */
function tidy(record: AnnotationRecord): AnnotationRecord {
  if (record.id.length > MAX_ID_LENGTH) {
    throw new UserError(
      'importIdTooLong',
      [MAX_ID_LENGTH],
      `The id is longer than ${MAX_ID_LENGTH} characters.`,
    );
  }
  const quote = record.quote;
  if (quote && quote.exact.length > MAX_QUOTE_LENGTH) {
    throw new UserError(
      'importQuoteTooLong',
      [MAX_QUOTE_LENGTH],
      `The quote is longer than ${MAX_QUOTE_LENGTH.toLocaleString('en-US')} characters.`,
    );
  }
  if (quote && Math.max(quote.prefix.length, quote.suffix.length) > MAX_CONTEXT_LENGTH) {
    throw new UserError(
      'importContextTooLong',
      [MAX_CONTEXT_LENGTH],
      `The text around the quote is longer than ${MAX_CONTEXT_LENGTH.toLocaleString('en-US')} characters.`,
    );
  }
  return {
    ...record,
    title: cleanTitle(record.title),
    note: checkNoteLength(record.note),
    tags: cleanTags(record.tags),
    entityIds: cleanEntityIds(record.entityIds),
  };
}
