/**
 * Shape checks for a bundle read from JSON: every field of every record has the
 * type the format declares. Problems are collected with their JSON path
 * ("entities[3].aliases[0].source.end") so one run lists everything wrong.
 */
import type { ShapeChecker } from './json-check';

const ALIAS_FORMS = ['name', 'acronym', 'short', 'honorific', 'variant'] as const;
const ENTITY_KINDS = ['person', 'organization', 'place'] as const;

/** Checks one {@link SourceDocument}. */
export function checkDocument(check: ShapeChecker, path: string, value: unknown): void {
  const doc = check.record(path, value);
  if (!doc) return;
  for (const field of ['id', 'origin', 'title', 'text'] as const)
    check.string(`${path}.${field}`, doc[field]);
  for (const field of ['publisher', 'published', 'url', 'attribution'] as const)
    check.nullableString(`${path}.${field}`, doc[field]);
  check.array(`${path}.byline`, doc.byline, (itemPath, name) => check.string(itemPath, name));
  check.count(`${path}.wordCount`, doc.wordCount);
}

/** Checks one {@link Entity} and everything inside it. */
export function checkEntity(check: ShapeChecker, path: string, value: unknown): void {
  const entity = check.record(path, value);
  if (!entity) return;
  check.string(`${path}.id`, entity.id);
  check.oneOf(`${path}.kind`, entity.kind, ENTITY_KINDS);
  check.string(`${path}.name`, entity.name);
  check.array(`${path}.aliases`, entity.aliases, (itemPath, item) => {
    const alias = check.record(itemPath, item);
    if (!alias) return;
    check.string(`${itemPath}.text`, alias.text);
    check.string(`${itemPath}.key`, alias.key);
    check.oneOf(`${itemPath}.form`, alias.form, ALIAS_FORMS);
    check.boolean(`${itemPath}.ambiguous`, alias.ambiguous);
    checkSpan(check, `${itemPath}.source`, alias.source);
  });
  check.array(`${path}.roles`, entity.roles, (itemPath, item) => {
    const role = check.record(itemPath, item);
    if (!role) return;
    check.string(`${itemPath}.title`, role.title);
    check.nullableString(`${itemPath}.organizationId`, role.organizationId);
    checkSpan(check, `${itemPath}.source`, role.source);
  });
  check.array(`${path}.affiliations`, entity.affiliations, (itemPath, item) => {
    const affiliation = check.record(itemPath, item);
    if (!affiliation) return;
    check.string(`${itemPath}.entityId`, affiliation.entityId);
    check.string(`${itemPath}.name`, affiliation.name);
    checkSpan(check, `${itemPath}.source`, affiliation.source);
  });
  check.array(`${path}.quotes`, entity.quotes, (itemPath, item) => {
    const quote = check.record(itemPath, item);
    if (!quote) return;
    check.string(`${itemPath}.text`, quote.text);
    checkSpan(check, `${itemPath}.source`, quote.source);
    checkSpan(check, `${itemPath}.context`, quote.context);
  });
  check.array(`${path}.mentions`, entity.mentions, (itemPath, item) => {
    const mention = check.record(itemPath, item);
    if (!mention) return;
    check.string(`${itemPath}.doc`, mention.doc);
    check.count(`${itemPath}.count`, mention.count);
  });
  check.array(`${path}.related`, entity.related, (itemPath, item) => {
    const related = check.record(itemPath, item);
    if (!related) return;
    check.string(`${itemPath}.entityId`, related.entityId);
    check.count(`${itemPath}.documents`, related.documents);
  });
}

/** A {@link SourceSpan}: `doc` and two counts (their meaning is checked against the documents later). */
function checkSpan(check: ShapeChecker, path: string, value: unknown): void {
  const span = check.record(path, value);
  if (!span) return;
  check.string(`${path}.doc`, span.doc);
  check.count(`${path}.start`, span.start);
  check.count(`${path}.end`, span.end);
}
