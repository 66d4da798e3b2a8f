/**
 * Cues that tell what a name is, read from the words around it the way a
 * reader of news does: a title or role before a person ("CPP spokesperson
 * Sok Eysan"), an apposition after ("X, head of …"), a speech verb, an
 * honorific; organization head words ("Party", "Ministry of …"); place words
 * ("X province", "in X"). A name with no cue is dropped: precision over recall.
 */
import { isAcronymToken } from '@/lib/match/normalize';
import { WEB_ENDINGS } from '@/lib/match/tokens';
import type { EntityKind } from '@/lib/model/bundle-format';
import type { Candidate, Token } from './names';
import { isClubInitials, isTitleWord } from './names';
import {
  givenNameGender,
  isCompanyName,
  isCompanyWord,
  isDemonym,
  isKnownOrganization,
  placeKind,
} from './gazetteer';
import { isCommonWord } from './common-words';
import { isNameLikeWord, nameShape } from './name-evidence';
import { listRoleBefore } from './role-lists';
import {
  ACTION_VERBS,
  isRoleNoun,
  EVENT_HEADS,
  FACILITY_HEADS,
  LAW_HEADS,
  PLACE_PREFIXES,
  NAME_CONNECTORS,
  ORG_HEADS,
  ORG_MEMBER_NOUNS,
  ORG_NOUNS,
  PLACE_ADJECTIVES,
  PLACE_WORDS,
  CLUB_SUFFIXES,
  VENUE_HEADS,
  CLUB_WORDS,
  ROLE_HEADS,
  SAID_VERBS,
  STOP_WORDS,
} from './lexicon';

/** Evidence for each kind, summed over a name's mentions. */
export interface Cues {
  /** A title, role, apposition or honorific: enough on its own for a person. */
  strongPerson: number;
  /** A speech verb next to the name: a person unless the name reads as an organization. */
  speaker: number;
  org: number;
  place: number;
  /** A weak place cue: "in X", "from X". */
  inPlace: number;
  law: number;
  /** The name's first word is a given name from the gazetteer ("Jorund …"). */
  given: number;
  /** Every word reads as a name part and the name lists know at least one. */
  nameLike: number;
  /** Named right after "told": a listener, often a news outlet. */
  listener: number;
  /** Lowercase role or member nouns after the name ("Harbour MPs", "Acme executives"). */
  members: number;
  /** A site's head or prefix word ("… Water Works", "Fort …"); "Ellen Park" shows it is weak. */
  facility: number;
  /** A verb of action after a name that reads as one ("Jane Roe won"). */
  actor: number;
  /** The place gazetteers know the whole name: 2 for a country or region, 1 for a city. */
  gazPlace: number;
  /** A one-word name a list of companies knows ("Halvorsen"). */
  brand: number;
  /** A nationality or compass word before a noun ("Dutch counterparts", "Western allies"). */
  adjective: number;
}

/** No evidence yet. */
export function noCues(): Cues {
  return {
    strongPerson: 0,
    speaker: 0,
    org: 0,
    place: 0,
    inPlace: 0,
    law: 0,
    given: 0,
    nameLike: 0,
    gazPlace: 0,
    actor: 0,
    facility: 0,
    members: 0,
    listener: 0,
    brand: 0,
    adjective: 0,
  };
}

/** Adds `b` into `a`. */
export function addCues(a: Cues, b: Cues): void {
  a.strongPerson += b.strongPerson;
  a.speaker += b.speaker;
  a.org += b.org;
  a.place += b.place;
  a.inPlace += b.inPlace;
  a.law += b.law;
  a.given += b.given;
  a.nameLike += b.nameLike;
  a.gazPlace += b.gazPlace;
  a.actor += b.actor;
  a.facility += b.facility;
  a.members += b.members;
  a.listener += b.listener;
  a.brand += b.brand;
  a.adjective += b.adjective;
}

const bare = (t: Token | undefined): string => (t ? t.lower.replace(/\.$/, '') : '');

