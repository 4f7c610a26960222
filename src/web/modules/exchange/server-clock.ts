/**
 * One ticking clock for every countdown on the page (a single interval, not one per row), corrected
 * by the offset between the server's clock and this browser's.
 */
import { useSyncExternalStore } from 'react';

let offsetMs = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let nowSec = Math.floor(Date.now() / 1000);

/** Record the server's time as just received (`serverTime` of a list response). */
export function syncServerTime(serverIso: string | null | undefined): void {
  if (!serverIso) return;
  const server = Date.parse(serverIso);
  if (!Number.isNaN(server)) offsetMs = server - Date.now();
}

/** Derive the server's time from a deadline just received: server now = dueAt − remainingMs. */
export function syncFromRemaining(dueAt: string | null, remainingMs: number | null, paused: boolean): void {
  if (!dueAt || remainingMs === null || paused) return;
  const due = Date.parse(dueAt);
  if (!Number.isNaN(due)) offsetMs = due - remainingMs - Date.now();
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  if (!timer) {
    timer = setInterval(() => {
      nowSec = Math.floor(Date.now() / 1000);
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(cb);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The server's "now" in ms, re-rendering the caller every second. */
export function useServerNow(): number {
  const sec = useSyncExternalStore(subscribe, () => nowSec);
  return sec * 1000 + offsetMs;
}
