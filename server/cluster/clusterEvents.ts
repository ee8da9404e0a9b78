import type { ClusterLink } from './clusterLink';

/**
 * What one instance tells the others about state that every instance keeps in memory.
 * socket.io messages to clients go through the socket.io adapter; these are for the
 * instances themselves.
 */
export type ClusterEvent =
  /** A workshop's control state changed and is stored: read it again before the next decision. */
  | { type: 'control'; workshopId: string }
  /** Per-person views (placement round, own votes) changed: send them to your own sockets. */
  | { type: 'views'; workshopId: string; topic: 'round' | 'myVotes' }
  /** A participant was removed: close its board connections. */
  | { type: 'endParticipant'; workshopId: string; participantId: string }
  /** A workshop was deleted: drop its board without storing, forget its control state. */
  | { type: 'deleted'; workshopId: string };

export interface ClusterEvents {
  /** Tell the other instances (never this one). */
  emit(event: ClusterEvent): void;
  on(handler: (event: ClusterEvent) => void): void;
  /** After the link to the others was lost a while: what may have been missed must be read again. */
  onReconnect(handler: () => void): void;
}

/** One instance: nobody to tell. */
export const noClusterEvents: ClusterEvents = { emit: () => {}, on: () => {}, onReconnect: () => {} };

export async function createClusterEvents(link: ClusterLink): Promise<ClusterEvents> {
  const channel = link.key('events');
  const handlers: ((event: ClusterEvent) => void)[] = [];
  await link.listen(channel, (_channel, message) => {
    let parsed: { from?: unknown; event?: ClusterEvent };
    try {
      parsed = JSON.parse(message.toString()) as typeof parsed;
    } catch {
      return;
    }
    if (parsed.from === link.instanceId || !parsed.event) return;
    for (const handler of handlers) handler(parsed.event);
  });
  return {
    emit(event) {
      link.publish(channel, JSON.stringify({ from: link.instanceId, event }));
    },
    on(handler) {
      handlers.push(handler);
    },
    onReconnect(handler) {
      link.onReconnect(handler);
    },
  };
}
