import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { runKubectl } from './run';

const none = () => undefined;

describe('kubectl explain', () => {
  const c = createCluster({ seed: 1 });

  it('a kind: KIND/VERSION, its description and every field with its type', () => {
    const out = runKubectl(c, 'explain pods', none).stdout;
    expect(out.startsWith('KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n    Pod is a collection of containers that can run on a host. This resource is\n    created by clients and scheduled onto hosts.\n')).toBe(true);
    expect(out).toContain('\nFIELDS:\n  apiVersion\t<string>\n');
    expect(out).toContain('\n  spec\t<PodSpec>\n    Specification of the desired behavior of the pod.');
  });

  it('a field path: GROUP for named groups, FIELD with its type, -required- sub-fields', () => {
    const out = runKubectl(c, 'explain deployment.spec.template.spec.containers', none).stdout;
    expect(out.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: containers <[]Container> -required-\n\nDESCRIPTION:\n    List of containers belonging to the pod.')).toBe(true);
    expect(out).toContain('\n  image\t<string>\n');
    expect(out).toContain('\n  name\t<string> -required-\n');
    expect(out).toContain('\n  resources\t<ResourceRequirements>\n');
  });

  it('--recursive prints the field tree without descriptions', () => {
    const out = runKubectl(c, 'explain svc.spec --recursive', none).stdout;
    expect(out).toContain('\n  ports\t<[]ServicePort>\n    appProtocol\t<string>\n    name\t<string>\n    nodePort\t<integer>\n    port\t<integer> -required-\n    protocol\t<string>\n    targetPort\t<IntOrString>\n');
    expect(out).toContain('\n  selector\t<map[string]string>\n');
  });

  it('unknown fields and types', () => {
    expect(runKubectl(c, 'explain pods.spec.foo', none)).toEqual({ stdout: '', stderr: 'error: field "foo" does not exist\n', exitCode: 1 });
    expect(runKubectl(c, 'explain podz', none).stderr).toBe('error: the server doesn\'t have a resource type "podz"\n');
  });
});
