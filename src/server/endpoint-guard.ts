import { fail, type Location } from '../core/index.ts';
import { redactUrl } from '../app/explain/index.ts';

/**
 * What a server lets a check call. A flip test POSTs rows to a URL that the client chose (in its policy or with
 * --endpoint); run on a server, that would let any engineer token make the server send requests into its own network
 * (SSRF: metadata services, admin ports, databases with an HTTP face). So the server calls only origins its operator
 * listed with `steward serve --allow-endpoint <origin>` — none by default — and refuses the rest before reading any data.
 * The location names where the URL came from: the request's options or the policy file.
 */
export function endpointGuard(allowed: readonly string[]): (url: string, location: Location) => void {
  const origins = new Set(allowed.map(originOf));
  return (url, location) => {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return; // not a URL: the endpoint options reject it with EXPLAIN_INVALID_OPTION before any request is made
    }
    if (!origins.has(origin)) {
      fail('SERVER_ENDPOINT_NOT_ALLOWED', `this server does not call the model endpoint ${redactUrl(url)} for a flip test`, {
        location,
        expected: origins.size === 0 ? 'no endpoint: the server was started without --allow-endpoint' : `an endpoint at ${[...origins].join(', ')}`,
        hint: `run the check locally, or start the server with --allow-endpoint ${origin}`,
      });
    }
  };
}

/** `http://Model:80/x` → `http://model`; an origin that is not a URL is a usage error naming the flag. */
export function originOf(given: string): string {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    fail('USAGE_INVALID_ARGUMENT', `--allow-endpoint ${given} is not a URL`, { expected: 'an origin such as http://model:8080' });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin === 'null') {
    fail('USAGE_INVALID_ARGUMENT', `--allow-endpoint ${given} is not an http(s) origin`, { expected: 'an origin such as http://model:8080' });
  }
  if (url.pathname !== '/' || url.search !== '' || url.username !== '' || url.password !== '') {
    fail('USAGE_INVALID_ARGUMENT', `--allow-endpoint ${given} is more than an origin`, { expected: 'scheme, host and port only, e.g. http://model:8080' });
  }
  return url.origin;
}
