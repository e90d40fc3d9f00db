import type { ReactNode } from 'react';

/**
 * A deliberately small Markdown renderer for lesson text: paragraphs, `code`, **bold**,
 * bullet and numbered lists, fenced code blocks. Output is React elements built from text,
 * never HTML strings, so lesson text cannot inject markup.
 */
export type Block =
  | { type: 'p'; text: string }
  | { type: 'ul' | 'ol'; items: string[] }
  | { type: 'code'; text: string };

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ type: 'p', text: para.join(' ') });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trimStart().startsWith('```')) {
      flush();
      const code: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] as string).trimStart().startsWith('```')) code.push(lines[i++] as string);
      blocks.push({ type: 'code', text: code.join('\n') });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flush();
      const type = bullet ? 'ul' : 'ol';
      const item = (bullet ?? numbered)?.[1] ?? '';
      const prev = blocks[blocks.length - 1];
      if (prev && prev.type === type && lines[i - 1]?.trim() !== '') prev.items.push(item);
      else blocks.push({ type, items: [item] });
      continue;
    }
    if (line.trim() === '') flush();
    else para.push(line.trim());
  }
  flush();
  return blocks;
}

/** `code` first (its content is literal), then **bold** in the text between. */
export function renderInline(text: string, keyPrefix = ''): ReactNode[] {
  const out: ReactNode[] = [];
  const parts = text.split(/(`[^`]+`)/);
  parts.forEach((part, i) => {
    if (part.length > 2 && part.startsWith('`') && part.endsWith('`')) {
      out.push(<code key={`${keyPrefix}c${i}`}>{part.slice(1, -1)}</code>);
      return;
    }
    part.split(/(\*\*[^*]+\*\*)/).forEach((piece, j) => {
      if (!piece) return;
      if (piece.length > 4 && piece.startsWith('**') && piece.endsWith('**')) out.push(<strong key={`${keyPrefix}b${i}.${j}`}>{piece.slice(2, -2)}</strong>);
      else out.push(piece);
    });
  });
  return out;
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={className}>
      {parseBlocks(source).map((b, i) => {
        switch (b.type) {
          case 'p':
            return <p key={i}>{renderInline(b.text, `${i}.`)}</p>;
          case 'code':
            return (
              <pre key={i}>
                <code>{b.text}</code>
              </pre>
            );
          case 'ul':
          case 'ol': {
            const items = b.items.map((item, j) => <li key={j}>{renderInline(item, `${i}.${j}.`)}</li>);
            return b.type === 'ul' ? <ul key={i}>{items}</ul> : <ol key={i}>{items}</ol>;
          }
        }
      })}
    </div>
  );
}
