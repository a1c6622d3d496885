import { useAuth, type ApiClient } from '@toolocr/platform-web';
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { LiveSocket, socketUrl } from './LiveSocket';

/** Holds the socket of the signed-in person; a new one for each sign-in, none while signed out. */
class SocketHolder {
  private current: LiveSocket | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly client: ApiClient) {}

  readonly get = () => this.current;

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  open(): () => void {
    const socket = new LiveSocket(this.client, socketUrl(window.location));
    socket.start();
    this.set(socket);
    return () => {
      if (this.current === socket) this.set(null);
      void socket.stop();
    };
  }

  private set(socket: LiveSocket | null) {
    this.current = socket;
    this.listeners.forEach((l) => l());
  }
}

const SocketContext = createContext<SocketHolder | null>(null);

/** The app's one live socket while someone is signed in; closed at sign-out. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const { client, user } = useAuth();
  const [holder] = useState(() => new SocketHolder(client));
  const userId = user?.id ?? null;
  useEffect(() => (userId ? holder.open() : undefined), [holder, userId]);
  return <SocketContext.Provider value={holder}>{children}</SocketContext.Provider>;
}

export function useSocket(): LiveSocket | null {
  const holder = useContext(SocketContext);
  return useSyncExternalStore(holder?.subscribe ?? noSubscribe, holder?.get ?? noSocket);
}

const noSubscribe = () => () => {};
const noSocket = () => null;

/** Whether the socket is up right now. */
export function useSocketUp(): boolean {
  const socket = useSocket();
  return useSyncExternalStore(
    (notify) => (socket ? socket.onState(notify) : () => {}),
    () => socket?.up ?? false,
  );
}
