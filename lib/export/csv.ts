/**
 * Annotations as CSV, for a spreadsheet. RFC 4180 (CRLF line ends, fields quoted
 * when they hold a comma, quote or line break, quotes doubled), and safe to open:
 * a cell a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) is prefixed with an apostrophe, since quotes from web pages
 * are written by strangers.
 */
import type { AnnotationRecord } from '@/lib/model/records';

/** The header row, in column order. */
export const CSV_COLUMNS = [
  'id',
  'created',
  'updated',
  'url',
  'title',
  'site',
  'quote',
  'note',
  'tags',
  'entities',
  'entity ids',
] as const;

/** One CSV document of `records`, a header row first. */
export function toCsv(
  records: readonly AnnotationRecord[],
  entityName: (entityId: string) => string | undefined,
): string {
  const rows = records.map((record) => [
    record.id,
    new Date(record.created).toISOString(),
    new Date(record.updated).toISOString(),
    record.url,
    record.title,
    record.site,
    record.quote?.exact ?? '',
    record.note,
    record.tags.join('; '),
    record.entityIds.map((id) => entityName(id) ?? id).join('; '),
    record.entityIds.join('; '),
  ]);
  return [CSV_COLUMNS, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** One field: defused if a spreadsheet would evaluate it, then quoted if needed. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
