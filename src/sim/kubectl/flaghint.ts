import { KubectlError } from './errors';
import { parseArgs } from './flags';
import type { Args } from './flags';

/**
 * parseArgs for `kubectl CMD`, adding the line kubectl (cobra) prints under a flag error:
 * `See 'kubectl get --help' for usage.`
 */
export function parseCommandArgs(cmd: string, argv: string[]): Args {
  try {
    return parseArgs(argv);
  } catch (e) {
    if (e instanceof KubectlError && /^error: (unknown (shorthand )?flag|flag needs an argument)/.test(e.text)) throw new KubectlError(`${e.text}\nSee 'kubectl ${cmd} --help' for usage.`);
    throw e;
  }
}
