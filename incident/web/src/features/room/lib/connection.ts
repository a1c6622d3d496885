/**
 * The state of a room's live view, from the socket's point of view and the catch-up's. The
 * "reconnecting…" banner shows from the moment the socket drops until the socket is back, the
 * subscription is confirmed (RECEIPT) and the events feed has filled the gap — not merely until the
 * socket reconnects, because until then messages may still be missing.
 */
export type LinkPhase = 'connecting' | 'subscribing' | 'catching-up' | 'live';

export interface LinkState {
  phase: LinkPhase;
  /** Whether this view was ever live: the first connection shows a loader, not the banner. */
  wasLive: boolean;
  /** The socket dropped after the view was live, and the gap is not filled yet. */
  interrupted: boolean;
  /** Failed catch-up attempts in a row, for the retry delay. */
  failures: number;
}

export type LinkEvent =
  | { type: 'socket-up' }
  | { type: 'socket-down' }
  | { type: 'subscribed' }
  | { type: 'caught-up' }
  | { type: 'catch-up-failed' }
  | { type: 'gap' };

export const initialLink: LinkState = { phase: 'connecting', wasLive: false, interrupted: false, failures: 0 };

export function link(state: LinkState, event: LinkEvent): LinkState {
  switch (event.type) {
    case 'socket-up':
      return { ...state, phase: 'subscribing' };
    case 'socket-down':
      return { ...state, phase: 'connecting', interrupted: state.wasLive };
    case 'subscribed':
      return state.phase === 'subscribing' ? { ...state, phase: 'catching-up' } : state;
    case 'caught-up':
      return state.phase === 'catching-up' ? { phase: 'live', wasLive: true, interrupted: false, failures: 0 } : state;
    case 'catch-up-failed':
      return { ...state, failures: state.failures + 1 };
    case 'gap':
      // A frame arrived out of order while live: fetch what is missing, quietly (no banner).
      return state.phase === 'live' ? { ...state, phase: 'catching-up' } : state;
    default:
      return state;
  }
}

export function showsBanner(state: LinkState): boolean {
  return state.interrupted;
}

/** Wait before the next catch-up attempt: 1 s, 2 s, 4 s … up to 30 s. */
export function retryDelayMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}
