/**
 * Errors of the profile pipeline that carry a list: a corpus is fixed file by
 * file, so the builder and the reader report every bad file at once instead of
 * stopping at the first.
 */
import type { SourceError } from '@/lib/extract/types';

/** Several sources could not be used; `errors` names each file and what is wrong with it. */
export class SourceErrors extends Error {
  constructor(readonly errors: readonly SourceError[]) {
    super(errors.map((error) => error.message).join('\n'));
    this.name = 'SourceErrors';
  }
}

/** Shown problems per bundle error; a corrupt bundle can have thousands, and the first ones say enough. */
const MAX_LISTED_PROBLEMS = 20;

/** A bundle that cannot be read; `problems` lists each thing wrong with it, with its JSON path. */
export class BundleError extends Error {
  constructor(
    readonly origin: string,
    readonly problems: readonly string[],
  ) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => `  - ${problem}`);
    if (problems.length > MAX_LISTED_PROBLEMS)
      listed.push(`  … and ${problems.length - MAX_LISTED_PROBLEMS} more`);
    super(
      problems.length === 1
        ? `${origin}: ${problems[0]}`
        : `${origin}: not a usable profile bundle:\n${listed.join('\n')}`,
    );
    this.name = 'BundleError';
  }
}
