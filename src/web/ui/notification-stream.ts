/**
 * The signed-in user's live notification state (unread count, newest time) from the server-sent event stream
 * `/api/notifications/stream`. One EventSource for the whole app, shared by the header's bell and the panel;
 * the browser reconnects it by itself after a network break or the server's periodic end of stream. The server ends
 * it when the session would end unused; the browser's reconnection is then refused and it gives up, until the user
 * signs in again in place (`reopenNotificationStream`).
 */
import { useSyncExternalStore } from 'react';

export interface NotificationState { unread: number; latestAt: string | null }

let state: NotificationState | null = null;
let source: EventSource | null = null;
const listeners = new Set<() => void>();

function connect() {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/notifications/stream', { withCredentials: true });
  source.addEventListener('notifications', (e) => {
    try {
      state = JSON.parse((e as MessageEvent<string>).data) as NotificationState;
    } catch {
      return;
    }
    for (const l of listeners) l();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  connect();
  return () => {
    listeners.delete(listener);
    if (!listeners.size && source) {
      source.close();
      source = null;
      state = null;
    }
  };
}

/**
 * Opens the stream again if the server ended it for good: the browser gives up on a 401 (the session ended while
 * the page was open), so after the user signs in again in place the bell would otherwise stay stale.
 */
export function reopenNotificationStream(): void {
  if (!listeners.size || (source && source.readyState !== EventSource.CLOSED)) return;
  source?.close();
  source = null;
  connect();
}

/** The live state, or null until the first event. Only mount where a user is signed in. */
export function useNotificationState(): NotificationState | null {
  return useSyncExternalStore(subscribe, () => state, () => null);
}

/** Marks notifications read locally at once (the server's next event confirms it). */
export function noteRead(count = 1): void {
  if (!state) return;
  state = { ...state, unread: Math.max(0, state.unread - count) };
  for (const l of listeners) l();
}
