/**
 * Text widths from a canvas context: measuring SVG text (getComputedTextLength) forces a
 * layout per call, which made a tick that restyles hundreds of chips take a second.
 */
let ctx: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();
let family = 'system-ui, sans-serif';

/** The font family the SVG actually uses; read once per render, not per label. */
export function setMeasureFamily(f: string): void {
  if (f && f !== family) {
    family = f;
    cache.clear();
  }
}

export function textWidth(text: string, size: number, weight: number): number {
  const key = `${weight}|${size}|${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (ctx === undefined) ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  let w = text.length * size * 0.6;
  if (ctx) {
    ctx.font = `${weight} ${size}px ${family}`;
    w = ctx.measureText(text).width;
  }
  if (cache.size > 5000) cache.clear();
  cache.set(key, w);
  return w;
}
