import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../sim/objects';
import { networkModel, formatRoute } from '../../../sim/network/cni';
import { iptablesSave, kubeProxyRules, type KubeProxyJump, type KubeProxyServicePort } from '../../../sim/network/kubeproxy';
import { useMirror } from '../../state/useMirror';
import { selectObject } from '../../state/selection';
import { networkObjectsFromMirror } from '../model/networkObjects';
import './nodeNetwork.css';

/** `0.33333333349` (iptables' statistic value) as a short share; the exact text stays in the title. */
function JumpProbability({ jump }: { jump: KubeProxyJump }) {
  const { t } = useTranslation('views');
  if (jump.probabilityText === undefined) return <span className="ko-kp-prob">{t('nodeNet.otherwise')}</span>;
  return (
    <span className="ko-kp-prob" title={`-m statistic --mode random --probability ${jump.probabilityText}`}>
      p={Number(jump.probabilityText).toFixed(3)}
    </span>
  );
}

/** One Service port as kube-proxy programs it: the port, its chain, and the endpoints the chain picks from. */
function ServicePortRow({ sp }: { sp: KubeProxyServicePort }) {
  const { t } = useTranslation('views');
  const target = sp.internalTrafficPolicy === 'Local' ? sp.svlChain : sp.svcChain;
  return (
    <li className="ko-kp-row" data-service={`${sp.service.namespace}/${sp.service.name}`} data-chain={target}>
      <div className="ko-kp-head">
        <button type="button" className="ko-kp-link ko-kp-svc" onClick={() => selectObject(sp.service)}>
          {sp.servicePortName}
        </button>
        <span className="ko-kp-addr">
          {sp.clusterIP}:{sp.port}/{sp.protocol}
        </span>
        {sp.nodePort !== undefined && <span className="ko-kp-addr">{t('nodeNet.nodePort', { port: sp.nodePort })}</span>}
        {sp.loadBalancerIPs.map((ip) => (
          <span key={ip} className="ko-kp-addr">
            {t('nodeNet.loadBalancer', { ip })}
          </span>
        ))}
      </div>
      {sp.clusterJumps.length === 0 ? (
        <div className="ko-kp-chain">
          → REJECT <span className="ko-kp-none">({t('nodeNet.noEndpoints')})</span>
        </div>
      ) : (
        <>
          <div className="ko-kp-chain" title={t('nodeNet.chain')}>
            → {target}
          </div>
          <ul className="ko-kp-endpoints" aria-label={t('nodeNet.endpoints')}>
            {sp.clusterJumps.map((j) => (
              <li key={j.endpoint.sepChain} data-endpoint={j.endpoint.address} data-sep={j.endpoint.sepChain}>
                <span className="ko-kp-ep">{j.endpoint.address}</span> <JumpProbability jump={j} />
                {j.endpoint.pod && (
                  <button type="button" className="ko-kp-link ko-kp-pod" onClick={() => selectObject(j.endpoint.pod ?? null)}>
                    {j.endpoint.pod.name}
                  </button>
                )}
                {j.endpoint.local && <span className="ko-badge">{t('nodeNet.local')}</span>}
                <div className="ko-kp-sep">→ {j.endpoint.sepChain} → DNAT</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

/**
 * A node's networking, as the learner would read it on the machine: `ip route` under the
 * current CNI plugin, and the Service rules kube-proxy keeps in iptables (readable rows,
 * and the `iptables-save` text behind a disclosure). Computed from the mirror with the
 * same functions the sim routes requests by.
 */
export function NodeNetworkTab({ node }: { node: KubeObject }) {
  const { t, i18n } = useTranslation('views');
  // The sim explains each route in English only: shown in English, a tooltip otherwise.
  const notesInline = i18n.language.startsWith('en');
  const objects = useMirror((s) => s.objects);
  const settings = useMirror((s) => s.settings);
  const name = node.metadata.name;
  const id = useId();
  const [copied, setCopied] = useState(false);
  const input = useMemo(() => networkObjectsFromMirror(objects), [objects]);
  const routes = useMemo(() => networkModel({ ...input, pods: input.pods.filter((p) => p.spec?.nodeName === name) }, settings).nodes.find((n) => n.node === name)?.routes ?? [], [input, settings, name]);
  const rules = useMemo(() => kubeProxyRules(input, name), [input, name]);
  const saved = useMemo(() => iptablesSave(rules), [rules]);

  const copy = () => {
    void navigator.clipboard?.writeText(saved).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <div className="ko-node-net" data-testid="node-network" data-node={name} data-cni={settings.cni}>
      <section aria-labelledby={`${id}-routes`}>
        <h3 id={`${id}-routes`} className="ko-section-title">
          {t('nodeNet.routes')} <span className="ko-kp-cni">({t(`network.cniName.${settings.cni}`)})</span>
        </h3>
        <p className="ko-hint">{t('nodeNet.routesHint')}</p>
        <ul className="ko-routes" data-testid="node-routes">
          {routes.map((r) => {
            const text = formatRoute(r);
            return (
              <li key={text} data-dev={r.dev} title={notesInline ? undefined : r.note}>
                <code>{text}</code>
                {notesInline && <span className="ko-route-note">{r.note}</span>}
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby={`${id}-kp`} data-testid="kube-proxy-rules">
        <h3 id={`${id}-kp`} className="ko-section-title">
          {t('nodeNet.kubeProxy')}
        </h3>
        <p className="ko-hint">{t('nodeNet.kubeProxyHint')}</p>
        {rules.servicePorts.length === 0 ? (
          <p className="ko-hint">{t('nodeNet.noServices')}</p>
        ) : (
          <ul className="ko-kp-rows">
            {rules.servicePorts.map((sp) => (
              <ServicePortRow key={`${sp.servicePortName}/${sp.protocol}`} sp={sp} />
            ))}
          </ul>
        )}
        <details className="ko-iptables">
          <summary>{t('nodeNet.showIptables')}</summary>
          <div className="ko-iptables-bar">
            <button type="button" className="ko-kp-copy" onClick={copy} aria-label={`${t('nodeNet.copy')}: ${t('nodeNet.iptablesLabel', { node: name })}`}>
              {copied ? t('nodeNet.copied') : t('nodeNet.copy')}
            </button>
          </div>
          <pre className="ko-iptables-text" tabIndex={0} aria-label={t('nodeNet.iptablesLabel', { node: name })} data-testid="iptables-save">
            {saved}
          </pre>
        </details>
      </section>
    </div>
  );
}
