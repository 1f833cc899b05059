import type { CodeSpec } from './types.ts';

/** Codes of the HTTP server, its bearer-token auth, the `steward token` commands and the CLI's remote mode. */
export const serverCodes = {
  AUTH_MISSING_TOKEN: { category: 'usage', summary: 'A request to the server had no `Authorization: Bearer <token>` header; every route except /healthz and /readyz needs one.' },
  AUTH_INVALID_TOKEN: { category: 'usage', summary: 'The bearer token is not one the server issued (malformed, or unknown to its store).' },
  AUTH_TOKEN_EXPIRED: { category: 'usage', summary: 'The bearer token has passed its expiry time; ask an admin for a new one (`steward token create`).' },
  AUTH_TOKEN_REVOKED: { category: 'usage', summary: 'The bearer token was revoked with `steward token revoke`; ask an admin for a new one.' },
  AUTH_FORBIDDEN: { category: 'usage', summary: 'The token is valid but its role may not use this route; the message names the roles that may.' },
  TOKEN_INVALID_ROLE: { category: 'usage', summary: 'A token role is not one of viewer, auditor, engineer, approver, admin.' },
  TOKEN_INVALID_NAME: { category: 'usage', summary: 'A token name is empty, too long, or has characters other than letters, digits, `.`, `_`, `-`.' },
  TOKEN_UNKNOWN: { category: 'usage', summary: 'No token has the name or id given to `steward token revoke`; `steward token list` shows them.' },
  STORE_TOKEN_EXISTS: { category: 'usage', summary: 'A token with this name (or id) is already stored; token names are unique, revoked ones included.' },
  SERVER_INVALID_REQUEST: { category: 'usage', summary: 'A request body, query or path parameter is missing a field or has a value of the wrong form; the error names the field.' },
  SERVER_NOT_FOUND: { category: 'usage', summary: 'No route of the server answers this method and path; /openapi.json lists the routes.' },
  SERVER_PAYLOAD_TOO_LARGE: { category: 'input', summary: 'An uploaded file or request body is larger than the server accepts (`steward serve --max-upload-mb`).' },
  SERVER_ENDPOINT_NOT_ALLOWED: { category: 'usage', summary: 'A check sent to the server would call a model endpoint whose origin the server was not told to call (`steward serve --allow-endpoint <origin>`); run the check locally or ask the operator to allow it.' },
  SERVER_UNREACHABLE: { category: 'input', summary: 'The CLI could not reach the server at STEWARD_URL, or it answered with something that is not a Steward response.' },
} as const satisfies Record<string, CodeSpec>;
