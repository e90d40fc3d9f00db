import type { PhaseCategory } from '../model/podStatus';

/**
 * One icon per phase family, drawn in a 16×16 box with `currentColor`, so every status is
 * told by shape as well as colour. `solid` shapes are filled discs with a knocked-out glyph.
 */
export interface PhaseIcon {
  disc: 'solid' | 'ring' | 'none';
  /** Glyph path, stroked. */
  glyph: string;
}

export const PHASE_ICONS: Record<PhaseCategory, PhaseIcon> = {
  pending: { disc: 'ring', glyph: 'M8 4.8V8l2.2 1.4' },
  creating: { disc: 'none', glyph: 'M14 8a6 6 0 1 1-3-5.2M11 1.3v1.9h-1.9' },
  running: { disc: 'solid', glyph: 'M6.6 5.3v5.4L10.9 8z' },
  succeeded: { disc: 'solid', glyph: 'M4.9 8.3l2.1 2.1 4.1-4.4' },
  failed: { disc: 'solid', glyph: 'M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8' },
  terminating: { disc: 'ring', glyph: 'M5.2 8h5.6' },
  crashloop: { disc: 'none', glyph: 'M13.5 8A5.5 5.5 0 1 1 8 2.5h2.5M9 .8l1.8 1.7L9 4.2M8 5.6v2.9M8 10.6v.2' },
  unknown: { disc: 'ring', glyph: 'M6.3 6.4a1.8 1.8 0 1 1 2.4 1.7c-.5.2-.7.6-.7 1.1v.3M8 11.2v.1' },
};

export const PHASE_CATEGORIES = Object.keys(PHASE_ICONS) as PhaseCategory[];

/** The `<symbol>` markup for every phase icon, injected once into the view's `<defs>`. */
export function phaseSymbolsMarkup(): string {
  return PHASE_CATEGORIES.map((c) => {
    const { disc, glyph } = PHASE_ICONS[c];
    const circle =
      disc === 'solid'
        ? '<circle cx="8" cy="8" r="7" fill="currentColor"/>'
        : disc === 'ring'
          ? '<circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6"/>'
          : '';
    const stroke = disc === 'solid' ? 'var(--ko-icon-knockout, #fff)' : 'currentColor';
    const fill = c === 'running' ? stroke : 'none';
    return `<symbol id="ko-icon-${c}" viewBox="0 0 16 16">${circle}<path d="${glyph}" fill="${fill}" stroke="${stroke}" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round"/></symbol>`;
  }).join('');
}
