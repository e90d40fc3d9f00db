import { select, type Selection as D3Selection } from 'd3';
// Side effect: gives selections .transition() (importing it via 'd3' alone gets tree-shaken).
import 'd3-transition';
import type { MirrorState } from '../state/mirror';
import type { ObjectRef } from '../../sim/objects';
import type { Translate } from './cluster/drawNodes';
import { phaseSymbolsMarkup } from './cluster/icons';
import { setMeasureFamily } from './cluster/measure';

export interface RendererOptions {
  t: Translate;
  lang: string;
  onSelect: (ref: ObjectRef) => void;
}

export type G = D3Selection<SVGGElement, unknown, null, undefined>;

/** Cached per element so a tick only touches what changed. */
export interface Drawn {
  sig?: string;
  pos?: string;
}
type Tagged = SVGGElement & { __ko?: Drawn };

export function drawn(e: SVGGElement): Drawn {
  return ((e as Tagged).__ko ??= {});
}

/**
 * Joins one focusable item per datum, the way every view does it: a new item fades in when the
 * view animates; a departing one loses `data-kind`, focus and role at once (so neither tests nor
 * the keyboard can reach a ghost), takes `exitClass`, and fades out.
 */
export function joinFocusable<D>(
  bound: D3Selection<SVGGElement, D, SVGGElement, unknown>,
  opts: { enterClass?: string; dataKind?: string; exitClass: string; animate: boolean; ms: number },
): D3Selection<SVGGElement, D, SVGGElement, unknown> {
  return bound.join(
    (enter) => {
      const g = enter.append('g').attr('tabindex', 0).attr('role', 'button');
      if (opts.enterClass) g.attr('class', opts.enterClass);
      if (opts.dataKind) g.attr('data-kind', opts.dataKind);
      if (opts.animate) g.style('opacity', 0);
      return g;
    },
    (update) => update,
    (exit) => {
      exit.attr('class', opts.exitClass).attr('data-kind', null).attr('tabindex', null).attr('role', null);
      if (opts.animate) exit.transition().duration(opts.ms).style('opacity', 0).remove();
      else exit.remove();
    },
  );
}

export function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * What the cluster and owner views share: D3 owns one SVG fed straight from the mirror store
 * (no React), an object is selected by click or Enter/Space on anything carrying `data-kind`,
 * a new mirror version rebuilds the model and redraws with animation, a resize or a language
 * change only lays out again. Subclasses build their model and draw it.
 */
export abstract class MirrorSvgRenderer {
  protected readonly svg: D3Selection<SVGSVGElement, unknown, null, undefined>;
  protected width = 800;
  protected state: MirrorState | null = null;
  protected selected: ObjectRef | null = null;
  private lastVersion = -1;

  constructor(
    protected readonly host: HTMLElement,
    protected opts: RendererOptions,
    svgClass: string,
  ) {
    this.svg = select(host).append('svg').attr('class', svgClass).attr('role', 'group');
    this.svg.append('defs').html(phaseSymbolsMarkup());
    const activate = (e: Event) => {
      const target = (e.target as Element).closest<SVGGElement>('[data-kind]');
      if (!target) return;
      const kind = target.dataset.kind as string;
      const name = target.dataset.name as string;
      const namespace = target.dataset.namespace || undefined;
      this.opts.onSelect(namespace ? { kind, namespace, name } : { kind, name });
    };
    this.svg.on('click', activate);
    this.svg.on('keydown', (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      // Only a focused object takes the key; elsewhere Space stays the global play/pause.
      if (!(e.target as Element).closest('[data-kind]')) return;
      e.preventDefault();
      activate(e);
    });
  }

  setOptions(opts: RendererOptions): void {
    const langChanged = opts.lang !== this.opts.lang;
    this.opts = opts;
    if (langChanged) this.render(true);
  }

  resize(width: number): void {
    const w = Math.floor(width);
    if (w === this.width || w <= 0) return;
    this.width = w;
    this.render(true);
  }

  update(state: MirrorState): void {
    this.state = state;
    if (state.version === this.lastVersion) return;
    this.lastVersion = state.version;
    this.rebuild(state);
    this.render(false);
  }

  select(sel: ObjectRef | null): void {
    this.selected = sel;
    this.markSelection();
  }

  destroy(): void {
    this.svg.interrupt().remove();
  }

  /** A new mirror version: rebuild the model the view draws. */
  protected abstract rebuild(state: MirrorState): void;
  /** Lay out and draw; `relayoutOnly` (resize, language) draws without animation. */
  protected abstract render(relayoutOnly: boolean): void;
  protected abstract markSelection(): void;

  protected layer(className: string): G {
    return this.svg.append('g').attr('class', className);
  }

  /** Sizes the SVG to its layout (after the text measurer has the host's font); true when the draw should animate. */
  protected fit(width: number, height: number, relayoutOnly: boolean): boolean {
    setMeasureFamily(getComputedStyle(this.host).fontFamily);
    this.svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    return !reducedMotion() && !relayoutOnly;
  }

  /** Tick parity picks the keyframes, so a change in consecutive ticks restarts the pulse. */
  protected pulseClass(state: MirrorState, resource: string, key: string): string | null {
    const mark = state.changed.get(`${resource}|${key}`);
    if (!mark || mark.type === 'DELETED') return null;
    return `ko-pulse-${state.tick % 2}`;
  }

  protected isSelected(kind: string, namespace: string, name: string): boolean {
    const s = this.selected;
    return s !== null && s.kind === kind && s.name === name && (s.namespace ?? '') === namespace;
  }
}
