import type { RemoteServer } from '../app/index.ts';

/**
 * The server named by STEWARD_URL with STEWARD_TOKEN, when both are set: every command that has an API route then
 * runs there (the same output and exit codes), and --store is ignored.
 */
export function remoteServer(env: NodeJS.ProcessEnv = process.env): RemoteServer | undefined {
  const url = env.STEWARD_URL;
  const token = env.STEWARD_TOKEN;
  return url === undefined || url === '' || token === undefined || token === '' ? undefined : { url, token };
}
