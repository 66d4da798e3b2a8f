/**
 * Newsroom vocabulary the extractor reads names by. These are cue words of
 * English news writing (titles, organization and place head words, speech
 * verbs), never names of particular people, organizations or places.
 */
import { ROLE_NOUNS } from './generated/role-nouns';

function set(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

/** Honorifics written before a name on second reference; they also tell gender. */
export const HONORIFICS: ReadonlyMap<string, 'male' | 'female' | null> = new Map([
  ['mr', 'male'],
  ['mrs', 'female'],
  ['ms', 'female'],
  ['miss', 'female'],
  ['mx', null],
  ['dr', null],
  ['prof', null],
  ['sir', 'male'],
  ['dame', 'female'],
  ['lord', 'male'],
  ['lady', 'female'],
  ['sheikh', 'male'],
  ['shaikh', 'male'],
  ['sheikha', 'female'],
  ['prince', 'male'],
  ['princess', 'female'],
  ['datuk', null],
  ['dato', null],
  ['datin', 'female'],
  ['tun', null],
  ['haji', 'male'],
  ['hajjah', 'female'],
  ['hajah', 'female'],
  // Malay royal styles: "Agong Al-Sultan …", "Raja Permaisuri Agong Tunku Hajah …".
  ['sultan', 'male'],
  ['al-sultan', 'male'],
  ['sultanah', 'female'],
  ['agong', null],
  ['permaisuri', 'female'],
  ['tunku', null],
]);

/** Abbreviated titles wire copy puts before a name ("Sen. Warren", "Gen. Milley"). */
export const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['sen', 'senator'],
  ['rep', 'representative'],
  ['gov', 'governor'],
  ['gen', 'general'],
  ['lt', 'lieutenant'],
  ['col', 'colonel'],
  ['maj', 'major'],
  ['capt', 'captain'],
  ['sgt', 'sergeant'],
  ['adm', 'admiral'],
  ['cmdr', 'commander'],
  ['supt', 'superintendent'],
  ['insp', 'inspector'],
  ['det', 'detective'],
  ['amb', 'ambassador'],
  ['pres', 'president'],
  ['atty', 'attorney'],
  ['rev', 'reverend'],
  ['sens', 'senators'],
  ['reps', 'representatives'],
]);

/** Abbreviations whose period does not end a sentence. */
export const NON_TERMINAL_ABBREVIATIONS = set(`
  mr mrs ms dr prof sr jr st mt ft vs etc no nos approx est dept univ
  jan feb mar apr jun jul aug sep sept oct nov dec
  sen rep gov gen lt col maj capt sgt adm cmdr supt insp det amb pres atty rev hon sens reps
`);

/** Nouns that head a role phrase: the word right before a name, or opening an apposition. */
export const ROLE_HEADS = set(`
  minister president premier governor spokesperson spokesman spokeswoman analyst chief head
  member members director chairman chairwoman chair chairperson secretary senator representative
  leader official officer commander general ambassador mayor judge justice lawyer attorney
  reporter correspondent editor columnist ceo cfo coo cto founder cofounder co-founder professor
  researcher economist activist candidate deputy lawmaker mp councillor councilor councilman
  councilwoman adviser advisor coordinator manager executive treasurer prosecutor envoy
  king queen prince princess monk bishop pastor priest imam coach captain colonel lieutenant
  major sergeant admiral inspector superintendent detective commissioner administrator
  president-elect vice-president owner partner principal dean rector scholar expert
  consultant strategist pollster campaigner organiser organizer delegate diplomat investor
  economist historian scientist physician doctor surgeon nurse teacher student farmer
  resident villager witness victim suspect defendant plaintiff chancellor speaker whip
  governor-general mayor-elect vice chieftain laureate aide backbencher nominee magistrate
  marshal
`);

/**
 * Nouns that give a role in an apposition ("X, a retired nurse", "X, son of …")
 * but are too ordinary to be read as a title before a capitalized name.
 */
export const APPOSITION_NOUNS = set(`
  boss peer host co-host presenter anchor incumbent predecessor successor wife husband widow
  spouse son daughter father mother brother sister striker midfielder defender goalkeeper
  winger forward champion actor actress singer rapper producer writer author novelist poet
  artist photographer comedian musician star player veteran frontrunner challenger contender
  retiree pensioner worker employee engineer designer architect entrepreneur businessman
  businesswoman act headliner team-mate teammate colleague ally aide rival deputy suspect defendant victim witness
`);

