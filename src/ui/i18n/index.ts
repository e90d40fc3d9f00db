import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enShell from './en/shell';
import enViews from './en/views';
import enLesson from './en/lesson';
import koShell from './ko/shell';
import koViews from './ko/views';
import koLesson from './ko/lesson';
import enRecords from './en/records';
import koRecords from './ko/records';
import type { Language } from '../state/slices';
import type { ReconcileRecord } from '../../sim/controllers/types';

export const NAMESPACES = ['shell', 'views', 'lesson'] as const;

type Tree = { [key: string]: string | Tree };

/**
 * Record strings are kept flat (`'record.deployment.scaledUp': '…'`) so each controller's
 * author adds lines without touching the shell's nesting; i18next reads nested keys, so
 * they are folded into the shell namespace here.
 */
export function withRecords(shell: object, flat: Record<string, string>): Tree {
  const out = structuredClone(shell) as Tree;
  for (const [key, text] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node = typeof next === 'object' ? next : (node[part] = {});
    }
    node[parts[parts.length - 1] as string] = text;
  }
  return out;
}

export const resources = {
  en: { shell: withRecords(enShell, enRecords), views: enViews, lesson: enLesson },
  ko: { shell: withRecords(koShell, koRecords), views: koViews, lesson: koLesson },
};

/** One i18next instance for the app; each panel reads its own namespace. */
export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'shell',
    fallbackNS: ['views', 'lesson'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}

/**
 * A reconcile record in the current language; the sim's English `reason` when no key fits,
 * so a record is never shown as a raw key. Record strings live in the shell namespace (the
 * reconcile log owns them): naming it lets panels whose `t` reads another namespace share this.
 */
export function recordText(t: (key: string, opts: Record<string, unknown>) => string, r: ReconcileRecord): string {
  if (!r.code) return r.reason;
  const key = r.code.startsWith('record.') ? r.code : `record.${r.code}`;
  return t(key, { ...r.params, ns: ['shell', 'views'], defaultValue: r.reason });
}
