/**
 * The one way Dramatis checks untrusted JSON (messages between contexts,
 * bundles, import files, stored settings): {@link isRecord} for a JSON
 * object, {@link describe} for what was found instead, and
 * {@link ShapeChecker}, which walks a value and collects every problem with
 * its JSON path ("entities[3].aliases[0].source.end"). Checks that answer
 * yes or no (a message's params) build on the first; checks that must say
 * what is wrong (a bundle, an import file) on the others.
 */

/** A JSON object. */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object: not null, not a list. */
export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a wrong value for an error message: `null`, `a list`, `"text…"`, `42`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string')
    return value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Collects problems while walking untrusted JSON. */
export class ShapeChecker {
  readonly problems: string[] = [];

  /** Records a problem at `path`. */
  fail(path: string, problem: string): void {
    this.problems.push(`${path} ${problem}`);
  }

  /** The value as an object, or null (problem recorded) when it is not one. */
  record(path: string, value: unknown): Record<string, unknown> | null {
    if (isRecord(value)) return value;
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
}
