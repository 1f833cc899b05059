import { digestOfJson, type Problem, type Verdict } from '../../core/index.ts';

/**
 * A server runs a check on uploads saved under random temporary paths, but a verdict records "the path as the user
 * gave it" (and its digest covers those paths). Relabelling swaps each temporary path back for the name the client
 * sent and recomputes the digest the way runCheck does, so a remote check yields the same verdict as a local one.
 * Temporary paths are unique random strings, so exact replacement cannot touch anything else.
 */
export function relabelVerdict(verdict: Verdict, names: ReadonlyMap<string, string>): Verdict {
  const { digest: _digest, ...body } = verdict;
  const relabelled = replaceStrings(body, names) as Omit<Verdict, 'digest'>;
  return { ...relabelled, digest: digestOfJson(relabelled) };
}

/** The same swap inside a problem (its message and location), for errors raised while reading the uploads. */
export function relabelProblem(problem: Problem, names: ReadonlyMap<string, string>): Problem {
  return replaceStrings(problem, names) as Problem;
}

function replaceStrings(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    let text = value;
    for (const [from, to] of names) text = text.split(from).join(to);
    return text;
  }
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, names));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceStrings(item, names)]));
  }
  return value;
}
