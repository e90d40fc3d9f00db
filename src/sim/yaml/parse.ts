import { LineCounter, parseAllDocuments, isMap, isScalar } from 'yaml';
import type { Document, Tags, YAMLError } from 'yaml';

/** One `---`-separated document of a manifest file. */
export interface ManifestDocument {
  /** 0-based position in the file. */
  index: number;
  /** The document as JSON (undefined for an empty document or one with a syntax error). */
  object?: Record<string, unknown>;
  /** The first syntax error, as kubectl (go-yaml) words it, with its place in the file. */
  error?: { message: string; line: number; column: number; endLine: number; endColumn: number; docLine: number };
  doc: Document.Parsed;
  /** 1-based line where the document's content starts (after its `---`). */
  startLine: number;
}

export interface ParsedManifest {
  documents: ManifestDocument[];
  lineCounter: LineCounter;
}

// kubectl decodes YAML with go-yaml v2 (YAML 1.1: `0644` is octal, `yes` is a bool), but keeps
// unquoted timestamps as strings; the 1.1 schema without its timestamp tag does the same.
const PARSE_OPTIONS = {
  version: '1.1' as const,
  customTags: (tags: Tags): Tags => tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:timestamp'),
};

/** go-yaml's words for the syntax problems the `yaml` package reports by code. */
function goYamlMessage(e: YAMLError): string {
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
      return 'did not find expected key';
    case 'MISSING_CHAR':
      return 'did not find expected node content';
    case 'DUPLICATE_KEY':
      return 'duplicate key';
    case 'BAD_SCALAR_START':
      return 'found character that cannot start any token';
    default:
      return e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? e.message;
  }
}

/** Parses a multi-document manifest, keeping positions so errors can point at lines. */
export function parseManifest(text: string): ParsedManifest {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  const list = Array.isArray(docs) ? docs : [];
  const documents: ManifestDocument[] = list.map((doc, index) => {
    const start = doc.range[0];
    const startLine = lineCounter.linePos(start).line;
    const md: ManifestDocument = { index, doc, startLine };
    const err = doc.errors[0];
    if (err) {
      const [a, b] = err.linePos ?? [lineCounter.linePos(err.pos[0]), lineCounter.linePos(err.pos[1])];
      const end = b ?? a;
      // kubectl decodes each document on its own, so go-yaml counts lines from the document's start.
      const docLine = a.line - firstContentLine(text, startLine) + 1;
      md.error = { message: goYamlMessage(err), line: a.line, column: a.col, endLine: end.line, endColumn: end.col, docLine: Math.max(1, docLine) };
      return md;
    }
    const js: unknown = doc.toJS({ maxAliasCount: 100 });
    if (js !== null && js !== undefined) {
      if (typeof js === 'object' && !Array.isArray(js)) md.object = js as Record<string, unknown>;
      else
        md.error = {
          message: `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(js) ? 'array' : typeof js === 'string' ? 'string' : 'number'} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
          line: startLine,
          column: 1,
          endLine: startLine,
          endColumn: 1,
          docLine: 1,
        };
    }
    return md;
  });
  return { documents, lineCounter };
}

/** The first line of a document after a `---` marker on `startLine`, if it has one. */
function firstContentLine(text: string, startLine: number): number {
  const line = text.split('\n')[startLine - 1] ?? '';
  return /^---\s*$/.test(line) ? startLine + 1 : startLine;
}

/** True when a document has nothing but comments (kubectl skips those). */
export function isEmptyDocument(d: ManifestDocument): boolean {
  if (d.error) return false;
  const c = d.doc.contents;
  return c === null || (isScalar(c) && (c.value === null || c.value === '')) || (isMap(c) && c.items.length === 0 && d.object === undefined);
}
