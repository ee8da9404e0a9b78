/**
 * The reference: @y/websocket-server 0.1.1's setupWSConnection on a bare ws
 * server, as its README shows. A dev dependency of the bench only.
 * Prints its port on stdout.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const server = http.createServer();
const wss = new WebSocketServer({ server });
wss.on('connection', (conn, req) => setupWSConnection(conn, req));
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(`reference listening on ${address.port}`);
});
process.on('SIGTERM', () => process.exit(0));
