/**
 * A bundle that cannot be read, with every problem found in it: a corrupt
 * bundle is reported whole, so it is fixed in one go.
 */

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
