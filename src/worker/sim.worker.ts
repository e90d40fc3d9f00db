/// <reference lib="webworker" />
import { SimHost } from './host';
import type { SimToUi, UiToSim } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new SimHost((msg: SimToUi) => scope.postMessage(msg), {}, (e) => console.error('kube-orchestra sim:', e));

scope.addEventListener('message', (ev: MessageEvent<UiToSim>) => host.handle(ev.data));
