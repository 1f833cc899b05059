import type { CiContext } from '../../core/index.ts';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The CI context of a record, from GitHub Actions or GitLab CI variables; undefined outside CI. Pure: the CLI reads
 * the environment and passes it in, so the app never reads `process.env`. Empty variables count as absent.
 *
 * GitHub: GITHUB_ACTIONS=true; GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_REF, GITHUB_ACTOR; the run URL is
 * `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`.
 * GitLab: GITLAB_CI=true; CI_PROJECT_PATH, CI_COMMIT_SHA, CI_COMMIT_REF_NAME, GITLAB_USER_LOGIN; the run URL is
 * CI_PIPELINE_URL, else CI_JOB_URL.
 */
export function ciContextFromEnv(env: Env): CiContext | undefined {
  const get = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  if (get('GITHUB_ACTIONS') === 'true') {
    const server = get('GITHUB_SERVER_URL') ?? 'https://github.com';
    const repository = get('GITHUB_REPOSITORY');
    const runId = get('GITHUB_RUN_ID');
    const runUrl = repository !== undefined && runId !== undefined ? `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}` : undefined;
    return compact({ provider: 'github', repository, commit: get('GITHUB_SHA'), ref: get('GITHUB_REF'), runUrl, actor: get('GITHUB_ACTOR') });
  }
  if (get('GITLAB_CI') === 'true') {
    return compact({
      provider: 'gitlab',
      repository: get('CI_PROJECT_PATH'),
      commit: get('CI_COMMIT_SHA'),
      ref: get('CI_COMMIT_REF_NAME'),
      runUrl: get('CI_PIPELINE_URL') ?? get('CI_JOB_URL'),
      actor: get('GITLAB_USER_LOGIN'),
    });
  }
  return undefined;
}

function compact(context: { provider: CiContext['provider'] } & Record<string, string | undefined>): CiContext {
  return Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined)) as unknown as CiContext;
}
