import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import en from '../../i18n/en/views';
import { SchedulingTable } from './SchedulingTable';

async function render(props: Parameters<typeof SchedulingTable>[0]): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { views: en } }, ns: ['views'], defaultNS: 'views', interpolation: { escapeValue: false } });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(SchedulingTable, props)));
}

describe('SchedulingTable', () => {
  it('shows every node with its filter verdict, per-plugin scores and the chosen node', async () => {
    const html = await render({
      chosen: 'worker-2',
      nodes: [
        { node: 'control-plane', passed: false, reasons: ["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"] },
        { node: 'worker-1', passed: true, reasons: [], scores: { NodeResourcesFit: 40, TaintToleration: 100 }, total: 140 },
        { node: 'worker-2', passed: true, reasons: [], scores: { NodeResourcesFit: 70, TaintToleration: 100 }, total: 170 },
      ],
    });
    expect(html).toContain('untolerated taint');
    expect(html).toMatch(/data-node="worker-1".*<dt[^>]*>NodeResourcesFit<\/dt><dd>40<\/dd>.*<dt[^>]*>TaintToleration<\/dt><dd>100<\/dd>.*140<\/td><\/tr>/);
    expect(html).toMatch(/<tr class="ko-chosen" data-node="worker-2" data-passed="true">.*chosen.*170<\/td><\/tr>/);
    expect(html).toMatch(/<tr class="ko-filtered" data-node="control-plane" data-passed="false">/);
    // A filtered-out node has no scores: its reason spans the score columns, no zeros.
    expect(html).toMatch(/data-node="control-plane".*?<td colSpan="2">.*untolerated taint.*?<\/tr>/i);
  });
});
