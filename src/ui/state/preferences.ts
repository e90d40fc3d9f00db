import type { Language, PreferencesSlice, Theme } from './slices';

const KEY = 'kube-orchestra.preferences';

export type StoredPreferences = Pick<PreferencesSlice, 'language' | 'theme' | 'collapsed' | 'sizes'>;

/** Korean for Korean browsers, English otherwise. */
export function languageFrom(navigatorLanguage: string | undefined): Language {
  return navigatorLanguage?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function defaultPreferences(): StoredPreferences {
  return {
    language: languageFrom(typeof navigator === 'undefined' ? undefined : navigator.language),
    theme: systemTheme(),
    collapsed: { lesson: false, side: false, log: false },
    sizes: { lesson: 280, side: 390, log: 150 },
  };
}

/** Stored preferences over the defaults; a corrupt entry is ignored rather than fatal. */
export function loadPreferences(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): StoredPreferences {
  const base = defaultPreferences();
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return base;
    const saved = JSON.parse(raw) as Partial<StoredPreferences>;
    return {
      language: saved.language === 'ko' || saved.language === 'en' ? saved.language : base.language,
      theme: saved.theme === 'light' || saved.theme === 'dark' ? saved.theme : base.theme,
      collapsed: { ...base.collapsed, ...saved.collapsed },
      sizes: { ...base.sizes, ...saved.sizes },
    };
  } catch {
    return base;
  }
}

export function savePreferences(p: StoredPreferences, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ language: p.language, theme: p.theme, collapsed: p.collapsed, sizes: p.sizes }));
  } catch {
    // Private mode or a full quota: preferences simply do not persist.
  }
}
