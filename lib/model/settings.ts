/**
 * The reader's page settings: what they are, their defaults, and the check
 * every change passes. Pure and Dexie-free, because the content script
 * imports the defaults and the site check and must stay small; reading and
 * writing them is lib/store/settings.ts.
 */
import type { EntityKind } from './bundle-format';
import { UserError } from './user-error';
import { isRecord } from './json-check';

/** The kinds of entity a reader can switch marking on and off for. */
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organization', 'place'];

/** Page settings, as the content script applies them. */
export interface Settings {
  /** Master switch: false removes every mark on every page. */
  enabled: boolean;
  /** Host names where nothing is marked; a listed host also covers its subdomains. */
  disabledSites: string[];
  /** Which kinds of entity are marked. */
  kinds: Record<EntityKind, boolean>;
  /** How long the pointer rests on a name before its card opens, in ms (0–2000). */
  hoverDelayMs: number;
  /** True: a card opens on click instead of on hover. */
  clickMode: boolean;
  /** The colours of the extension's own pages (options, side panel); `system` follows the browser. */
  theme: Theme;
}

/** The themes of the extension's pages. */
export type Theme = 'system' | 'light' | 'dark';

/** Every {@link Theme}, in the order the options page offers them. */
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** A change to some settings; `kinds` may name only the kinds that change. */
export type SettingsPatch = Partial<Omit<Settings, 'kinds'>> & {
  kinds?: Partial<Record<EntityKind, boolean>>;
};

/** What a fresh install uses. */
export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  kinds: { person: true, organization: true, place: true },
  hoverDelayMs: 300,
  clickMode: false,
  theme: 'system',
};

/** Bounds of {@link Settings.hoverDelayMs}. */
export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

/** Most sites the disabled list may hold; a longer list is a bug or an attack on memory. */
export const MAX_DISABLED_SITES = 1000;

/** A host name: labels of letters, digits and hyphens (IDNs in punycode), optionally a port-less IP. */
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Every setting's name, in the order they are stored. */
export const SETTING_KEYS = [
  'enabled',
  'disabledSites',
  'kinds',
  'hoverDelayMs',
  'clickMode',
  'theme',
] as const;

/**
 * What is wrong with `value` as a {@link SettingsPatch}, in words a settings
 * page can show, or null when it is valid. Unknown fields are errors: a typo
 * should not silently do nothing.
 */
export function settingsPatchProblem(value: unknown): string | null {
  return settingsPatchError(value)?.message ?? null;
}

/**
 * {@link settingsPatchProblem} as the error the settings page shows. The
 * problems a reader can cause (a site the list refuses) have their own
 * message; the others are a sender's bug, named in English inside a general one.
 */
export function settingsPatchError(value: unknown): UserError | null {
  const problem = isRecord(value) ? firstFieldProblem(value) : 'Settings must be an object.';
  if (problem === null || problem instanceof UserError) return problem;
  return new UserError('settingsNotSaved', [problem], `These settings cannot be saved: ${problem}`);
}

function firstFieldProblem(patch: Record<string, unknown>): string | UserError | null {
  for (const [name, field] of Object.entries(patch)) {
    const problem = settingFieldProblem(name, field);
    if (problem) return problem;
  }
  return null;
}

/** What is wrong with `value` as the setting `name`, or null when it is valid. */
export function settingFieldProblem(name: string, value: unknown): string | UserError | null {
  switch (name) {
    case 'enabled':
    case 'clickMode':
      return typeof value === 'boolean' ? null : `${name} must be true or false.`;
    case 'hoverDelayMs':
      return Number.isInteger(value) &&
        (value as number) >= HOVER_DELAY_RANGE.min &&
        (value as number) <= HOVER_DELAY_RANGE.max
        ? null
        : `hoverDelayMs must be a whole number of milliseconds from ${HOVER_DELAY_RANGE.min} to ${HOVER_DELAY_RANGE.max}.`;
    case 'disabledSites':
      return disabledSitesProblem(value);
    case 'theme':
      return (THEMES as readonly unknown[]).includes(value)
        ? null
        : `theme must be one of ${THEMES.join(', ')}.`;
    case 'kinds':
      return kindsProblem(value);
    default:
      return `Unknown setting: ${name}.`;
  }
}

function disabledSitesProblem(value: unknown): string | UserError | null {
  if (!Array.isArray(value)) return 'disabledSites must be a list of host names.';
  if (value.length > MAX_DISABLED_SITES) {
    return new UserError(
      'tooManyDisabledSites',
      [MAX_DISABLED_SITES],
      `Dramatis can be off on at most ${MAX_DISABLED_SITES.toLocaleString('en-US')} sites. Remove some from the list of sites and try again.`,
    );
  }
  for (const site of value) {
    if (typeof site !== 'string' || !HOST_NAME.test(site)) {
      return new UserError(
        'notAHostName',
        [String(site)],
        `"${String(site)}" is not a host name: write it like www.example.com, lower case, without https:// or a path.`,
      );
    }
  }
  return null;
}

function kindsProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'kinds must be an object like {"person": true}.';
  for (const [kind, on] of Object.entries(value)) {
    if (!(ENTITY_KINDS as readonly string[]).includes(kind)) {
      return `Unknown kind: ${kind}. Use ${ENTITY_KINDS.join(', ')}.`;
    }
    if (typeof on !== 'boolean') return `kinds.${kind} must be true or false.`;
  }
  return null;
}

/** `settings` with `patch` applied; `kinds` merges kind by kind. Both inputs are left unchanged. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  return {
    enabled: patch.enabled ?? settings.enabled,
    disabledSites: [...new Set(patch.disabledSites ?? settings.disabledSites)],
    kinds: { ...settings.kinds, ...patch.kinds },
    hoverDelayMs: patch.hoverDelayMs ?? settings.hoverDelayMs,
    clickMode: patch.clickMode ?? settings.clickMode,
    theme: patch.theme ?? settings.theme,
  };
}

/** True when `hostname` is a listed site or a subdomain of one ("news.example.com" under "example.com"). */
export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** True when pages on `hostname` should be marked at all. */
export function isMarkingOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !isSiteDisabled(settings, hostname);
}
