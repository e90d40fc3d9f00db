import type { SimToUi } from '../../worker/protocol';
import { request } from './simClient';
import { ui } from './ui';

function noteReply(reply: SimToUi): void {
  if (reply.type === 'delta' && reply.settled !== undefined) ui.getState().setSettled(reply.settled);
  if (reply.type === 'error') ui.getState().print('stderr', reply.message);
}

let inFlight: Promise<void> | null = null;
let queued = 0;

/**
 * Advances one tick. Presses that arrive while a tick is being computed are counted and
 * sent together afterwards, so holding `.` neither drops ticks nor floods the worker.
 */
export function step(): Promise<void> {
  if (inFlight) {
    queued++;
    return inFlight;
  }
  const run = async () => {
    let count = 1;
    while (count > 0) {
      noteReply(await request({ type: 'tick', count }));
      count = queued;
      queued = 0;
    }
  };
  inFlight = run().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

export async function settle(): Promise<void> {
  const s = ui.getState();
  if (s.settling) return;
  s.setPlaying(false);
  s.setSettling(true);
  try {
    noteReply(await request({ type: 'settle' }));
  } finally {
    ui.getState().setSettling(false);
  }
}

export function togglePlaying(): void {
  const s = ui.getState();
  s.setPlaying(!s.playing);
}

let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Drives ticks while `playing`: the next tick is scheduled only after the previous reply,
 * so a slow tick never piles requests up in the worker.
 */
export function startPlaybackLoop(): () => void {
  const loop = async () => {
    timer = undefined;
    if (!ui.getState().playing) return;
    const started = performance.now();
    await step();
    if (!ui.getState().playing) return;
    const wait = Math.max(0, 1000 / ui.getState().speed - (performance.now() - started));
    timer = setTimeout(loop, wait);
  };
  const unsub = ui.subscribe((s, prev) => {
    if (s.playing && !prev.playing && timer === undefined) void loop();
    if (!s.playing && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  });
  return () => {
    unsub();
    if (timer !== undefined) clearTimeout(timer);
  };
}
