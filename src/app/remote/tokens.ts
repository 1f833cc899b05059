import type { CreatedToken, TokenInfo } from '../tokens/registry.ts';
import { call, type RemoteServer } from './client.ts';

/** `steward token create|list|revoke` through a server's admin routes (an admin token is needed). */
export async function remoteCreateToken(server: RemoteServer, request: { name: string; role: string; expires?: string }): Promise<CreatedToken> {
  return (await call(server, 'POST', '/v1/tokens', request)) as CreatedToken;
}

export async function remoteListTokens(server: RemoteServer): Promise<TokenInfo[]> {
  return (await call(server, 'GET', '/v1/tokens')) as TokenInfo[];
}

export async function remoteRevokeToken(server: RemoteServer, nameOrId: string): Promise<TokenInfo> {
  return (await call(server, 'DELETE', `/v1/tokens/${encodeURIComponent(nameOrId)}`)) as TokenInfo;
}
