/**
 * Shape checks for a bundle read from JSON: every field of every record has the
 * type the format declares. Problems are collected with their JSON path
 * ("entities[3].aliases[0].source.end") so one run lists everything wrong.
 */

/** Collects problems while walking untrusted JSON. */
export class ShapeChecker {
  readonly problems: string[] = [];

  /** Records a problem at `path`. */
  fail(path: string, problem: string): void {
    this.problems.push(`${path} ${problem}`);
  }

  /** The value as an object, or null (problem recorded) when it is not one. */
  record(path: string, value: unknown): Record<string, unknown> | null {
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
    this.fail(path, `must be an object, found ${describe(value)}`);
    return null;
  }

  /** Checks that `value` is an array and checks each item with `item`. */
  array(path: string, value: unknown, item: (path: string, value: unknown) => void): void {
    if (!Array.isArray(value)) return this.fail(path, `must be a list, found ${describe(value)}`);
    value.forEach((member: unknown, index) => item(`${path}[${index}]`, member));
  }

  /** Records a problem unless `value` is a string. */
  string(path: string, value: unknown): void {
    if (typeof value !== 'string') this.fail(path, `must be a string, found ${describe(value)}`);
  }

  /** Records a problem unless `value` is a string or null. */
  nullableString(path: string, value: unknown): void {
    if (value !== null && typeof value !== 'string')
      this.fail(path, `must be a string or null, found ${describe(value)}`);
  }

  /** Records a problem unless `value` is a boolean. */
  boolean(path: string, value: unknown): void {
    if (typeof value !== 'boolean')
      this.fail(path, `must be true or false, found ${describe(value)}`);
  }

  /** Records a problem unless `value` is a whole number ≥ 0 (offsets, counts). */
  count(path: string, value: unknown): void {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      this.fail(path, `must be a whole number ≥ 0, found ${describe(value)}`);
    }
  }

  /** Records a problem unless `value` is one of `allowed`. */
  oneOf(path: string, value: unknown, allowed: readonly string[]): void {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.fail(
        path,
        `must be one of ${allowed.map((option) => `"${option}"`).join(', ')}, found ${describe(value)}`,
      );
    }
  }

  /** A {@link SourceSpan}: `doc` and two counts (their meaning is checked against the documents later). */
  span(path: string, value: unknown): void {
    const span = this.record(path, value);
    if (!span) return;
    this.string(`${path}.doc`, span.doc);
    this.count(`${path}.start`, span.start);
    this.count(`${path}.end`, span.end);
  }
}

/** A short description of a wrong value for an error message. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string')
    return value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

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
    check.span(`${itemPath}.source`, alias.source);
  });
  check.array(`${path}.roles`, entity.roles, (itemPath, item) => {
    const role = check.record(itemPath, item);
    if (!role) return;
    check.string(`${itemPath}.title`, role.title);
    check.nullableString(`${itemPath}.organizationId`, role.organizationId);
    check.span(`${itemPath}.source`, role.source);
  });
  check.array(`${path}.affiliations`, entity.affiliations, (itemPath, item) => {
    const affiliation = check.record(itemPath, item);
    if (!affiliation) return;
    check.string(`${itemPath}.entityId`, affiliation.entityId);
    check.string(`${itemPath}.name`, affiliation.name);
    check.span(`${itemPath}.source`, affiliation.source);
  });
  check.array(`${path}.quotes`, entity.quotes, (itemPath, item) => {
    const quote = check.record(itemPath, item);
    if (!quote) return;
    check.string(`${itemPath}.text`, quote.text);
    check.span(`${itemPath}.source`, quote.source);
    check.span(`${itemPath}.context`, quote.context);
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
