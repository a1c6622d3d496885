import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { fakeFetch, json, renderApp, signedInClient, tokens } from '@toolocr/platform-web/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Room } from '../../../shared/api/types';
import { roomKeys } from '../api/queries';
import { RoomHeader } from './RoomHeader';

const ROOM: Room = {
  id: 'r1',
  title: 'Hydraulic leak at press 4',
  description: null,
  line: 'L2',
  station: null,
  equipment: null,
  work_order: null,
  category: 'machine_down',
  severity: 'high',
  visibility: 'open',
  status: 'acknowledged',
  template_id: null,
  created_by: 'u1',
  reported_at: '2026-01-05T08:00:00Z',
  acknowledged_at: '2026-01-05T08:01:00Z',
  resolved_at: null,
  closed_at: null,
  cancelled_at: null,
  resolution: null,
  time_to_acknowledge_s: 60,
  time_to_resolve_s: null,
  updated_at: '2026-01-05T08:01:00Z',
  last_seq: 3,
  my_role: 'owner',
  unread_count: 0,
  member_count: 2,
};

/** The header as the room page shows it: fed from the room query, which realtime events also update. */
function Header({ expose }: { expose: (q: QueryClient) => void }) {
  const queryClient = useQueryClient();
  expose(queryClient);
  const room = useQuery({ queryKey: roomKeys.room('r1'), queryFn: () => ROOM, initialData: ROOM, staleTime: Infinity }).data;
  return <RoomHeader room={room} onPanels={() => {}} />;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('room header actions', () => {
  it('keeps resolve closed off while an earlier action is in flight, and its late answer leaves the dialog alone', async () => {
    const startAnswer = deferred<Response>();
    const server = fakeFetch({
      'POST /api/v2/auth/login': () => json(tokens('t1')),
      'POST /api/v2/rooms/r1/start': () => startAnswer.promise,
      'POST /api/v2/rooms/r1/resolve': ({ body }) =>
        json({ ...ROOM, status: 'resolved', resolved_at: '2026-01-05T09:00:00Z', resolution: (body as { resolution: string }).resolution }),
    });
    let queryClient!: QueryClient;
    renderApp({ '/rooms/r1': <Header expose={(q) => (queryClient = q)} /> }, { client: await signedInClient(server.fetch), at: '/rooms/r1', config: { appName: 'Line Incident Response', homePath: '/rooms' } });

    fireEvent.click(screen.getByTestId('action-start'));
    // Another member's start reaches this browser over the socket before our own answer does.
    act(() => queryClient.setQueryData<Room>(roomKeys.room('r1'), { ...ROOM, status: 'in_progress' }));
    expect(await screen.findByTestId('action-resolve')).toBeDisabled();

    startAnswer.resolve(json({ ...ROOM, status: 'in_progress' }));
    await waitFor(() => expect(screen.getByTestId('action-resolve')).toBeEnabled());
    fireEvent.click(screen.getByTestId('action-resolve'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Resolution/), { target: { value: 'Seal replaced' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Resolve' }));

    await waitFor(() => expect(screen.getByTestId('resolution')).toHaveTextContent('Seal replaced'));
    expect(server.calls.filter((c) => c.url.pathname === '/api/v2/rooms/r1/resolve')[0].body).toEqual({ resolution: 'Seal replaced' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
