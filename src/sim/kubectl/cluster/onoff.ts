import { usage } from '../errors';

/** `on|off` (also true/false, enable/disable) → boolean; anything else is a usage error naming the command. */
export function parseOnOff(command: string, words: string[]): boolean {
  const [word, ...rest] = words;
  if (rest.length) throw usage(`cluster ${command}: expected one word, on or off, got "${words.join(' ')}"`);
  switch ((word ?? '').toLowerCase()) {
    case 'on':
    case 'true':
    case 'enable':
    case 'enabled':
      return true;
    case 'off':
    case 'false':
    case 'disable':
    case 'disabled':
      return false;
    default:
      throw usage(`cluster ${command}: expected on or off, got ${word === undefined ? 'nothing' : `"${word}"`}`);
  }
}

export const onOff = (v: boolean): string => (v ? 'on' : 'off');
