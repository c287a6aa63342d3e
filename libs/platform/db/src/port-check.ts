import { createServer } from 'node:net';

/** Resolves when nothing listens on `host:port`; otherwise rejects with a message that says what to do. */
export async function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  const free = await new Promise<boolean>((resolve, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) =>
      err.code === 'EADDRINUSE' || err.code === 'EACCES' ? resolve(false) : reject(err),
    );
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new Error(
      `Port ${port} on ${host} is already in use, so the embedded PostgreSQL cannot listen there. ` +
        'Stop whatever holds it, set EMBEDDED_PG_PORT to another port, or set DATABASE_URL to use an existing server.',
    );
  }
}

/** A TCP port that was free a moment ago (the OS picks it), for throwaway servers in tests. */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