const ROLE_NOUN_SET: ReadonlySet<string> = new Set(ROLE_NOUNS);

/**
 * True for a lowercase noun for a person by what they do or are: the
 * apposition nouns above, compromise's nouns for people ("goalkeeper",
 * "cousin", "financier"), and the -ologist, -ographer and -icist jobs
 * ("astrophysicist", "cartographer") no list can hold them all of, and the
 * -ist followers and players ("traditionalist", "pianist").
 */
export function isRoleNoun(word: string): boolean {
  return (
    APPOSITION_NOUNS.has(word) ||
    ROLE_NOUN_SET.has(word) ||
    /(?:olog|ograph)(?:ist|er)$|.{4}icist$/.test(word) ||
    // "traditionalist", "pianist": a follower or player of something; "persist", "exist" are verbs.
    (/^[a-z]{4,}ist$/.test(word) && !/(?:sist|xist)$/.test(word))
  );
}

/** Words that can sit inside a role phrase before its head ("political analyst", "Deputy President"). */
export const ROLE_MODIFIERS = set(`
  prime deputy vice acting interim former senior junior chief executive managing general
  assistant associate provincial municipal district commune town city county state national
  federal regional local foreign interior defence defense finance justice health education
  political opposition ruling party council committee board union labour labor human rights
  press communications research program programme lead principal independent legal
  secretary-general attorney-general first second permanent top high supreme area special
`);

/** Head words of organization names ("… Party", "Ministry of …", "… Co., Ltd."). */
export const ORG_HEADS = set(`
  party ministry court committee council co ltd inc corp corporation company agency bank
  university union post times news commission department government association institute
  foundation group federation organisation organization police army navy force forces office
  authority assembly parliament senate congress front movement league network centre center
  fund service services board bureau tribunal club school college hospital church alliance
  coalition society trust press herald journal gazette tribune telegraph broadcasting radio
  television tv airlines airways holdings industries partners llc plc gmbh ngo administration
  cabinet secretariat guard guards embassy consulate mission unit command academy
  management research markets studios records entertainment motors systems technologies
  labs laboratories pharmaceuticals division brigade regiment battalion corps fc standard mail
  express mirror guardian observer chronicle courier globe weekly magazine newspaper
  directorate inspectorate
`);

/** Head words of place names, capitalized inside a name or lowercase right after it. */
export const PLACE_WORDS = set(`
  province district commune town city village county state country region prefecture
  municipality capital island islands river lake valley peninsula township borough suburb
  neighbourhood neighborhood governorate oblast canton parish sangkat
`);

/** Adjectives that follow a place name the way "provincial" follows "Svay Rieng". */
export const PLACE_ADJECTIVES = set(`provincial municipal district-level`);

/** Lowercase nouns that, right after an acronym, show the acronym is an organization. */
export const ORG_MEMBER_NOUNS = set(`
  officials official members member leader leaders supporters lawmakers spokesperson spokesman
  spokeswoman president chief head activists candidates candidate deputy deputies staff
  officers employees executives headquarters chairman secretary militants fighters rebels
  loyalists gunmen
`);

/** Verbs that attribute speech ("said", "told", "according to" handled apart). */
export const SAID_VERBS = set(`
  said says say saying told tells added adds adding noted notes noting argued argues arguing
  explained explains explaining stated states claimed claims claiming insisted insists insisting
  warned warns warning maintained maintains maintaining asked asks asking replied replies
  wrote writes continued continues declared declares acknowledged acknowledges admitted admits
  recalled recalls suggested suggests stressed stresses emphasised emphasized alleged alleges
  observed observes remarked remarks countered counters conceded concedes announced announces
  described describes described tweeted posted confirmed confirms denied denies predicted
  characterised characterized contended contends agreed agrees called calls calling
`);

/** Pronouns that stand for a person on later reference, with their gender. */
export const PERSON_PRONOUNS: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ['he', 'male'],
  ['him', 'male'],
  ['his', 'male'],
  ['himself', 'male'],
  ['she', 'female'],
  ['her', 'female'],
  ['hers', 'female'],
  ['herself', 'female'],
]);

/**
 * Words that never start a name even when capitalized: function words and the
 * discourse words news sentences open with ("Meanwhile", "However", "Following").
 */
