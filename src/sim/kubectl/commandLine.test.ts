import { describe, expect, it } from 'vitest';
import { commandEcho } from './commandLine';

describe('commandEcho', () => {
  it('shows kubectl once, whether or not it was typed', () => {
    expect(commandEcho('get pods')).toBe('kubectl get pods');
    expect(commandEcho('kubectl get pods')).toBe('kubectl get pods');
    expect(commandEcho('kubectl')).toBe('kubectl');
  });
  it("shows Kube Orchestra's own commands without the kubectl prefix", () => {
    expect(commandEcho('settle')).toBe('settle');
    expect(commandEcho('cluster cni calico')).toBe('cluster cni calico');
    expect(commandEcho('curl localhost:8080')).toBe('curl localhost:8080');
    expect(commandEcho('port-forward stop 8080')).toBe('port-forward stop 8080');
    expect(commandEcho('ssh worker-3 -- swapoff -a')).toBe('ssh worker-3 -- swapoff -a');
    expect(commandEcho('port-forward svc/web 8080:80')).toBe('kubectl port-forward svc/web 8080:80');
  });
});
