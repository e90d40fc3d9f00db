import { useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';

interface Props {
  /** `vertical` separates columns (drag left/right); `horizontal` separates rows. */
  orientation: 'vertical' | 'horizontal';
  label: string;
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right/down grows the panel, -1 when it shrinks it. */
  direction: 1 | -1;
  onChange(px: number): void;
}

/** A splitter: pointer drag, or arrow keys when focused (WAI-ARIA window splitter). */
export function Handle({ orientation, label, value, min, max, direction, onChange }: Props) {
  const start = useRef<{ pos: number; value: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const clamp = (v: number) => Math.min(max, Math.max(min, v));

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { pos: orientation === 'vertical' ? e.clientX : e.clientY, value };
    setDragging(true);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    const pos = orientation === 'vertical' ? e.clientX : e.clientY;
    onChange(clamp(start.current.value + direction * (pos - start.current.pos)));
  };
  const onPointerUp = () => {
    start.current = null;
    setDragging(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const stepPx = e.shiftKey ? 64 : 16;
    const grow = orientation === 'vertical' ? { ArrowRight: direction, ArrowLeft: -direction } : { ArrowDown: direction, ArrowUp: -direction };
    const d = grow[e.key as keyof typeof grow];
    if (d !== undefined) {
      e.preventDefault();
      onChange(clamp(value + d * stepPx));
    } else if (e.key === 'Home') onChange(min);
    else if (e.key === 'End') onChange(max);
  };

  return (
    <div
      className="handle"
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      data-dragging={dragging}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
