import type { Socket } from 'socket.io-client';
import type { AckResult, WorkshopDetail } from '../../shared/protocol';
import { ApiClient, createWorkshop, facilitatorClient, join } from './api';
import { Recorder, ask, connectControl } from './clients';
import type { TestServer } from './server';

export interface Member {
  socket: Socket;
  events: Recorder;
  token: string;
  participantId: string;
}

/** A workshop with a connected facilitator, ready for method tests. */
export async function workshopWithFacilitator(server: TestServer, title?: string) {
  const api: ApiClient = await facilitatorClient(server.url);
  const workshop: WorkshopDetail = await createWorkshop(api, title);
  const fac = connectControl(server.url, workshop.id, { headers: { cookie: api.cookie, origin: server.url } });
  const facilitator = { socket: fac.socket, events: new Recorder(fac.socket) };
  await fac.state;
  const sockets: Socket[] = [fac.socket];

  async function participant(name = ''): Promise<Member> {
    const joined = await join(server.url, workshop.joinCode, name);
    const c = connectControl(server.url, workshop.id, { token: joined.token });
    const events = new Recorder(c.socket);
    await c.state;
    sockets.push(c.socket);
    return { socket: c.socket, events, token: joined.token, participantId: joined.participantId };
  }

  async function screen() {
    const c = connectControl(server.url, workshop.id, { token: workshop.screenToken });
    const events = new Recorder(c.socket);
    await c.state;
    sockets.push(c.socket);
    return { socket: c.socket, events };
  }

  /** Facilitator action that must succeed. */
  async function act<T = object>(event: string, payload: unknown): Promise<T> {
    const res = await ask<AckResult<T>>(facilitator.socket, event, payload);
    if (!res.ok) throw new Error(`${event} refused: ${res.error.code}`);
    return res as T;
  }

  return {
    api,
    workshop,
    facilitator,
    participant,
    screen,
    act,
    goToPhase: (phaseId: string) => act('phase:go', { phaseId }),
    closeAll: () => sockets.forEach((s) => s.disconnect()),
  };
}