/**
 * Steps over an age written after a name ("Jane Roe, 65, a retired nurse"), so
 * the apposition after it is read as the role; returns the token index and
 * offset where the rest of the sentence starts.
 */
export function skipAge(
  text: string,
  tokens: Token[],
  after: number,
  end: number,
): { after: number; end: number } {
  const age = /^,\s*\d{1,3}(?=,\s)/.exec(text.slice(end, end + 6));
  const number = tokens[after];
  if (!age || !number || !/^\d+$/.test(number.text)) return { after, end };
  return { after: after + 1, end: end + age[0].length };
}

/** Words that may open a description: "a …", "the …", "its …". */
const APPOSITION_OPENERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their']);

/** True when the lowercase words after a name name a role ("X, head of …", "X, a spokesman for …"). */
export function appositionFollows(
  text: string,
  tokens: Token[],
  after: number,
  end: number,
): boolean {
  ({ after, end } = skipAge(text, tokens, after, end));
  if (!/^,\s/.test(text.slice(end, end + 2))) return false;
  for (let i = after; i < tokens.length && i < after + 4; i++) {
    const t = tokens[i] as Token;
    if (i > after && !t.joined) return false; // a comma or other mark ends the apposition's head
    // The role noun ends its phrase ("head of", "chief,", "a spokesman for"); "executive committee" is no role.
    const following = tokens[i + 1];
    const ends =
      !following ||
      !following.joined ||
      t.possessive ||
      ['of', 'for', 'at', 'in', 'with', 'to', 'on', 'and', 'who', 'whose', 'whom'].includes(
        following.lower,
      );
    // "X, Chief Justice of …": a capitalized title word is a role too.
    const roleWord = /^\p{Ll}/u.test(t.text) || isTitleWord(t);
    const noun = ROLE_HEADS.has(bare(t)) || (isRoleNoun(t.lower) && /^\p{Ll}/u.test(t.text));
    if (noun && roleWord && ends) return true;
    // ", he said it was …": a clause, not a description.
    if (STOP_WORDS.has(t.lower) && !APPOSITION_OPENERS.has(t.lower)) return false;
    if (
      !APPOSITION_OPENERS.has(t.lower) &&
      !['former', 'deputy', 'acting', 'senior', 'party'].includes(t.lower) &&
      !/^\p{Ll}/u.test(t.text) &&
      !isAcronymToken(t.text) &&
      !isTitleWord(t) &&
      // "a Danish politics expert", "Kestrel Shipping chairman": capitalized words describing
      // the noun may come first; a name in a list ("Jane Roe, John Doe") has no role noun to end it.
      !(i < after + 3 && /^\p{Lu}\p{Ll}/u.test(t.text) && !t.possessive)
    ) {
      return false;
    }
  }
  return false;
}

/** True for ", the carmaker," or ", a news agency": an apposition whose head is an organization noun. */
function orgNounAfter(text: string, tokens: Token[], after: number, end: number): boolean {
  if (!/^,\s/.test(text.slice(end, end + 2))) return false;
  for (let i = after; i < tokens.length && i < after + 4; i++) {
    const t = tokens[i] as Token;
    if (i > after && !t.joined) return false;
    if (!/^\p{Ll}/u.test(t.text)) return false;
    const following = tokens[i + 1];
    if (ORG_NOUNS.has(t.lower) && (!following || !following.joined || following.lower === 'that'))
      return true;
  }
  return false;
}

/** Nouns for people who perform, whose lists may hold a name in capitals ("SZA"-like stage names). */
const PERFORMER_NOUNS = new Set([
  'artist',
  'act',
  'headliner',
  'performer',
  'singer',
  'rapper',
  'musician',
  'star',
  'comedian',
  'dj',
]);

/** True for a capitalized plural of an everyday noun ("Zombies", "Monkeys", "Dragons"). */
function isPluralCommonNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (!/^\p{Lu}\p{Ll}+s$/u.test(word)) return false;
  const singular = lower.endsWith('ies') ? `${lower.slice(0, -3)}y` : lower.slice(0, -1);
  return isCommonWord(singular) && givenNameGender(word) === null;
}

