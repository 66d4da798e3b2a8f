/**
 * Reading untrusted JSON from an import file: small checks that name the path
 * of what is wrong ("items[3].target.selector: expected …, found …"), so the
 * options page can tell the reader which annotation of the file it skipped.
 * Each problem is a message the options page translates (lib/model/user-error.ts),
 * with the path and the value found as its substitutions.
 */
import {
  userMessage,
  UserError,
  type Substitution,
  type UserMessage,
} from '@/lib/model/user-error';
import { describe, isRecord, type JsonObject } from '@/lib/model/json-check';

/** An import file that cannot be read at all: the message says what is wrong and what to do. */
export class ImportError extends UserError {
  override name = 'ImportError';
}

/** A problem with one part of the file; the annotation holding it is skipped. */
export class ShapeError extends UserError {
  override name = 'ShapeError';

  /**
   * `path` locates the value in the file ("items[3].target"); `problem` says
   * what is wrong with it, for the reader and (`english`) for the log.
   */
  constructor(
    readonly path: string,
    problem: UserMessage,
    english: string,
  ) {
    super('importFieldProblem', [path, problem], `${path}: ${english}`);
  }
}

/** {@link describe} for the reader: a value as the file writes it, or what kind of value it is. */
export function found(value: unknown): Substitution {
  if (value === undefined) return userMessage('foundNothing');
  if (Array.isArray(value)) return userMessage('foundList');
  if (value !== null && typeof value === 'object') return userMessage('foundObject');
  return describe(value);
}

/** The value as an object, or a {@link ShapeError}. */
export function objectAt(path: string, value: unknown): JsonObject {
  if (isRecord(value)) return value;
  throw new ShapeError(
    path,
    userMessage('expectedObject', found(value)),
    `expected an object, found ${describe(value)}`,
  );
}

/** The value as a string, or a {@link ShapeError}. */
export function stringAt(path: string, value: unknown): string {
  if (typeof value === 'string') return value;
  throw new ShapeError(
    path,
    userMessage('expectedString', found(value)),
    `expected a string, found ${describe(value)}`,
  );
}

/** The value as a string, '' when absent, or a {@link ShapeError} for anything else. */
export function optionalStringAt(path: string, value: unknown): string {
  return value === undefined || value === null ? '' : stringAt(path, value);
}

/** The value as a whole number ≥ 0, or a {@link ShapeError}. */
export function countAt(path: string, value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new ShapeError(
    path,
    userMessage('expectedCount', found(value)),
    `expected a whole number ≥ 0, found ${describe(value)}`,
  );
}

/** Milliseconds since the epoch of an ISO 8601 date string, or a {@link ShapeError}. */
export function dateAt(path: string, value: unknown): number {
  const text = stringAt(path, value);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    throw new ShapeError(
      path,
      userMessage('expectedDate', found(text)),
      `expected an ISO 8601 date, found ${describe(text)}`,
    );
  }
  return ms;
}

/** A list of strings (absent: empty), or a {@link ShapeError} naming the bad member. */
export function stringListAt(path: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new ShapeError(
      path,
      userMessage('expectedStringList', found(value)),
      `expected a list of strings, found ${describe(value)}`,
    );
  }
  return value.map((member: unknown, index) => stringAt(`${path}[${index}]`, member));
}

/** A value the model allows as one item or a list of items, as a list (absent: empty). */
export function oneOrMany(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The host name of a page address, '' when it has none (urn:, garbage). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
