/**
 * The messages and the code agree: every key the code asks for is in the
 * English messages.json, every message there is asked for somewhere, and every
 * placeholder a message writes is defined. Keys are found as the code writes
 * them: `t('key'…)` and `<Message id="key"` in TypeScript, `__MSG_key__` in the manifest settings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n/i18n';
import { ENGLISH, getEnglishMessage } from '@/test/english-messages';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Where user-visible text is written. */
const SOURCE_DIRS = ['components', 'entrypoints', 'lib'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|html)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Where a key is written: `t('key'`, and in lib/ the errors and messages a
 * page translates later (lib/model/user-error.ts): `userMessage('key'`,
 * `new UserError('key'`, `new ImportError('key'` (its subclass), a subclass's
 * `super('key'`; `<Message id="key"` in components, `__MSG_key__` in the manifest.
 */
const KEY_USES =
  /\b(?:t|userMessage|new (?:User|Import)Error|super)\(\s*'([A-Za-z0-9_]+)'|<Message\s+id="([A-Za-z0-9_]+)"|__MSG_([A-Za-z0-9_]+)__/g;

/** Each key used, with the files that use it. */
function usedKeys(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const files = [...SOURCE_DIRS.flatMap(sourceFiles), join(ROOT, 'wxt.config.ts')];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(KEY_USES)) {
      const key = match[1] ?? match[2] ?? match[3]!;
      used.set(key, [...(used.get(key) ?? []), file.slice(ROOT.length + 1)]);
    }
  }
  return used;
}

describe('messages.json and the code', () => {
  const used = usedKeys();

  it('has every key the code uses', () => {
    const missing = [...used].filter(([key]) => !(key in ENGLISH));
    expect(missing.map(([key, files]) => `${key} (${files.join(', ')})`)).toEqual([]);
  });

  it('finds the keys of the errors lib/ throws for a page to translate', () => {
    // The errors are checked like t() calls only if the scan sees them: a few, by file.
    expect(used.get('noArticle')).toContain('components/popup/add-article-actions.ts');
    expect(used.get('noteTooLong')).toContain('lib/store/notes.ts');
    expect(used.get('importNotJson')).toContain('lib/export/parse-import.ts');
    expect(used.get('importFieldProblem')).toContain('lib/export/json-shape.ts');
    expect(used.get('sourceTooLittleProse')).toContain('lib/extract/document.ts');
  });

  it('uses every message', () => {
    expect(Object.keys(ENGLISH).filter((key) => !used.has(key))).toEqual([]);
  });

  it('defines every placeholder its messages write, with $1…$9 content', () => {
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(ENGLISH)) {
      const defined = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        if (!defined.includes(name!.toLowerCase())) problems.push(`${key}: $${name}$ undefined`);
      }
      for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
        if (!/^\$[1-9]$/.test(content)) problems.push(`${key}: ${name} is not $1…$9`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('t', () => {
  it('fills placeholders from substitutions, numbers included', () => {
    expect(t('noteAbout', 'Mu Sochua')).toBe('Note about Mu Sochua');
    expect(t('mentionedInDocuments', 3)).toBe('Mentioned in 3 documents');
    expect(t('countOfTotal', [3, 7])).toBe('(3 of 7)');
    expect(getEnglishMessage('extName')).toBe('Dramatis');
  });

  it('throws in tests for a key that is not in messages.json, naming it', () => {
    expect(() => getEnglishMessage('noSuchMessage')).toThrow(/no message "noSuchMessage"/);
  });
});
