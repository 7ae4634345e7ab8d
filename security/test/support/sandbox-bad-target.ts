// Starts the sandbox, sends one request whose target WHATWG URL cannot parse, then checks that
// the sandbox still answers. Prints "alive" and exits 0 when it does.
import { request } from 'node:http';
import { connect } from 'node:net';
import { startSandbox } from '@qqwxpay/sandbox';

const sandbox = await startSandbox();
const base = new URL(sandbox.qqBaseUrl);
await new Promise<void>((resolve) => {
  const socket = connect(Number(base.port), '127.0.0.1', () => {
    socket.write('GET http://[x]/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  });
  socket.on('data', () => socket.destroy());
  socket.on('close', () => resolve());
  setTimeout(() => socket.destroy(), 500);
});
const status = await new Promise<number>((resolve, reject) => {
  request(new URL('/api/getToken', base), (res) => {
    res.resume();
    resolve(res.statusCode ?? 0);
  })
    .on('error', reject)
    .end();
});
process.stdout.write(`alive ${status}\n`);
await sandbox.close();
