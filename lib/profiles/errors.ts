/**
 * An error of the profile pipeline that carries a list: a corpus is fixed file
 * by file, so the builder and the reader report every bad file at once instead
 * of stopping at the first. (A bundle's list of problems is lib/model/bundle-error.ts.)
 */
import type { SourceError } from '@/lib/model/source';

/** Several sources could not be used; `errors` names each file and what is wrong with it. */
export class SourceErrors extends Error {
  constructor(readonly errors: readonly SourceError[]) {
    super(errors.map((error) => error.message).join('\n'));
    this.name = 'SourceErrors';
  }
}
