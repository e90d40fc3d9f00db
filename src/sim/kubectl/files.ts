import { usage } from './errors';
import type { FileReader } from './types';

export function readFile(files: FileReader, name: string): string {
  const text = files(name);
  if (text === undefined) throw usage(`the path "${name}" does not exist`);
  return text;
}
