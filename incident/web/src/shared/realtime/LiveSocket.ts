import { Client, type IFrame, type StompSubscription } from '@stomp/stompjs';
import type { ApiClient } from '@toolocr/platform-web';

/** A destination the app wants while the socket is up; re-subscribed after every reconnect. */
interface Watch {
  destination: string;
  onFrame: (body: unknown) => void;
  /** Called once the server confirms the subscription (RECEIPT), on every (re)subscribe. */
  onSubscribed?: () => void;
  /** The server refused the subscription (a room this user may not read). */
  onRefused?: () => void;
  live: StompSubscription | null;
  confirmed: boolean;
}

export type SocketListener = (up: boolean) => void;

let receipts = 0;

/**
 * One STOMP 1.2 connection over a plain WebSocket to `/ws` for the whole app. CONNECT carries the
 * shared session's access token (refreshed first when there is none or the last CONNECT was
 * refused). Subscriptions ask for a RECEIPT: only once it is in may a view read the events feed for
 * what it missed, so that nothing falls between the feed and the live frames.
 */
export class LiveSocket {
  private readonly stomp: Client;
  private readonly watches = new Set<Watch>();
  private readonly listeners = new Set<SocketListener>();
  private refreshFirst = false;
  up = false;

  constructor(
    private readonly api: ApiClient,
    url: string,
  ) {
    this.stomp = new Client({
      brokerURL: url,
      reconnectDelay: 1000,
      maxReconnectDelay: 10_000,
      connectionTimeout: 8000,
      heartbeatIncoming: 20_000,
      heartbeatOutgoing: 20_000,
      beforeConnect: async () => {
        if (this.refreshFirst || !this.api.accessToken) {
          await this.api.refresh();
          this.refreshFirst = false;
        }
        this.stomp.connectHeaders = this.api.accessToken ? { Authorization: `Bearer ${this.api.accessToken}` } : {};
      },
      onConnect: () => {
        this.setUp(true);
        for (const w of this.watches) this.subscribe(w);
      },
      onStompError: (frame: IFrame) => {
        const message = frame.headers.message ?? '';
        if (/unauthenticated/i.test(message)) {
          this.refreshFirst = true;
          return;
        }
        // A refused SUBSCRIBE ends the connection on the server's side. The watches still waiting
        // for their receipt are the ones refused: drop them, so that the reconnect does not ask again.
        if (/not-found/i.test(message)) {
          for (const w of [...this.watches]) {
            if (w.live !== null && !w.confirmed) {
              this.watches.delete(w);
              w.onRefused?.();
            }
          }
        }
      },
      onWebSocketClose: () => {
        for (const w of this.watches) {
          w.live = null;
          w.confirmed = false;
        }
        this.setUp(false);
      },
    });
  }

  start() {
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', this.offline);
    }
    this.stomp.activate();
  }

  async stop() {
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.offline);
    }
    await this.stomp.deactivate();
    this.setUp(false);
  }

  /** The browser says the network is gone: drop the socket now instead of waiting for heartbeats. */
  private readonly offline = () => {
    if (this.up) this.stomp.forceDisconnect();
  };

  onState(listener: SocketListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  watch(destination: string, onFrame: (body: unknown) => void, options: { onSubscribed?: () => void; onRefused?: () => void } = {}): () => void {
    const w: Watch = { destination, onFrame, onSubscribed: options.onSubscribed, onRefused: options.onRefused, live: null, confirmed: false };
    this.watches.add(w);
    if (this.up) this.subscribe(w);
    return () => {
      this.watches.delete(w);
      if (w.live && this.up) {
        try {
          w.live.unsubscribe();
        } catch {
          // The socket went down in between; nothing to undo.
        }
      }
      w.live = null;
    };
  }

  /** Sends to an /app destination; false when the socket is down (the caller falls back to REST). */
  publish(destination: string, body: unknown): boolean {
    if (!this.up) return false;
    this.stomp.publish({ destination, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return true;
  }

  private subscribe(w: Watch) {
    const receipt = `sub-${++receipts}`;
    w.confirmed = false;
    this.stomp.watchForReceipt(receipt, () => {
      w.confirmed = true;
      if (this.watches.has(w)) w.onSubscribed?.();
    });
    w.live = this.stomp.subscribe(
      w.destination,
      (frame) => {
        let body: unknown;
        try {
          body = JSON.parse(frame.body);
        } catch {
          return; // not ours to understand; a hostile or broken frame changes nothing
        }
        w.onFrame(body);
      },
      { receipt },
    );
  }

  private setUp(up: boolean) {
    if (this.up === up) return;
    this.up = up;
    this.listeners.forEach((l) => l(up));
  }
}

/** `/ws` on this page's host, `wss:` under HTTPS. */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}
