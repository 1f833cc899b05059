/**
 * The flip-test benchmark's model: `node bench/explain/model-server.ts` serves a logistic model over plain JSON
 * (`POST /predict`, `{"instances": [[f1, f2, f3, f4, f5, sex], …]}` → `{"predictions": [p, …]}`) on 127.0.0.1 and
 * a free port, which it prints as its first line (`listening <port>`). It runs in its own process so the client under
 * test does not share its event loop with the server; it stops on SIGTERM.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The generator's true logit (bench/gen/model.ts) plus a weight on `sex`, so some decisions flip with the group. */
const predict = (x: readonly number[]): number => {
  const [f1 = 0, f2 = 1, f3 = 0, f4 = 0, f5 = 0, sex = 0] = x;
  const z = -0.3 + 1.1 * f1 - 0.6 * (Math.log(f2) - 8) - 1.2 * (f3 - 0.5) + 0.15 * (f4 - 2) + 0.35 * f5 - 0.4 * sex;
  return 1 / (1 + Math.exp(-z));
};

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { instances: number[][] };
      const answer = JSON.stringify({ predictions: body.instances.map(predict) });
      response.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    } catch (error) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
