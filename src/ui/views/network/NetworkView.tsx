import { useTranslation } from 'react-i18next';
import type { Translate } from '../cluster/drawNodes';
import { useMirrorRenderer } from '../useMirrorRenderer';
import type { RendererOptions } from '../svgRenderer';
import { useMirror } from '../../state/useMirror';
import { CLUSTER_CIDR, SERVICE_CIDR } from '../../../sim/network/cni';
import { enforcesNetworkPolicy } from '../../../sim/settings';
import { NETWORK_RESOURCES } from '../model/networkObjects';
import { NetworkRenderer } from './renderer';
import { useTraffic } from '../../state/traffic';
import '../views.css';
import './network.css';

const create = (host: HTMLElement, opts: RendererOptions) => new NetworkRenderer(host, opts);

/** The CNI in one line: plugin, address ranges, how pods on different nodes reach each other, and policy. */
function NetworkLegend() {
  const { t } = useTranslation('views');
  const settings = useMirror((s) => s.settings);
  const policies = useMirror((s) => s.objects[NETWORK_RESOURCES.networkPolicies]?.size ?? 0);
  const cni = settings.cni;
  const enforced = enforcesNetworkPolicy(cni);
  const encrypted = cni === 'weave' && settings.weaveEncryption;
  return (
    <div className="ko-net-legend" data-testid="network-legend" data-cni={cni} data-policy-enforced={String(enforced)} data-encrypted={String(encrypted)}>
      <span className="ko-net-legend-cni">
        <span className="ko-net-legend-key">{t('network.legend.cni')}</span> <strong>{t(`network.cniName.${cni}`)}</strong>
      </span>
      <span>
        <span className="ko-net-legend-key">{t('network.legend.clusterCIDR')}</span> <code>{CLUSTER_CIDR}</code>
      </span>
      <span>
        <span className="ko-net-legend-key">{t('network.legend.serviceCIDR')}</span> <code>{SERVICE_CIDR}</code>
      </span>
      <span className={`ko-net-legend-transport ko-net-transport-${cni}`} data-testid="network-transport">
        <span className="ko-net-legend-swatch" aria-hidden="true" />
        {t(`network.transport.${cni}`)}
        {cni === 'weave' && ` · ${encrypted ? t('network.link.encrypted') : t('network.link.unencrypted')}`}
      </span>
      <span className={enforced ? 'ko-net-legend-policy ko-net-enforced' : 'ko-net-legend-policy ko-net-ignored'} data-testid="network-policy-mode">
        {enforced ? t('network.legend.policyEnforced', { count: policies }) : t('network.legend.policyIgnored', { count: policies, cni: t(`network.cniName.${cni}`) })}
      </span>
    </div>
  );
}

/** The last traced request, as this view sees it: where it went and which nodes it crossed. */
function TraceCaption() {
  const { t } = useTranslation('views');
  const trace = useTraffic((s) => s.trace);
  if (!trace) return null;
  const cross = trace.hops.find((h) => h.kind === 'overlay' && typeof h.params?.to === 'string' && h.params.to !== h.node);
  const served = trace.servedBy ? `${trace.servedBy.namespace ?? 'default'}/${trace.servedBy.name}` : '';
  return (
    <p className="ko-net-trace" data-testid="network-traffic" data-outcome={trace.outcome} data-served-by={served} data-crossed={cross ? `${cross.node}|${String(cross.params?.to)}` : ''}>
      <span className="ko-net-legend-key">{t('network.trace.title')}</span>
      <code>{trace.request}</code>
      <span>
        {t('network.trace.outcome', { outcome: trace.outcome })}
        {served && ` · ${t('network.trace.servedBy', { pod: served })}`}
      </span>
      <span>{cross ? t('network.trace.crossed', { from: cross.node, to: String(cross.params?.to) }) : t('network.trace.local')}</span>
    </p>
  );
}

/**
 * Pod networking as the CNI plugin wires it: every node's InternalIP and podCIDR, its pods
 * and their IPs, NetworkPolicy badges on the pods they select, the node's routing table,
 * and between the nodes the plugin's transport (VXLAN tunnels, BGP peerings, a Weave mesh).
 */
export function NetworkView() {
  const { t, i18n } = useTranslation('views');
  const hostRef = useMirrorRenderer(create, t as Translate, i18n.language);
  return (
    <section className="ko-views ko-network" aria-label={t('network.label')} data-testid="network-view">
      <NetworkLegend />
      <TraceCaption />
      <div className="ko-network-scroll" ref={hostRef} />
    </section>
  );
}
