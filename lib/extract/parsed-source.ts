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
 * Takes a plain-text source's first block as its title line ("Headline |
 * Publisher") unless it ends like a sentence, and the rest as its blocks.
 */
export function takeTitleLine(parsed: ParsedSource, blocks: string[]): ParsedSource {
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
