import type { FastifyLoggerOptions, PinoLoggerOptions } from 'fastify/types/logger.js';

/**
 * Fields removed from every log line. Fastify's request serializer logs method, URL, host and remote address (no
 * headers, no bodies); the paths below make sure that stays true if a header or body is ever logged by a hook, a
 * plugin or a handler's `request.log.info({ req })`: bearer tokens, cookies and the secret-bearing bodies (a created
 * token) are censored.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'headers.authorization',
  'authorization',
  'token',
  '*.token',
  'body',
  'req.body',
  'res.body',
];

/** Structured JSON logs (pino, through fastify) to `stream`, or standard output when none is given. */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyLoggerOptions & PinoLoggerOptions {
  return {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    ...(stream === undefined ? {} : { stream: stream as NodeJS.WritableStream & { write(msg: string): void } }),
  };
}
