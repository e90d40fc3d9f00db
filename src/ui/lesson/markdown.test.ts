import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Markdown, parseBlocks } from './markdown';

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe('lesson markdown', () => {
  it('splits paragraphs, lists and fenced code', () => {
    const blocks = parseBlocks('One\nline.\n\n- a\n- b\n\n1. x\n2. y\n\n```\nNamespace\n├── Pod\n```\nAfter.');
    expect(blocks).toEqual([
      { type: 'p', text: 'One line.' },
      { type: 'ul', items: ['a', 'b'] },
      { type: 'ol', items: ['x', 'y'] },
      { type: 'code', text: 'Namespace\n├── Pod' },
      { type: 'p', text: 'After.' },
    ]);
  });

  it('renders `code` and **bold**, with code content taken literally', () => {
    expect(html('A **pod** runs `nginx:1.27`, not `**x**`.')).toBe(
      '<div><p>A <strong>pod</strong> runs <code>nginx:1.27</code>, not <code>**x**</code>.</p></div>',
    );
  });

  it('never passes HTML through', () => {
    const out = html('<img src=x onerror=alert(1)> and `<b>`');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('<code>&lt;b&gt;</code>');
  });
});
