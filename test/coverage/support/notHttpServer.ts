import * as net from 'node:net';

export interface NotHttpServer {
  readonly url: string;
  close(): Promise<void>;
}

/** A TCP server on 127.0.0.1 that answers every connection with an SSH banner: an endpoint that is not HTTP. */
export async function startNotHttpServer(): Promise<NotHttpServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.end('SSH-2.0-OpenSSH_9.6\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}
