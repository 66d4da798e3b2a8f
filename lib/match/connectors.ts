/**
 * The lower-case words a name may hold, apart from candidates.ts so that the
 * content script's page-text codec (page-text-codec.ts) can rely on their
 * length without bundling the tokenizer.
 */

/** Lower-case words that may sit inside a name: "Ministry of Interior", "Charles de Gaulle". */
export const CONNECTORS = new Set([
  'of',
  'on',
  'for',
  'and',
  'the',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'des',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'bin',
  // Arabic particles written lower case before a hyphen: "Hassan al-Rashid", "Ali el-Sayed".
  'al',
  'el',
]);

/**
 * The longest connector word: a longer lower-case word always ends a name, so
 * candidates.ts skips the set lookup and the codec may drop it.
 */
export const MAX_CONNECTOR_LENGTH = Math.max(...[...CONNECTORS].map((word) => word.length));
