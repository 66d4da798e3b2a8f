/**
 * Sidecar metadata: `<name>.meta.json` next to a source document supplies what
 * the text itself may not state (credit line, canonical URL, byline).
 */
import { SourceError, type SourceMeta } from '@/lib/model/source';

const STRING_FIELDS = ['title', 'publisher', 'published', 'url', 'attribution'] as const;
const KNOWN_FIELDS = new Set<string>([...STRING_FIELDS, 'byline']);

/**
 * Validates a parsed sidecar. `null` stands for "not known" and is dropped; an
 * unknown field is an error, since a misspelt "atribution" would otherwise lose
 * the credit line without a word. Throws a {@link SourceError} naming `origin`
 * and every problem found.
 */
export function parseSourceMeta(json: unknown, origin: string): SourceMeta {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new SourceError(
      origin,
      'must hold a JSON object such as {"attribution": "…", "url": "…"}',
    );
  }
  const problems: string[] = [];
  const meta: SourceMeta = {};
  for (const field of Object.keys(json)) {
    if (!KNOWN_FIELDS.has(field))
      problems.push(`unknown field "${field}" (known: ${[...KNOWN_FIELDS].join(', ')})`);
  }
  const record = json as Record<string, unknown>;
  for (const field of STRING_FIELDS) {
    const value = record[field];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') meta[field] = value;
    else problems.push(`"${field}" must be a string or null`);
  }
  const byline = record.byline;
  if (Array.isArray(byline) && byline.every((name): name is string => typeof name === 'string'))
    meta.byline = byline;
  else if (byline !== undefined && byline !== null)
    problems.push('"byline" must be a list of names');
  if (problems.length > 0) throw new SourceError(origin, problems.join('; '));
  return meta;
}
