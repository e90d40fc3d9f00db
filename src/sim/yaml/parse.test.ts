import { describe, expect, test } from 'vitest';
import { parseManifest } from './parse';
import { spanForField, splitFieldPath } from './positions';

describe('manifest parsing', () => {
  test('YAML 1.1 scalars as kubectl reads them: octal modes, timestamps stay strings', () => {
    const { documents } = parseManifest('a: 0644\nb: 2024-01-01T00:00:00Z\nc: "0644"\n');
    expect(documents[0]?.object).toEqual({ a: 420, b: '2024-01-01T00:00:00Z', c: '0644' });
  });

  test('a syntax error in a later document: file line for markers, document line for the message', () => {
    const text = 'kind: A\n---\nkind: B\nmetadata:\n  name: x: y\n';
    const { documents } = parseManifest(text);
    expect(documents[0]?.error).toBeUndefined();
    expect(documents[1]?.error).toMatchObject({ line: 5, docLine: 3, message: 'mapping values are not allowed in this context' });
  });

  test('field paths map to the key, or to the deepest part that exists', () => {
    const text = 'kind: Pod\nspec:\n  containers:\n  - name: a\n  - name: b\n    imagee: x\n';
    const { documents, lineCounter } = parseManifest(text);
    const doc = documents[0];
    if (!doc) throw new Error('no document');
    expect(splitFieldPath('spec.containers[1].imagee')).toEqual(['spec', 'containers', 1, 'imagee']);
    expect(spanForField(doc, lineCounter, 'spec.containers[1].imagee')).toMatchObject({ line: 6, column: 5 });
    expect(spanForField(doc, lineCounter, 'spec.containers[1].image')).toMatchObject({ line: 5 });
    expect(spanForField(doc, lineCounter, 'metadata.name')).toMatchObject({ line: 1 });
  });
});
