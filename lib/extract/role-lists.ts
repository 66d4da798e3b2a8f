/**
 * Lists of names that a noun for people introduces: "critics such as Jane Roe
 * and John Doe", "artists like Ostrova", "rivals including Jane Roe", "police
 * inspectors Jane Roe and John Doe", "the two deputy ministers – Jane Roe and
 * John Doe –". Every
 * name in such a list is a person with that role, whatever its shape: stage
 * names and one-word names included.
 */
import { isRoleNoun, ROLE_HEADS } from './lexicon';

/** "<nouns>" and maybe "such as|like|including", then names joined by commas, "and" or "or", up to the offset. */
const LIST_BEFORE =
  /(?:^|[\s(])(\p{L}[\p{Ll}-]+?)s\s*(?:[–—:]\s*)?(?:(?:such as|like|including)\s+)?(?:\p{Lu}[\p{L}\p{N}.'’-]*(?:,?\s\p{Lu}[\p{L}\p{N}.'’-]*)*?(?:,\s+|\s+(?:and|or)\s+|,\s+(?:and|or)\s+))*$/u;

/** The role noun introducing the list the name at `start` is in, with its offset; or null. */
export function listRoleBefore(text: string, start: number): { noun: string; at: number } | null {
  const before = text.slice(Math.max(0, start - 200), start);
  const m = LIST_BEFORE.exec(before);
  if (!m?.[1]) return null;
  const noun = m[1].toLowerCase();
  if (!ROLE_HEADS.has(noun) && !isRoleNoun(noun)) return null;
  return { noun, at: start - before.length + m.index + m[0].indexOf(m[1]) };
}
