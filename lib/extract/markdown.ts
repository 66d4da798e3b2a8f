/**
 * Markdown sources: optional YAML-style front matter (title, publisher, date,
 * byline/author, url) and a body whose syntax is stripped to plain prose.
 */
import { emptyParsed, splitTitleLine, type ParsedSource } from './parsed-source';
import { parseDate } from './dates';
import { plainTextBlocks } from './plain-text';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Reads `key: value` lines of front matter; lists as `[a, b]` or `- a` lines. */
function readFrontMatter(yaml: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let current: string | null = null;
  for (const line of yaml.split(/\r?\n/)) {
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && current && item[1]) {
      fields.get(current)?.push(unquote(item[1]));
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv || !kv[1]) continue;
    current = kv[1].toLowerCase();
    const value = (kv[2] ?? '').trim();
    const list = /^\[(.*)\]$/.exec(value);
    fields.set(
      current,
      list
        ? (list[1] ?? '').split(',').map(unquote).filter(Boolean)
        : value
          ? [unquote(value)]
          : [],
    );
  }
  return fields;
}

function unquote(value: string): string {
  return value
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2')
    .trim();
}

/** Removes inline markdown: links keep their text, images and HTML tags go, emphasis marks go. */
export function stripInlineMarkdown(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(?=\S)([^*_]*?\S)\2(?=[\s).,;:!?]|$)/g, '$1$3')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

/** Reads a .md source. The first level-one heading is the title when front matter has none. */
export function parseMarkdown(content: string): ParsedSource {
  const parsed = emptyParsed();
  let body = content.replace(/\r\n?/g, '\n');
  const fm = FRONT_MATTER.exec(body);
  if (fm) {
    const fields = readFrontMatter(fm[1] ?? '');
    const one = (...keys: string[]): string | null => {
      for (const k of keys) {
        const v = fields.get(k)?.[0];
        if (v) return v;
      }
      return null;
    };
    parsed.title = one('title', 'headline');
    parsed.titleLine = parsed.title;
    parsed.publisher = one('publisher', 'publication', 'source', 'site');
    const date = one('date', 'published', 'publication_date', 'pubdate');
    parsed.published = date ? parseDate(date) : null;
    parsed.byline = fields.get('byline') ?? fields.get('author') ?? fields.get('authors') ?? [];
    parsed.url = one('url', 'canonical', 'link');
    body = body.slice(fm[0].length);
  }
  // Code blocks and HTML comments are never article prose.
  body = body.replace(/^(```|~~~)[\s\S]*?^\1[ \t]*$/gm, '').replace(/<!--[\s\S]*?-->/g, '');
  const lines: string[] = [];
  for (const raw of body.split('\n')) {
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (heading && heading[1] === '#' && parsed.title === null) {
      parsed.title = stripInlineMarkdown(heading[2] ?? '');
      parsed.titleLine = parsed.title;
      lines.push('');
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(raw)) {
      lines.push(''); // a thematic break separates blocks
      continue;
    }
    let line = heading ? (heading[2] ?? '') : raw;
    line = line.replace(/^\s{0,3}(?:>\s?)+/, '').replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
    lines.push(heading ? `${stripInlineMarkdown(line)}\n` : stripInlineMarkdown(line));
    if (heading) lines.push('');
  }
  parsed.blocks = plainTextBlocks(lines.join('\n'));
  if (parsed.titleLine && parsed.publisher === null) {
    const split = splitTitleLine(parsed.titleLine);
    if (split.publisher) parsed.publisher = split.publisher;
  }
  return parsed;
}
