const SVG = 'http://www.w3.org/2000/svg';

/** Appends an SVG element with its attributes (and text) to `parent`: the views draw item content by hand, outside D3's joins. */
export function el<K extends keyof SVGElementTagNameMap>(parent: Element, tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  parent.appendChild(e);
  return e;
}
