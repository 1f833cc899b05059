import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Features the test models read, in order. `zip` is a proxy of `sex` in the test data. */
export const FEATURES = ['income', 'sex', 'zip'];

/** A logistic model: P(positive) = σ(bias + Σ w_f x_f). */
export interface Logistic {
  readonly bias: number;
  readonly weights: readonly number[];
}

export const usesSex: Logistic = { bias: -1, weights: [0.02, 4, 0] };
export const blind: Logistic = { bias: -1, weights: [0.02, 0, 0] };
export const usesZip: Logistic = { bias: -1, weights: [0.02, 0, 4] };

export function score(model: Logistic, row: readonly number[]): number {
  const z = row.reduce((sum, x, f) => sum + x * (model.weights[f] ?? 0), model.bias);
  return 1 / (1 + Math.exp(-z));
}

export type Handler = (body: unknown, request: IncomingMessage, response: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 and a free port; `close` ends it and every open connection. */
export async function serve(handler: Handler): Promise<{ url: string; close(): Promise<void>; requests(): number }> {
  let requests = 0;
  const server = createServer((request, response) => {
    requests++;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      handler(text === '' ? undefined : JSON.parse(text), request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function answer(response: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(text);
}

/** Serves `model` in both shapes: plain JSON at /predict, Open Inference Protocol v2 at /v2/models/m/infer. */
export const modelHandler =
  (model: Logistic): Handler =>
  (body, request, response) => {
    if (request.url === '/predict') {
      const { instances } = body as { instances: number[][] };
      answer(response, 200, { predictions: instances.map((row) => score(model, row)) });
      return;
    }
    const { inputs } = body as { inputs: { name: string; shape: number[]; datatype: string; data: number[] }[] };
    const input = inputs[0] as { shape: number[]; data: number[] };
    const [rows, width] = input.shape as [number, number];
    const scores = Array.from({ length: rows }, (_, r) => score(model, input.data.slice(r * width, (r + 1) * width)));
    answer(response, 200, { model_name: 'm', outputs: [{ name: 'probability', shape: [rows], datatype: 'FP64', data: scores }] });
  };