export const STOP_WORDS = set(`
  a an the and or but nor so yet for of in on at to from by with without within into onto
  upon about above below after before during since until while when where whether if
  though although because as than that this these those there here then thus hence
  however meanwhile moreover furthermore nevertheless nonetheless instead still also
  besides otherwise therefore indeed only even just already again now today yesterday
  tomorrow tonight last next some any many most more much few several all both each every
  other another such no not he she it they we you i me him her them us his its their our
  your my who whom whose which what why how is are was were be been being has have had
  do does did will would shall should can could may might must according under over
  through throughout across among amid between against despite toward towards beyond
  near outside inside like unlike per via plus minus around along alongside following including
  regarding concerning given asked earlier later recently currently overall elsewhere
  separately similarly likewise additionally finally first second third once
  sources officials residents critics analysts observers experts
  photo photos video watch read related share advertisement sponsored subscribe
`);

/** Weekdays and months: capitalized but never entities. */
export const CALENDAR_WORDS = set(`
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  christmas easter ramadan eid diwali hanukkah thanksgiving passover halloween iftar
`);

/** First words of a legal instrument's name: "Law on Political Parties" is not an organization. */
export const LAW_HEADS = set(
  `law act bill code constitution treaty agreement convention decree amendment charter statute ordinance resolution protocol accord oath`,
);

/** Lowercase words allowed inside a capitalized name ("Ministry of Interior", "Bank for …"). */
export const NAME_CONNECTORS = set(
  `of for on the de du da del della di van von der den la le al bin ibn y`,
);

/** Month name (or abbreviation) → month number, for publication dates. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map(
    (m, i) => [m, i + 1],
  ),
);

/** Head words of named buildings and sites, capitalized at the end of the name ("… Water Works", "… Monument"). */
export const FACILITY_HEADS = set(`
  plant station factory monument palace stadium arena museum airport port harbour harbor
  bridge square mosque cathedral temple shrine basilica chapel park garden gardens castle
  tower hall theatre theater cemetery base camp prison jail mall market street avenue road
  highway stage tent pavilion auditorium amphitheatre amphitheater
`);

/** Facility heads no one bears as a surname: "Harbour Stage" is a stage whatever given name it has. */
export const VENUE_HEADS = set(`stage tent pavilion auditorium amphitheatre amphitheater`);

/**
 * Last words of an event's name ("Ostraven Rowing Championships", "the Harbour
 * Arts Festival", "the Halvik Era"): an event is no person, body or place.
 */
export const EVENT_HEADS = set(`
  championships championship cup games olympics festival awards tournament marathon prix
  summit era
`);

/** First words of place names ("Fort …", "Mount …", "Lake …"). */
export const PLACE_PREFIXES = set(`fort mount mt lake cape isle`);

/** Verbs of action right after a name: weaker than a speech verb, but a person's, not a word's. */
export const ACTION_VERBS = set(`
  is was has had will would won wins leads led beat beats lost loses joined joins met meets became
  becomes took takes died dies signed signs resigned resigns visited visits scored scores faces
  faced appeared appears married divorced starred stars played plays testified pleaded denied
  polled captured captures
`);

/**
 * Words that make a football club of a town's name ("Real Valladolid", "Dynamo
 * Kyiv", "Brackwater Rovers"): before or after the town, as the club writes it.
 * Not "City", "Town" or "County": those name places as often ("Quezon City").
 */
export const CLUB_WORDS = set(`
  real atletico atlético inter ac as fc sc cf afc sporting dynamo dinamo lokomotiv spartak
  olympique olympiacos borussia union united athletic rovers wanderers albion hotspur
  rangers celtic argyle alexandra orient vale villa
`);

/** Club words that end no town's or person's name: "Brackwater Rovers" is a club whatever Brackwater is. */
export const CLUB_SUFFIXES = set(`rovers wanderers albion hotspur rangers athletic united argyle`);

/** Lowercase nouns for a kind of organization: "the militant group X", "X, the carmaker,". */
export const ORG_NOUNS = set(`
  company firm group bank carrier airline startup start-up broadcaster newspaper network agency
  organisation organization movement militia faction union association charity insurer lender
  retailer maker carmaker automaker manufacturer conglomerate giant outlet publisher
  broker brokerage consultancy club team party regulator watchdog ministry council
  platform app website newswire tabloid magazine channel studio label chain brand
`);
