/**
 * Running the pipeline on one dev text as a reader adding one article would:
 * the text alone built into its own bundle by the CLI's builder, then the
 * file scanned against that bundle by the CLI's matcher.
 */
import { buildBundle } from '@/lib/profiles/build-bundle';
import { SourceErrors } from '@/lib/profiles/errors';
import { buildAliasIndex, matchText } from '@/lib/match';
import type { DevText } from './corpus';
import type { TextOutcome } from './score';

/** Builds `text` alone and scans its raw file with the result; a refused article is an outcome, not an error. */
export function runText(text: DevText): TextOutcome {
  try {
    const bundle = buildBundle([text.source]);
    const { mentions } = matchText(text.raw, buildAliasIndex(bundle.entities));
    return { refused: false, entities: bundle.entities, mentions };
  } catch (error) {
    if (error instanceof SourceErrors)
      return { refused: true, reason: error.errors.map((e) => e.problem).join('; ') };
    throw error;
  }
}