/** Words for an electoral district after its name ("Ostrova constituency", "the X seat"). */
const SEAT_NOUNS = new Set(['seat', 'constituency', 'ward', 'riding', 'electorate']);
/** Kinds of seat written between the name and the seat word ("parliamentary seat", "MP seat"). */
const SEAT_KINDS = new Set([
  'parliamentary',
  'assembly',
  'senate',
  'senatorial',
  'council',
  'mp',
  'mla',
  'county',
]);

/** "his wife, ", "her late husband, ": a relative's word and a comma right before a name. */
const KIN_BEFORE =
  /\b(?:his|her|their)\s+(?:late\s+)?(?:wife|husband|son|daughter|mother|father|brother|sister|partner|widow|widower|cousin|grandson|granddaughter|grandmother|grandfather),\s+$/;

/** Titles held for a seat, written after the seat's name ("Kestrelford MP"). */
const SEAT_TITLES = new Set(['MP', 'MLA', 'MEP', 'MSP', 'MPP', 'MNA', 'MHA', 'TD', 'MS']);

/** Cues of one mention. `tokens` is the document's token list. */
export function mentionCues(c: Candidate, text: string, tokens: Token[]): Cues {
  const cues = noCues();
  const n = c.tokens.length;
  const first = c.tokens[0] as Token;
  const last = c.tokens[n - 1] as Token;
  const prev = tokens[c.first - 1];
  const next = tokens[c.first + n];
  const nextJoined =
    next !== undefined && (next.joined || c.possessive) && /^\p{Ll}/u.test(next.text);
  const acronym = n === 1 && isAcronymToken(first.text);

  const shape = nameShape(c.tokens.map((t) => t.text));
  // "Bill Harlow" is a man, "Bill of Rights" a law: a given name before name-like words is no law head.
  const lawHead = LAW_HEADS.has(first.lower) && !(shape.weakGivenFirst && shape.allNameLike);
  // Laws and events are neither people, bodies nor places: "the Press Act", "the Harbour Games".
  if (n > 1 && (lawHead || ['law', 'act'].includes(last.lower) || EVENT_HEADS.has(last.lower)))
    cues.law++;
  if (n > 1 && (FACILITY_HEADS.has(bare(last)) || PLACE_PREFIXES.has(bare(first)))) cues.facility++;
  if (n > 1 && VENUE_HEADS.has(bare(last))) cues.facility++;
  // "… Party", "Ministry of …", "National University of Ostraven", "Harbour Workers Party of Ruritania":
  // a body's head word ends the name or comes right before its "of".
  const of = c.tokens.findIndex((t, k) => k > 0 && t.lower === 'of');
  if (
    ORG_HEADS.has(bare(last)) ||
    (n > 2 && ORG_HEADS.has(first.lower) && NAME_CONNECTORS.has(bare(c.tokens[1]))) ||
    (of > 0 && ORG_HEADS.has(bare(c.tokens[of - 1] as Token)))
  )
    cues.org += 2;
  // "House of Elders", "Chamber of Deputies": a chamber of a legislature.
  if (of === 1 && ['house', 'chamber'].includes(first.lower) && n > 2) cues.org += 3;
  if (PLACE_WORDS.has(last.lower) && n > 1) cues.place += 2;
  // "Dutch counterparts", "the Ostravian state", "Western allies": a word of where, shaped like an
  // adjective and known to no gazetteer (but compass words), before a lowercase noun, names
  // nothing; a place's own name ("Ruritania police", "Michigan state") does.
  const adjective =
    n === 1 &&
    nextJoined &&
    !c.possessive &&
    /(?:ish|ese|ian|an|i|ch|ern)$/.test(first.lower) &&
    (placeKind(c.text) === null || /ern$/.test(first.lower));
  if (!adjective && nextJoined && (PLACE_WORDS.has(next.lower) || PLACE_ADJECTIVES.has(next.lower)))
    cues.place += 2;
  // "the militant group X", "X, the carmaker,": a noun for a kind of organization beside the name.
  const orgNounBefore =
    prev !== undefined && ORG_NOUNS.has(prev.lower) && text.slice(prev.end, first.start) === ' ';
  // "Real Valladolid", "Brackwater Rovers": a town's name with a club word is a club, when the
  // whole is no town the gazetteers know ("Kansas City", "Dodge City").
  const clubWord = n === 2 && (CLUB_WORDS.has(bare(first)) || CLUB_WORDS.has(bare(last)));
  const town = clubWord && (placeKind(first.text) !== null || placeKind(last.text) !== null);
  const clubSuffix =
    n === 2 && (CLUB_SUFFIXES.has(bare(last)) || isClubInitials(first) || isClubInitials(last));
  if ((town || clubSuffix) && placeKind(c.text) === null) cues.org += 3;
  // "the Kestrel news agency", "a Kestrel group statement": the name of a kind of organization.
  const after = next?.lower === 'news' ? tokens[c.first + n + 1] : next;
  const orgNounNext =
    nextJoined &&
    after !== undefined &&
    after.joined &&
    ORG_NOUNS.has(after.lower) &&
    !c.possessive &&
    // "an Ostraven company" is a company in Ostraven, and "a Brackwater-based team" one there.
    !placeKind(c.text) &&
    !last.suffix;
  if (orgNounBefore || orgNounNext || orgNounAfter(text, tokens, c.first + n, c.end)) cues.org += 2;
  // "a Brackwater-based team", "Texas-born": where someone or something is from.
  if (last.suffix === 'based' || last.suffix === 'born' || last.suffix === 'bred')
    cues.inPlace += 2;
  if (
    prev &&
    ['in', 'from', 'near', 'across', 'throughout', 'outside', 'at'].includes(prev.lower) &&
    !c.possessive &&
    !acronym &&
    // "at PiS headquarters": capitals inside a word make initials or a brand, not a place.
    !c.tokens.some((t) => /\p{Lu}/u.test(t.text.slice(1)) && !/[-'’]/.test(t.text)) &&
    (n > 1 || isNameLikeWord(first.text))
  ) {
    cues.inPlace++;
  }
  const place = placeKind(c.text);
  if (place) cues.gazPlace += place === 'city' ? 1 : 2;
  if (adjective) cues.adjective++;
  // "Kestrelford MP Jane Roe": the words before a seat holder's title name the seat, unless they
  // are a party ("Green MP", "Marla MP", "OVS MP": an everyday word, a given name, initials).
  const seat =
    next?.joined &&
    SEAT_TITLES.has(next.text) &&
    !acronym &&
    !ORG_HEADS.has(bare(last)) &&
    !c.tokens.some((t) => isCommonWord(t.lower)) &&
    // One word that is a given name may be a party's nickname; a name of words before another
    // name and its title ("Kestrel Vale MP Sam Hale") is the seat.
    (n > 1 || givenNameGender(first.text) === null);
  if (seat) cues.place += 3;
  // "Democrats", "Social Democrats", "Kestrel Democrats": a party's members named as a body.
  if (/^\p{Lu}\p{Ll}+crats$/u.test(last.text)) cues.org += 3;
  // "the Velkar East parliamentary seat", "Ostrova constituency", "Kelmar West MP seat": a seat or
  // constituency named before the word, the place of an election.
  let k = c.first + n;
  if (tokens[k]?.joined && SEAT_KINDS.has(tokens[k]?.lower ?? '')) k++;
  if (
    k < tokens.length &&
    (tokens[k] as Token).joined &&
    SEAT_NOUNS.has((tokens[k] as Token).lower) &&
    !acronym &&
    !ORG_HEADS.has(bare(last))
  )
    cues.place += 3;
  // "Halvorsen", "Halvorsen Cloud": a company's name, or a product named after it, is no person's.
  const brand = isCompanyWord(first.text.replace(/['’]s$/, ''));
  if (brand) cues.brand++;
  // "Red Cross", "Interpol": a name a list of organizations knows whole; one word of it, like a
  // company's, is weighed against the given-name lists.
  const known = isKnownOrganization(c.text.replace(/['’]s$/, ''));
  if (known && n > 1) cues.org += 2;
  else if (known && !brand) cues.brand++;
  // "a Halvorsen earnings call", "Halvorsen shares fell": a company's business follows its name,
  // even a name that is also a given name.
  const company = brand || known || isCompanyName(first.text);
  if (n === 1 && company && nextJoined && BUSINESS_NOUNS.has(next.lower)) cues.org += 2;
  if (acronym) {
    // "U.S. officials", "UK Secretary of State": a country's people, not an organization's.
    if (place === 'country') return cues;
    // "CPP spokesperson", "CNRP officials", "CNRP Deputy President": an organization's people.
    if (nextJoined && (ORG_MEMBER_NOUNS.has(next.lower) || ROLE_HEADS.has(next.lower))) cues.org++;
    if (next && next.joined && isTitleWord(next) && /^\p{Lu}/u.test(next.text)) cues.org++;
    // "artists such as Jane Roe and ZZQ": a performer's name may be written in capitals.
    const list = listRoleBefore(text, c.start);
    if (list && PERFORMER_NOUNS.has(list.noun)) cues.strongPerson += 3;
    return cues;
  }
  // "Harbour MPs", "Highland Harbour leader": a body's people follow its name (not a nationality's).
  const members = nextJoined && (ORG_MEMBER_NOUNS.has(next.lower) || ROLE_HEADS.has(next.lower));
  const pluralTitle = next?.joined && /^\p{Lu}\p{L}*s$/u.test(next.text) && isTitleWord(next);
  const describing =
    /(?:an|ese|ish|i)$/.test(last.lower) || c.tokens.every((t) => isCommonWord(t.lower));
  if ((members || pluralTitle) && !describing && !isTitleWord(first)) cues.members++;
  // "Harbour MPs", "Green backbenchers": a word before a legislature's members is their party,
  // even an everyday word or a given name, but not a nationality ("Welsh MPs", "Danish lawmakers").
  if (
    n === 1 &&
    !first.initial &&
    next?.joined &&
    !c.possessive &&
    PARTY_MEMBER_NOUNS.has(next.lower) &&
    !MEMBER_STANDINGS.has(first.lower) &&
    place === null &&
    !isDemonym(first.text) &&
    !/(?:ish|ese)$/.test(first.lower)
  )
    cues.org += 2;
  // "the Kestrel leader's visit": no person's name takes "the" before it, so one word with "the"
  // before and its people after is a body, given name or not (a place when the gazetteers say so).
  if (members && n === 1 && prev?.lower === 'the' && place === null && !describing) cues.org += 2;
  // "educated at Harrowgate", "she studied at Kestrel and at Brackwater": a school.
  const atWhere =
    prev?.lower === 'at' || (prev?.lower === 'the' && tokens[c.first - 2]?.lower === 'at');
  if (atWhere && place === null && SCHOOLED_AT.test(text.slice(Math.max(0, c.start - 90), c.start)))
    cues.org += 2;
  // "a 1-1 draw between Kestrel Vale and Harrowgate", "the war between Ruritania and Ostrava": the
  // sides of a contest are teams or bodies when no given name opens them and no gazetteer knows them.
  if (
    (prev?.lower === 'between' ||
      prev?.lower === 'and' ||
      (prev?.lower === 'the' && ['between', 'and'].includes(tokens[c.first - 2]?.lower ?? ''))) &&
    place === null &&
    !shape.givenFirst &&
    !(n > 1 && shape.weakGivenFirst) &&
    CONTEST_SIDES.test(text.slice(Math.max(0, c.start - 80), c.start))
  )
    cues.org += 2;
  // "told The Daily Kestrel", "The Greens will": a name "The" opens inside a sentence is a body's
  // (an outlet, a party, a band), unless the gazetteers know it for a place ("The Gambia").
  if (first.text === 'The' && n > 1 && place === null) {
    const rest = placeKind(c.text.slice(4));
    if (rest === null) cues.org += 2;
    else cues.gazPlace += rest === 'city' ? 1 : 2;
  }
  // "Vexlow.org reported": a web address is an outlet's name.
  if (n === 1 && WEB_NAME.test(first.text)) cues.org += 3;
  // "the G9 summit", "P4 members": a group of states named by a letter and a count.
  if (
    n === 1 &&
    /^\p{Lu}{1,4}\d{1,2}$/u.test(first.text) &&
    next &&
    STATE_GROUP_NOUNS.has(next.lower)
  )
    cues.org += 3;
  // "Fort Brackwater", "Mount Ostraven": a place prefix opens the name, whatever the given-name lists hold.
  const placePrefix = n > 1 && PLACE_PREFIXES.has(bare(first));
  const givenLike =
    (shape.givenFirst && !shape.thingConnector) || (shape.weakGivenFirst && shape.allNameLike);
  if (givenLike && !placePrefix) cues.given++;
  if (shape.allNameLike && (shape.knownParts > 0 || n > 1)) cues.nameLike++;
  if (c.honorific || c.title) cues.strongPerson += 2;
  if (c.ofWhere && shape.allNameLike) cues.strongPerson += 2;
  // A lowercase role right before the name: "spokesperson Sok Eysan", "analyst Meas Nee".
  const rolePrev =
    prev &&
    (ROLE_HEADS.has(prev.lower) || isRoleNoun(prev.lower)) &&
    (/^\p{Ll}/u.test(prev.text) || prev.initial);
  if (rolePrev && text.slice(prev.end, first.start) === ' ') cues.strongPerson += 2;
  // "his wife, Ostrova", "her son, Jane Roe": a relative named after the word for them.
  const at = c.honorific ? c.honorificStart : c.start;
  if (KIN_BEFORE.test(text.slice(Math.max(0, at - 24), at))) cues.strongPerson += 2;
  // "artists such as Ostrova and Jane Roe": a list a noun for people introduces holds people.
  if (listRoleBefore(text, c.honorific ? c.honorificStart : c.start)) {
    // "acts such as Jane Roe and Harbour Zombies": a name ending in a plural noun is a band or
    // group, an organization.
    if (n > 1 && isPluralCommonNoun(last.text) && givenNameGender(first.text) === null)
      cues.org += 3;
    else cues.strongPerson += 2;
  }
  // "Ostraven, Ruritania, the son of …": after a country or region, the apposition is the person's.
  const region = place === 'country' || place === 'region';
  // "born in Ostraven, the son of …", "at St Anne's College, Brackwater, became …": the apposition
  // after a place where someone was is about that someone.
  const locative =
    (prev !== undefined && ['in', 'at', 'near', 'from'].includes(prev.lower)) ||
    (/,\s$/.test(text.slice(Math.max(0, c.start - 2), c.start)) &&
      (place !== null || (prev !== undefined && ORG_HEADS.has(bare(prev)))));
  if (!region && !locative && appositionFollows(text, tokens, c.first + n, c.end))
    cues.strongPerson += 2;
  // "Residents of Hoa Binh said": the place after "of" is not the speaker.
  const ofSomething = prev !== undefined && ['of', 'in', 'from'].includes(prev.lower);
  if (next && next.joined && SAID_VERBS.has(next.lower) && !ofSomething) cues.speaker++;
  if (next && next.joined && ACTION_VERBS.has(next.lower) && !ofSomething && shape.allNameLike)
    cues.actor++;
  if (prev && ['said', 'says'].includes(prev.lower) && text.slice(prev.end, first.start) === ' ')
    cues.speaker++;
  if (prev && prev.lower === 'to' && tokens[c.first - 2]?.lower === 'according') cues.speaker++;
  // "a source told the Daily Courier": the one told is often an outlet.
  if (prev && ['told', 'tells'].includes(prev.lower) && text.slice(prev.end, first.start) === ' ')
    cues.listener++;
  // "Jane Roe, of Kestrel Brisk Wasser, asked": a name of three words or more set off after a
  // person with ", of" is the body they speak for (a town's name is rarely so long).
  if (
    n >= 3 &&
    place === null &&
    /[\p{L}.],\s+of\s+(?:the\s+)?$/u.test(text.slice(Math.max(0, c.start - 12), c.start)) &&
    /^,/.test(text.slice(c.end, c.end + 1))
  )
    cues.org += 2;
  // "chief executive of Kestrel", "a founder of Halvorsen": what a company's officer is of is a
  // company, unless the gazetteers know it for a place.
  const officer = tokens[c.first - 2];
  if (
    prev?.lower === 'of' &&
    prev.joined &&
    officer?.joined &&
    COMPANY_OFFICERS.has(officer.lower) &&
    place === null &&
    !c.possessive
  )
    cues.org += 2;
  return cues;
}

/** A legislature's members, written after their party's name ("Harbour MPs"). */
const PARTY_MEMBER_NOUNS = new Set([
  'mps',
  'msps',
  'meps',
  'mlas',
  'tds',
  'backbenchers',
  'frontbenchers',
  'peers',
  'lawmakers',
  'legislators',
  'senators',
  'congressmen',
  'congresswomen',
  'councillors',
  'councilors',
  'assemblymen',
  'whips',
  'grandees',
]);

/** Words for where members stand, not which party they are of ("Opposition MPs", "Independent senators"). */
const MEMBER_STANDINGS = new Set([
  'opposition',
  'independent',
  'government',
  'coalition',
  'crossbench',
  'backbench',
  'frontbench',
  'rebel',
  'ruling',
  'senior',
  'junior',
  'veteran',
  'fellow',
  'female',
  'male',
]);

/** "a draw between ", "the war between X and ": the words before a side of a contest. */
const CONTEST_SIDES =
  /\b(?:draw|match|game|clash|tie|fixture|final|derby|conflict|war|fighting|truce|ceasefire)\s+between\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s+and\s+(?:the\s+)?)?$/u;

/** "educated at", "and at" after it in the same sentence: where someone went to school. */
const SCHOOLED_AT =
  /\b(?:educated|schooled|studied|enrolled|boarded)\s+at\b(?:[^.;!?]*\bat)?\s+(?:the\s+)?$/;

/** A name written as a web address ("Vexlow.org", "Kestrel.com"). */
const WEB_NAME = new RegExp(String.raw`^\p{L}[\p{L}\d-]*\.(?:${WEB_ENDINGS})$`, 'u');

/** Nouns after a group of states named by a letter and a count ("the G9 summit"). */
const STATE_GROUP_NOUNS = new Set([
  'summit',
  'summits',
  'leaders',
  'countries',
  'nations',
  'members',
  'meeting',
  'talks',
  'group',
  'economies',
  'ministers',
]);

/** Nouns for a company's business, written after its name ("Halvorsen shares", "a Halvorsen plant"). */
const BUSINESS_NOUNS = new Set([
  'earnings',
  'shares',
  'stock',
  'revenue',
  'revenues',
  'profit',
  'profits',
  'sales',
  'factory',
  'factories',
  'plant',
  'plants',
  'store',
  'stores',
  'shareholders',
  'investors',
  'customers',
  'products',
  'vehicles',
  'cars',
  'tires',
  'tyres',
  'executives',
  'employees',
  'workers',
  'boss',
  'board',
  'brand',
  'subsidiary',
  'merger',
  'takeover',
]);

/** Officers of a company: what they are "of" is a company ("chief executive of Kestrel"). */
const COMPANY_OFFICERS = new Set([
  'executive',
  'ceo',
  'cfo',
  'coo',
  'cto',
  'chairman',
  'chairwoman',
  'founder',
  'co-founder',
  'cofounder',
  'shareholder',
  'shareholders',
  'investor',
  'investors',
  'owner',
  'owners',
  'employee',
  'employees',
  'subsidiary',
]);

/**
 * The kind a name's evidence supports, or null to drop it. Head words decide
 * first (a "Party" is an organization whoever speaks for it); then a title,
 * role or honorific makes a person; a country or region from the gazetteers is
 * a place; a speech verb or a name that reads as one (a given name first, or
 * every word a known name part) makes a person of two words or more; a city
 * from the gazetteers, or "in X", makes a place. A single word needs a cue of
 * its own: a surname alone is too easily an ordinary capitalized word.
 */
export function decideKind(
  cues: Cues,
  tokenCount: number,
  acronym: boolean,
  letters = tokenCount,
): EntityKind | null {
  if (cues.law > 0) return null;
  const weak = cues.strongPerson === 0 && cues.speaker === 0 && cues.org < 2 && cues.place < 2;
  if (tokenCount === 1 && cues.adjective > 0 && weak) return null;
  if (cues.org >= 2 && cues.org >= cues.place) return 'organization';
  if (cues.place >= 2) return 'place';
  if (acronym) {
    // "UK", "USA" are countries; a longer place in capitals ("WASHINGTON —") is a dateline.
    // "U.S. officials": a country's people, not an organization's.
    if (cues.gazPlace >= 2 && letters <= 3) return 'place';
    if (cues.gazPlace > 0 && cues.org === 0) return letters <= 3 ? 'place' : null;
    if (cues.strongPerson >= 3 && cues.org === 0) return 'person';
    return 'organization';
  }
  // "Wire Press Portugal": a lone country is a place whatever title-like word precedes it.
  if (tokenCount === 1 && cues.gazPlace >= 2 * Math.max(1, cues.strongPerson / 2)) return 'place';
  if (tokenCount === 1 && cues.brand > 0 && cues.given === 0 && cues.gazPlace === 0)
    return 'organization';
  if (cues.strongPerson > 0) return 'person';
  if (cues.facility > 1 || (cues.facility > 0 && !(cues.given > 0 && tokenCount <= 2)))
    return 'place';
  // "Kenya" is also a given name, and "France said" speaks for a country: a title makes a person.
  if (cues.gazPlace >= 2) return 'place';
  // "San Diego": a whole city name from the gazetteer, whatever given name it opens with.
  if (tokenCount > 1 && cues.gazPlace > 0 && cues.speaker === 0) return 'place';
  if ((cues.speaker > 0 || cues.actor > 0) && tokenCount > 1) return 'person';
  const city = cues.gazPlace > 0;
  if (tokenCount > 1 && city && cues.given === 0) return 'place';
  // "in Kampong Cham": after "in" or "from", a name no given name opens is a place.
  if (tokenCount > 1 && cues.inPlace > 0 && cues.given === 0 && cues.actor === 0) return 'place';
  const toldOnly = cues.listener > 0 && cues.speaker === 0 && cues.actor === 0;
  // "a source told Vexion that …": one word told, no given name and no place, is an outlet.
  if (toldOnly && cues.given === 0 && cues.gazPlace === 0) return 'organization';
  if (tokenCount > 1 && cues.brand === 0 && (cues.given > 0 || cues.nameLike > 0)) return 'person';
  if (tokenCount === 1 && cues.speaker > 0 && cues.nameLike > 0) return 'person';
  // A lone city name with no person's cue: "Lisbon", "Santiago", also given names in the lists.
  if (city && cues.speaker === 0 && cues.actor === 0) return 'place';
  if (cues.inPlace > 0 && tokenCount > 1 && cues.speaker === 0) return 'place';
  // "near Brackwater", "a Brackwater-based team": a lone word no list knows, where no person speaks.
  if (cues.inPlace > 0 && cues.given === 0 && cues.speaker === 0 && cues.actor === 0)
    return 'place';
  if (cues.members > 0 && cues.given === 0 && cues.speaker === 0) return 'organization';
  return null;
}
