/**
 * The printed report: one row per text, one per house style, and the details
 * of what each text missed and invented when asked for.
 */
import type { Entity } from '@/lib/model/bundle-format';
import type { DevText } from './corpus';
import { normalizeName } from './normalize';
import { prf } from './figures';
import { addCounts, emptyCounts, type TextCounts, type TextOutcome } from './score';

/** One scored text. */
export interface Scored {
  text: DevText;
  outcome: TextOutcome;
  counts: TextCounts;
}

const HEAD = ['text', 'people P', 'R', 'F1', 'orgs F1', 'places F1', 'roles', 'aliases'];

function row(label: string, c: TextCounts): string[] {
  const p = prf(c.people);
  const f = (n: number) => n.toFixed(2);
  const share = (a: number, b: number) => (b === 0 ? '-' : `${a}/${b}`);
  return [
    c.refused > 0 && label.endsWith('.txt') ? `${label} (refused)` : label,
    f(p.precision),
    f(p.recall),
    f(p.f1),
    f(prf(c.organizations).f1),
    f(prf(c.places).f1),
    share(c.roles.matched, c.roles.gold),
    share(c.aliases.linked, c.aliases.pairs),
  ];
}

function table(rows: string[][]): string {
  const widths = HEAD.map((_, i) => Math.max(...[HEAD, ...rows].map((r) => (r[i] ?? '').length)));
  return [HEAD, ...rows]
    .map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '))
    .join('\n');
}

/** The per-text table. */
export function perTextTable(scored: Scored[]): string {
  return table(scored.map((s) => row(s.text.gold.file, s.counts)));
}

/** The per-style table, styles in first-seen order. */
export function perStyleTable(scored: Scored[]): string {
  const byStyle = new Map<string, TextCounts>();
  for (const s of scored) {
    const c = byStyle.get(s.text.gold.style) ?? emptyCounts();
    addCounts(c, s.counts);
    byStyle.set(s.text.gold.style, c);
  }
  return table([...byStyle].map(([style, c]) => row(style, c)));
}

/** What one text missed and invented, for a developer reading why a figure moved. */
export function details(s: Scored): string {
  const lines = [`== ${s.text.gold.file} (${s.text.gold.style})`];
  if (s.outcome.refused) return [...lines, `  refused: ${s.outcome.reason}`].join('\n');
  const entities = s.outcome.entities;
  const goldLists = {
    person: s.text.gold.people,
    organization: s.text.gold.organizations,
    place: s.text.gold.places,
  };
  for (const [kind, gold] of Object.entries(goldLists)) {
    const mine = entities.filter((e) => e.kind === kind);
    const names = new Set(mine.map((e) => normalizeName(e.name)));
    const known = new Set(gold.flatMap((g) => [g.name, ...g.surfaces].map(normalizeName)));
    const words = new Set(gold.flatMap((g) => normalizeName(g.name).split(' ')));
    const missed = gold.filter(
      (g) =>
        !('credit' in g && g.credit) &&
        ![g.name, ...g.surfaces].some((n) => names.has(normalizeName(n))),
    );
    const invented = mine.filter(
      (e) => !known.has(normalizeName(e.name)) && !words.has(normalizeName(e.name)),
    );
    lines.push(`  ${kind} missed: ${missed.map((g) => g.name).join(' | ')}`);
    lines.push(`  ${kind} false: ${invented.map(describe).join(' | ')}`);
  }
  return lines.join('\n');
}

function describe(e: Entity): string {
  return e.roles.length > 0 ? `${e.name} [${e.roles.map((r) => r.title).join('; ')}]` : e.name;
}
