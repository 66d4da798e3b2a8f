/** What the format readers (txt, md, html) hand to boilerplate removal. */
export interface ParsedSource {
  /** The headline line as the source writes it ("Headline | Publisher"), if any. */
  titleLine: string | null;
  title: string | null;
  publisher: string | null;
  /** ISO date when a metadata field states one. */
  published: string | null;
  byline: string[];
  url: string | null;
  /** Text blocks in reading order: paragraphs, headings, list items, lines of chrome. */
  blocks: string[];
}

/** An empty result to fill in. */
export function emptyParsed(): ParsedSource {
  return {
    titleLine: null,
    title: null,
    publisher: null,
    published: null,
    byline: [],
    url: null,
    blocks: [],
  };
}

/**
 * Splits "Headline | Publisher" (or "Headline - Publisher") the way sites build
 * their <title>: the last separator, and only when the right side is short
 * enough to be a masthead rather than half a headline.
 */
export function splitTitleLine(line: string): { title: string; publisher: string | null } {
  const match = /^(.*\S)\s+(?:\||-|–|—)\s+([^|–—]{2,60})$/.exec(line.trim());
  if (match && match[2] && match[1] && match[2].trim().split(/\s+/).length <= 6) {
    return { title: match[1].trim(), publisher: match[2].trim() };
  }
  return { title: line.trim(), publisher: null };
}

/** Collapses runs of spaces and tabs inside a line (line breaks are block structure). */
export function tidyLine(line: string): string {
  return line.replace(/[ \t\u00A0]+/g, ' ').trim();
}

/**
 * Turns plain text into blocks. Blank lines separate paragraphs; inside a block,
 * hard-wrapped prose (long lines of similar width, as wire copy is) is joined,
 * while a stack of short lines (an address, a dateline) stays one block per line.
 */
export function blocksFromPlainText(text: string): string[] {
  const blocks: string[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = chunk
      .split('\n')
      .map(tidyLine)
      .filter((l) => l.length > 0);
    if (lines.length === 0) continue;
    const average = lines.reduce((n, l) => n + l.length, 0) / lines.length;
    const wrapped =
      lines.length > 1 && average >= 50 && lines.slice(0, -1).every((l) => l.length >= 40);
    if (wrapped) blocks.push(lines.join(' '));
    else blocks.push(...lines);
  }
  return blocks;
}

/** Reads a .txt source: the first line is the title line ("Headline | Publisher"). */
export function parseText(content: string): ParsedSource {
  const parsed = emptyParsed();
  const blocks = blocksFromPlainText(content);
  const first = blocks[0];
  if (first !== undefined && !/[.!?"”]$/.test(first)) {
    parsed.titleLine = first;
    const { title, publisher } = splitTitleLine(first);
    parsed.title = title;
    parsed.publisher = publisher;
    parsed.blocks = blocks.slice(1);
  } else {
    parsed.blocks = blocks;
  }
  return parsed;
}
