import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { ServerOptions } from 'socket.io';
import type { ClusterLink } from './clusterLink';

/**
 * socket.io across instances: the official Redis Streams adapter. Every broadcast to a room
 * (`io.to(...)`) reaches the sockets of every instance; a stream, unlike plain pub/sub, lets an
 * instance that lost Redis for a moment read on from where it was. Instances tell each other
 * they live (heartbeat); one that stops is no longer waited for (presence asks every instance).
 */
export function createSocketIoAdapter(link: ClusterLink): ServerOptions['adapter'] {
  return createAdapter(link.pub, {
    streamName: link.key('socket.io'),
    channelPrefix: link.key('socket.io'),
    sessionKeyPrefix: link.key('socket.io:session:'),
    heartbeatInterval: link.config.heartbeatIntervalMs,
    heartbeatTimeout: link.config.heartbeatTimeoutMs,
  }) as ServerOptions['adapter'];
}
