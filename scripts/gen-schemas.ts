/**
 * Generates src/generated/k8s-schemas.json: JSON Schema (draft-07) for the Kubernetes kinds
 * the sim and the editor know, from the `kubernetes-types` interfaces. Offline and at build
 * time, so the app never fetches a schema.
 *
 * Output shape (read by src/sim/api/schema/index.ts):
 *   { "$schema": draft-07, "definitions": { <TypeName>: schema, ... },
 *     "kinds": { "<apiVersion>/<Kind>": { "$ref": "#/definitions/<TypeName>" }, ... } }
 * Quantity accepts a string or a number, Time also null, and every object type has
 * `additionalProperties: false` (strict decoding). Shared types (ObjectMeta, PodSpec ...) are defined once in `definitions`.
 *
 * One generator program covers every kind: the entry file below maps each key to its type.
 */
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(root, 'src/generated');

/** [module under kubernetes-types, apiVersion, Kind]. One Kind name per run: the generator names definitions by type name. */
const KINDS: [string, string, string][] = [
  ['core/v1', 'v1', 'Pod'],
  ['core/v1', 'v1', 'Namespace'],
  ['core/v1', 'v1', 'Node'],
  ['core/v1', 'v1', 'Event'],
  ['core/v1', 'v1', 'Service'],
  ['core/v1', 'v1', 'Endpoints'],
  ['core/v1', 'v1', 'ConfigMap'],
  ['core/v1', 'v1', 'Secret'],
  ['core/v1', 'v1', 'PersistentVolume'],
  ['core/v1', 'v1', 'PersistentVolumeClaim'],
  ['core/v1', 'v1', 'ServiceAccount'],
  ['core/v1', 'v1', 'ReplicationController'],
  ['core/v1', 'v1', 'LimitRange'],
  ['core/v1', 'v1', 'ResourceQuota'],
  ['core/v1', 'v1', 'PodTemplate'],
  ['apps/v1', 'apps/v1', 'Deployment'],
  ['apps/v1', 'apps/v1', 'ReplicaSet'],
  ['apps/v1', 'apps/v1', 'StatefulSet'],
  ['apps/v1', 'apps/v1', 'DaemonSet'],
  ['batch/v1', 'batch/v1', 'Job'],
  ['batch/v1', 'batch/v1', 'CronJob'],
  ['networking/v1', 'networking.k8s.io/v1', 'Ingress'],
  ['networking/v1', 'networking.k8s.io/v1', 'IngressClass'],
  ['networking/v1', 'networking.k8s.io/v1', 'NetworkPolicy'],
  ['storage/v1', 'storage.k8s.io/v1', 'StorageClass'],
  ['rbac/v1', 'rbac.authorization.k8s.io/v1', 'Role'],
  ['rbac/v1', 'rbac.authorization.k8s.io/v1', 'RoleBinding'],
  ['rbac/v1', 'rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ['rbac/v1', 'rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
  ['policy/v1', 'policy/v1', 'PodDisruptionBudget'],
  ['autoscaling/v2', 'autoscaling/v2', 'HorizontalPodAutoscaler'],
  ['scheduling/v1', 'scheduling.k8s.io/v1', 'PriorityClass'],
];

type Schema = { [k: string]: unknown };

function entrySource(): string {
  const lines: string[] = [];
  const byModule = new Map<string, string[]>();
  for (const [mod, , kind] of KINDS) byModule.set(mod, [...(byModule.get(mod) ?? []), kind]);
  for (const [mod, kinds] of byModule) lines.push(`import type { ${kinds.join(', ')} } from 'kubernetes-types/${mod}';`);
  lines.push('export interface KubeKinds {');
  for (const [, apiVersion, kind] of KINDS) lines.push(`  '${apiVersion}/${kind}': ${kind};`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

/**
 * Fixes where the TypeScript types say less than the wire format accepts: a Quantity is
 * `"500m"` or `1`; a Time may be `null` (`creationTimestamp: null` in `kubectl create
 * --dry-run -o yaml` output that people paste).
 */
function patchDefinitions(defs: Record<string, Schema>): void {
  const quantity = defs['Quantity'];
  if (quantity) defs['Quantity'] = { ...quantity, type: ['string', 'number'] };
  for (const name of ['Time', 'MicroTime']) {
    const d = defs[name];
    if (d) defs[name] = { ...d, type: ['string', 'null'] };
  }
  addNewerFields(defs);
  // managedFields' trie is free-form JSON; the TypeScript type has no properties to list.
  const fields = defs['FieldsV1'];
  if (fields) defs['FieldsV1'] = { type: 'object', description: fields['description'] };
}

const str = (description: string): Schema => ({ type: 'string', description });

/**
 * kubernetes-types 1.30 predates the v1.34 API the sim serves: add the fields that came in
 * since and that the Kubernetes docs' manifests use, so they decode as on a real cluster.
 */
function addNewerFields(defs: Record<string, Schema>): void {
  const addProp = (def: string, name: string, schema: Schema) => {
    const d = defs[def] as { properties?: Record<string, Schema> } | undefined;
    if (d?.properties && !d.properties[name]) d.properties[name] = schema;
  };
  const obj = (description: string, properties: Record<string, Schema>, required: string[] = []): Schema => ({
    type: 'object',
    description,
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  });
  addProp('PodSpec', 'resources', {
    $ref: '#/definitions/ResourceRequirements',
    description: 'Pod-level resources: the total the containers may use (v1.32+, beta in v1.34).',
  });
  addProp('Volume', 'image', obj('An OCI image or artifact mounted read-only as a volume (v1.31+).', {
    reference: str('Image or artifact reference to be used.'),
    pullPolicy: str('Always, Never or IfNotPresent.'),
  }));
  addProp('EnvVarSource', 'fileKeyRef', obj('Selects a key of an env file in a volume (v1.34+, alpha).', {
    volumeName: str('The name of the volume mount containing the env file.'),
    path: str('The path within the volume from which to select the file.'),
    key: str('The key within the env file.'),
    optional: { type: 'boolean', description: 'Whether the file or its key must be defined.' },
  }, ['volumeName', 'path', 'key']));
  addProp('VolumeProjection', 'podCertificate', obj('Projects an auto-rotating credential bundle (v1.34+, alpha).', {
    signerName: str('Which signer issues the certificate.'),
    keyType: str('The type of key pair to generate.'),
    maxExpirationSeconds: { type: 'number', description: 'Maximum lifetime of the certificate.' },
    credentialBundlePath: str('Where the key and certificate chain are written.'),
    keyPath: str('Where the private key is written.'),
    certificateChainPath: str('Where the certificate chain is written.'),
    userAnnotations: { type: 'object', additionalProperties: { type: 'string' }, description: 'Annotations copied into the certificate request.' },
  }));
  addProp('Container', 'restartPolicyRules', {
    type: 'array',
    description: 'Rules deciding whether a container restarts when it exits (v1.34+, alpha).',
    items: obj('One restart rule.', {
      action: str('What to do when the rule matches: Restart.'),
      exitCodes: obj('Exit codes the rule matches.', {
        operator: str('In or NotIn.'),
        values: { type: 'array', items: { type: 'number' } },
      }),
    }),
  });
}

function main(): void {
  const started = Date.now();
  mkdirSync(outDir, { recursive: true });
  const entry = resolve(outDir, 'kinds-entry.ts');
  writeFileSync(entry, entrySource());
  try {
    const schema = createGenerator({
      path: entry,
      type: 'KubeKinds',
      expose: 'export',
      topRef: false,
      jsDoc: 'extended',
      skipTypeCheck: true,
      additionalProperties: false,
      sortProps: true,
    }).createSchema('KubeKinds') as Schema & { properties: Record<string, Schema>; definitions: Record<string, Schema> };
    const definitions = schema.definitions;
    patchDefinitions(definitions);
    const kinds: Record<string, Schema> = {};
    for (const [key, ref] of Object.entries(schema.properties)) kinds[key] = ref;
    const out = { $schema: 'http://json-schema.org/draft-07/schema#', definitions, kinds };
    writeFileSync(resolve(outDir, 'k8s-schemas.json'), JSON.stringify(out));
    console.log(`schemas: ${Object.keys(kinds).length} kinds, ${Object.keys(definitions).length} definitions in ${Date.now() - started} ms`);
  } finally {
    rmSync(entry, { force: true });
  }
}

main();
