/**
 * The figures a report prints and floors are checked against, computed from
 * summed counts. An empty denominator counts as a perfect score: nothing to
 * find cannot be missed.
 */
import type { KindCounts, TextCounts } from './score';

/** Precision, recall and F1 of one kind. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** The headline figures of a run, the keys `--floors` files use. */
export interface Figures {
  peoplePrecision: number;
  peopleRecall: number;
  peopleF1: number;
  organizationsF1: number;
  placesF1: number;
  roles: number;
  aliases: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Precision, recall and F1 of found/false counts. */
export function prf(c: KindCounts): PRF {
  const precision = ratio(c.extracted - c.falsePositives, c.extracted);
  const recall = ratio(c.found, c.gold);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** The headline figures of summed counts. */
export function figuresOf(c: TextCounts): Figures {
  const people = prf(c.people);
  return {
    peoplePrecision: people.precision,
    peopleRecall: people.recall,
    peopleF1: people.f1,
    organizationsF1: prf(c.organizations).f1,
    placesF1: prf(c.places).f1,
    roles: ratio(c.roles.matched, c.roles.gold),
    aliases: ratio(c.aliases.linked, c.aliases.pairs),
  };
}

const two = (n: number): string => n.toFixed(2);

/** The report's last line, in the fixed form other tools read. */
export function summaryLine(f: Figures): string {
  return (
    `quality: people P ${two(f.peoplePrecision)} R ${two(f.peopleRecall)} F1 ${two(f.peopleF1)}; ` +
    `organizations F1 ${two(f.organizationsF1)}; places F1 ${two(f.placesF1)}; ` +
    `roles ${two(f.roles)}; aliases ${two(f.aliases)}`
  );
}
