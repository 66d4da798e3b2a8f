/**
 * Running axe-core on an extension page (or the card's frame) from an E2E test.
 *
 * Extension pages forbid inline and foreign scripts (MV3's content security
 * policy), so axe cannot be added with a script tag. Its source is evaluated
 * over the DevTools protocol instead, which the page's policy does not govern.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

/** One rule broken on the page, reduced to what a fix needs. */
export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  /** CSS selectors of the offending elements (frames joined by " >> "). */
  targets: string[];
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The impacts that fail a test: what blocks or seriously hinders a reader. */
export const BLOCKING_IMPACTS: ReadonlySet<AxeViolation['impact']> = new Set([
  'serious',
  'critical',
]);

/** Every axe violation on `target` (WCAG 2.x A and AA plus axe's best practices). */
export async function axeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  const loaded = await target.evaluate(() => 'axe' in globalThis);
  if (!loaded) await target.evaluate(AXE_SOURCE);
  return target.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: AxeApi }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.flat().join(' >> ')),
    }));
  });
}

/** The part of axe's API used in the page (its own types would pull axe into the test's scope). */
interface AxeApi {
  run(
    context: Document,
    options: { resultTypes: string[] },
  ): Promise<{
    violations: {
      id: string;
      impact: AxeViolation['impact'];
      help: string;
      nodes: { target: (string | string[])[] }[];
    }[];
  }>;
}

/** Only the violations that fail a test. */
export function blocking(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact));
}

/** One line per violation: id, impact, help and the elements, for a failure message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`)
    .join('\n');
}

/** Counts by impact, e.g. `serious 2, moderate 1` (for the AXE_SUMMARY report). */
export function countByImpact(violations: readonly AxeViolation[]): string {
  const counts = new Map<string, number>();
  for (const violation of violations) {
    const impact = violation.impact ?? 'unknown';
    counts.set(impact, (counts.get(impact) ?? 0) + violation.targets.length);
  }
  return (
    ['critical', 'serious', 'moderate', 'minor', 'unknown']
      .filter((impact) => counts.has(impact))
      .map((impact) => `${impact} ${counts.get(impact)}`)
      .join(', ') || 'none'
  );
}
