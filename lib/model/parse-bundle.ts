/**
 * Reading a bundle: the one gate every bundle passes before it reaches the store,
 * whether shipped with the extension, imported by a reader or scanned by the CLI.
 * Browser-safe (no Node modules).
 */
import {
  BUNDLE_FORMAT_NAME,
  BUNDLE_FORMAT_VERSION,
  type ProfileBundle,
  type SourceSpan,
} from './bundle-format';
import { bundleHash } from './bundle-hash';
import { checkDocument, checkEntity } from './bundle-shape';
import { describe, ShapeChecker } from './json-check';
import { BundleError } from '@/lib/model/bundle-error';

/** How {@link parseBundle} reports and how much it checks. */
export interface ParseBundleOptions {
  /** Names the bundle in errors (a file name or URL); default "bundle". */
  origin?: string;
  /**
   * Recompute the hash and refuse a bundle whose content does not match it (edited
   * by hand or cut short). Default true; costs one SHA-256 over the content.
   */
  verifyHash?: boolean;
}

/**
 * Validates parsed JSON as a {@link ProfileBundle} and returns it typed.
 *
 * Checks, in order, stopping after the first step that fails: the format name and
 * version ("bundle version 2 is not supported; this build reads version 1"); the
 * shape of every record; that every id is unique and every reference resolves
 * (affiliations, roles' organizations, related entities, mention documents, and
 * every span inside its document's text); and the hash. Throws a
 * {@link BundleError} listing each problem with its JSON path.
 */
export function parseBundle(json: unknown, options: ParseBundleOptions = {}): ProfileBundle {
  const origin = options.origin ?? 'bundle';
  const check = new ShapeChecker();
  const top = check.record('the bundle', json);
  if (!top) throw new BundleError(origin, check.problems);
  if (top.format !== BUNDLE_FORMAT_NAME) {
    throw new BundleError(origin, [
      `is not a Dramatis profile bundle (format is ${describe(top.format)}, expected "${BUNDLE_FORMAT_NAME}")`,
    ]);
  }
  if (top.version !== BUNDLE_FORMAT_VERSION) {
    const found = typeof top.version === 'number' ? String(top.version) : describe(top.version);
    throw new BundleError(origin, [
      `bundle version ${found} is not supported; this build reads version ${BUNDLE_FORMAT_VERSION}`,
    ]);
  }
  if (typeof top.hash !== 'string' || !/^[0-9a-f]{64}$/.test(top.hash))
    check.fail('hash', `must be 64 lowercase hex digits, found ${describe(top.hash)}`);
  check.array('documents', top.documents, (path, value) => checkDocument(check, path, value));
  check.array('entities', top.entities, (path, value) => checkEntity(check, path, value));
  if (check.problems.length > 0) throw new BundleError(origin, check.problems);

  // Every field now has its declared type.
  const bundle = json as ProfileBundle;
  const problems = findBrokenReferences(bundle);
  if (problems.length > 0) throw new BundleError(origin, problems);
  if ((options.verifyHash ?? true) && bundleHash(bundle) !== bundle.hash) {
    throw new BundleError(origin, [
      'content does not match its hash (edited or cut short); rebuild it with `npm run profiles -- build`',
    ]);
  }
  return bundle;
}

/** Parses bundle file text; invalid JSON (typically a file cut short) is reported as such, naming `origin`. */
export function parseBundleText(
  text: string,
  origin: string,
  options: Omit<ParseBundleOptions, 'origin'> = {},
): ProfileBundle {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BundleError(origin, [
      `is not valid JSON, perhaps cut short (${reason}); rebuild it with \`npm run profiles -- build\``,
    ]);
  }
  return parseBundle(json, { ...options, origin });
}

/** Duplicate ids and references that point at nothing, each with its JSON path. */
function findBrokenReferences(bundle: ProfileBundle): string[] {
  const problems: string[] = [];
  const textLength = new Map<string, number>();
  bundle.documents.forEach((doc, index) => {
    if (textLength.has(doc.id))
      problems.push(`documents[${index}].id "${doc.id}" is used by another document too`);
    textLength.set(doc.id, doc.text.length);
  });
  const entityIds = new Set<string>();
  bundle.entities.forEach((entity, index) => {
    if (entityIds.has(entity.id))
      problems.push(`entities[${index}].id "${entity.id}" is used by another entity too`);
    entityIds.add(entity.id);
  });

  const span = (path: string, value: SourceSpan): void => {
    const length = textLength.get(value.doc);
    if (length === undefined)
      problems.push(`${path}.doc "${value.doc}" points at no document in the bundle`);
    else if (value.start > value.end || value.end > length) {
      problems.push(
        `${path} [${value.start}, ${value.end}) lies outside document "${value.doc}" (its text has ${length} characters)`,
      );
    }
  };
  const entity = (path: string, id: string): void => {
    if (!entityIds.has(id)) problems.push(`${path} "${id}" points at no entity in the bundle`);
  };

  bundle.entities.forEach((item, index) => {
    const path = `entities[${index}] (${item.id})`;
    item.aliases.forEach((alias, i) => span(`${path}.aliases[${i}].source`, alias.source));
    item.roles.forEach((role, i) => {
      if (role.organizationId !== null)
        entity(`${path}.roles[${i}].organizationId`, role.organizationId);
      span(`${path}.roles[${i}].source`, role.source);
    });
    item.affiliations.forEach((affiliation, i) => {
      entity(`${path}.affiliations[${i}].entityId`, affiliation.entityId);
      span(`${path}.affiliations[${i}].source`, affiliation.source);
    });
    item.quotes.forEach((quote, i) => {
      span(`${path}.quotes[${i}].source`, quote.source);
      span(`${path}.quotes[${i}].context`, quote.context);
    });
    item.mentions.forEach((mention, i) => {
      if (!textLength.has(mention.doc))
        problems.push(
          `${path}.mentions[${i}].doc "${mention.doc}" points at no document in the bundle`,
        );
    });
    item.related.forEach((related, i) =>
      entity(`${path}.related[${i}].entityId`, related.entityId),
    );
  });
  return problems;
}
