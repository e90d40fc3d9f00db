import type { ClusterOptions } from '../sim/cluster';
import type { KubeObject } from '../sim/objects';
import type { ClusterSettings } from '../sim/settings';

export type Lang = 'ko' | 'en';
export type Localized = Record<Lang, string>;

/** A read-only view of the cluster that goals are evaluated on. */
export interface ClusterSnapshot {
  tick: number;
  /** Objects by store key: `pods`, `namespaces`, `nodes`, `events`, `deployments.apps` ... */
  objects: Record<string, readonly KubeObject[]>;
  /**
   * The learner's most recent apply or kubectl answer. Some outcomes live only in what the
   * API server said (a rejected manifest, a listing), not in cluster state.
   */
  lastResult?: LastResult;
  /** Cluster settings (CNI plugin, load-balancer provider ...), for goals about them. Absent: the defaults. */
  settings?: ClusterSettings;
}

export interface LastResult {
  /** The kubectl line, or `apply -f FILE` for the editor's Apply. */
  command: string;
  exitCode: 0 | 1;
  stdout: string;
  stderr: string;
}

/** A goal is a pure predicate over a snapshot, with the words shown beside its checkbox. */
export interface Goal {
  id: string;
  text: Localized;
  check: (s: ClusterSnapshot) => boolean;
}

/** One step of a reference solution, played by the lesson test and by "show me". */
export type SolutionStep =
  /** `expectError`: the step breaks something on purpose; stderr must contain this text. */
  | { kind: 'apply'; file: string; yaml: string; expectError?: string }
  | { kind: 'kubectl'; line: string; expectError?: string }
  | { kind: 'tick'; count: number }
  | { kind: 'settle' };

export interface LessonStep {
  id: string;
  title: Localized;
  /** Markdown, ≤ 120 words per language. */
  body: Localized;
  /** Text to put in the editor for this step (the learner edits and applies it). */
  editor?: { file: string; yaml: string };
  /** A kubectl line suggested for the console. */
  command?: string;
  /** Ask before a surprising tick. */
  prediction?: { question: Localized; choices: Localized[]; answer: number; explain: Localized };
  goals: Goal[];
  hint: Localized;
  /** "What just happened", shown when every goal of the step is met. */
  explain: Localized;
  solution: SolutionStep[];
}

export interface Lesson {
  id: string;
  number: number;
  title: Localized;
  summary: Localized;
  /** Start scenario: the cluster shape and manifests applied before step one. */
  scenario: { cluster: ClusterOptions; manifests: { file: string; yaml: string }[] };
  steps: LessonStep[];
  /** One-paragraph wrap-up and an optional challenge without hand-holding. */
  recap: Localized;
  challenge: Localized;
}
