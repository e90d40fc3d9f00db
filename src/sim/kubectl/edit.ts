import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { Args } from './flags';
import { resolveTargets } from './target';
import { kindPrefix } from './resolve';
import { toYaml } from './printers/output';
import { usage } from './errors';
import type { KubectlResult } from './types';

/** kubectl's header on the file it opens in $EDITOR. */
const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/**
 * `kubectl edit TYPE NAME`: the browser has no $EDITOR, so the object opens as a file in the
 * editor's workspace and Apply saves it. kubectl edit sends a patch of what the learner
 * changed, so concurrent status writes do not conflict; leaving resourceVersion out of the
 * file gives apply the same effect.
 */
export function runEdit(cluster: Cluster, args: Args): KubectlResult {
  const targets = resolveTargets(cluster, args, args.positional, 'edit');
  if (targets.length !== 1) throw usage('Kube Orchestra edits one object at a time: kubectl edit TYPE NAME');
  const { type, object } = targets[0] as { type: Parameters<typeof kindPrefix>[0]; object: KubeObject };
  const { resourceVersion: _rv, managedFields: _mf, ...metadata } = object.metadata as KubeObject['metadata'] & { managedFields?: unknown };
  const yaml = HEADER + toYaml({ ...object, metadata });
  const file = `edit-${type.singular}-${object.metadata.name}.yaml`;
  return {
    stdout: `Opened ${kindPrefix(type)}/${object.metadata.name} in the editor as ${file}: change it and press Apply (Ctrl+Enter) to save it, as closing $EDITOR would.\n`,
    stderr: '',
    exitCode: 0,
    edit: { file, yaml },
  };
}
