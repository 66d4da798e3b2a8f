/**
 * Annotations as Markdown, for pasting into a story draft or a notes app:
 * grouped by page (what was read where) or by entity (everything about one
 * person or organization, across pages).
 */
import type { AnnotationRecord } from '@/lib/model/records';
import { webLinkTarget } from '@/lib/model/web-link';

/** How to group the annotations. */
export interface MarkdownOptions {
  groupBy: 'page' | 'entity';
}

/** The heading of annotations about no known entity when grouping by entity. */
export const NO_ENTITY_HEADING = 'Not linked to a person or organization';

/** Markdown of `records`: a heading per group, each annotation's quote, note, tags and entities. */
export function toMarkdown(
  records: readonly AnnotationRecord[],
  options: MarkdownOptions,
  entityName: (entityId: string) => string | undefined,
): string {
  const nameOf = (id: string) => entityName(id) ?? id;
  const groups = options.groupBy === 'page' ? byPage(records) : byEntity(records, nameOf);
  const lines = [
    `# Dramatis annotations`,
    '',
    `${records.length} annotation${records.length === 1 ? '' : 's'}.`,
  ];
  for (const group of groups) {
    lines.push('', `## ${group.heading}`);
    for (const record of [...group.records].sort((a, b) => a.created - b.created)) {
      lines.push('', ...annotationLines(record, options.groupBy, nameOf));
    }
  }
  return `${lines.join('\n')}\n`;
}

interface Group {
  heading: string;
  records: AnnotationRecord[];
}

function byPage(records: readonly AnnotationRecord[]): Group[] {
  const pages = new Map<string, AnnotationRecord[]>();
  for (const record of records) pages.set(record.url, [...(pages.get(record.url) ?? []), record]);
  return [...pages]
    .map(([url, list]) => {
      const title = escapeInline(
        list.find((record) => record.title !== '')?.title || url || 'No page',
      );
      return { heading: linkOrText(title, url), records: list };
    })
    .sort((a, b) => a.heading.localeCompare(b.heading));
}

function byEntity(records: readonly AnnotationRecord[], nameOf: (id: string) => string): Group[] {
  const entities = new Map<string, AnnotationRecord[]>();
  const none: AnnotationRecord[] = [];
  for (const record of records) {
    if (record.entityIds.length === 0) none.push(record);
    for (const id of new Set(record.entityIds))
      entities.set(id, [...(entities.get(id) ?? []), record]);
  }
  const groups = [...entities]
    .map(([id, list]) => ({ heading: escapeInline(nameOf(id)), records: list }))
    .sort((a, b) => a.heading.localeCompare(b.heading));
  if (none.length > 0) groups.push({ heading: NO_ENTITY_HEADING, records: none });
  return groups;
}

function annotationLines(
  record: AnnotationRecord,
  groupBy: MarkdownOptions['groupBy'],
  nameOf: (id: string) => string,
): string[] {
  const lines: string[] = [];
  if (record.quote) {
    // Every line of a multi-paragraph quote stays inside the blockquote.
    lines.push(
      ...record.quote.exact.split(/\r?\n/).map((line) => `> ${escapeInline(line)}`.trimEnd()),
    );
  }
  if (record.note !== '') {
    if (lines.length > 0) lines.push('');
    lines.push(...record.note.split(/\r?\n/).map(escapeBlock));
  }
  const facts: string[] = [new Date(record.created).toISOString().slice(0, 10)];
  if (groupBy === 'entity' && record.url !== '') {
    facts.push(linkOrText(escapeInline(record.title || record.site || record.url), record.url));
  }
  if (record.tags.length > 0) facts.push(`tags: ${record.tags.map(escapeInline).join(', ')}`);
  if (groupBy === 'page' && record.entityIds.length > 0) {
    facts.push(`about: ${record.entityIds.map((id) => escapeInline(nameOf(id))).join(', ')}`);
  }
  lines.push('', `— ${facts.join(' · ')}`);
  return lines;
}

/** Escapes what would turn plain text into links, emphasis or HTML. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (char) => `\\${char}`);
}

/** Like {@link escapeInline}, and keeps a line from starting a list, quote or heading. */
function escapeBlock(line: string): string {
  return escapeInline(line).replace(/^(\s*)([-+>]|\d+\.)(?=\s|$)/, '$1\\$2');
}

/**
 * `text` (already escaped) linked to `url` when it is an http(s) address;
 * any other address (javascript:, data:, an imported urn:) is written after
 * the text as escaped code, never as a link target.
 */
function linkOrText(text: string, url: string): string {
  if (url === '') return text;
  const target = webLinkTarget(url);
  if (target === null) return `${text} (\`${url.replace(/`/g, "'")}\`)`;
  return `[${text}](${escapeUrl(target)})`;
}

/**
 * A URL as a link destination: a space, a parenthesis or a bracket would end
 * it early or open another link. (encodeURIComponent leaves parentheses as
 * they are, so each is written out.)
 */
function escapeUrl(url: string): string {
  return url.replace(
    /[\s()<>[\]]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
