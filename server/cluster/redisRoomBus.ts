import type { RoomBus, RoomBusListener } from '../yjs/roomBus';
import type { ClusterLink } from './clusterLink';

/**
 * Board updates between instances over Redis pub/sub, one channel per board: a frame is the
 * sender's instance id (length-prefixed) followed by the Yjs update, which is already stored.
 * Redis pub/sub keeps no history; what an instance misses while its link is down it reads
 * from storage when the link is back (`resync`). Compaction needs no Redis lock: storage lets one
 * instance at a time compact a board (Storage.compactDocExclusive).
 */
export function createRedisRoomBus(link: ClusterLink): RoomBus {
  const self = Buffer.from(link.instanceId);
  const channelOf = (workshopId: string) => link.key(`doc:${workshopId}`);
  return {
    shared: true,
    async join(workshopId: string, listener: RoomBusListener) {
      const leave = await link.listen(channelOf(workshopId), (_channel, frame) => {
        const idLength = frame[0] ?? 0;
        const sender = frame.subarray(1, 1 + idLength);
        if (sender.equals(self)) return;
        listener.remoteUpdate(new Uint8Array(frame.buffer, frame.byteOffset + 1 + idLength, frame.length - 1 - idLength));
      });
      const stopResync = link.onReconnect(() => listener.resync());
      return () => {
        leave();
        stopResync();
      };
    },
    publish(workshopId: string, update: Uint8Array) {
      link.publish(channelOf(workshopId), Buffer.concat([Buffer.from([self.length]), self, update]));
    },
  };
}
