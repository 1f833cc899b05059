import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ciContextFromEnv } from '../../src/app/index.ts';

test('GitHub Actions variables give repository, commit, ref, actor and the run URL', () => {
  const context = ciContextFromEnv({
    GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/credit', GITHUB_SHA: 'f00d', GITHUB_REF: 'refs/heads/main',
    GITHUB_SERVER_URL: 'https://github.example.com/', GITHUB_RUN_ID: '42', GITHUB_ACTOR: 'ana',
  });
  assert.deepEqual(context, {
    provider: 'github', repository: 'acme/credit', commit: 'f00d', ref: 'refs/heads/main',
    runUrl: 'https://github.example.com/acme/credit/actions/runs/42', actor: 'ana',
  });
});

test('GitLab CI variables give the pipeline URL, falling back to the job URL', () => {
  const env = { GITLAB_CI: 'true', CI_PROJECT_PATH: 'acme/credit', CI_COMMIT_SHA: 'beef', CI_COMMIT_REF_NAME: 'main', CI_JOB_URL: 'https://gl/j/1', GITLAB_USER_LOGIN: 'bo' };
  assert.deepEqual(ciContextFromEnv(env), { provider: 'gitlab', repository: 'acme/credit', commit: 'beef', ref: 'main', runUrl: 'https://gl/j/1', actor: 'bo' });
  assert.equal(ciContextFromEnv({ ...env, CI_PIPELINE_URL: 'https://gl/p/9' })?.runUrl, 'https://gl/p/9');
});

test('outside CI there is no context, and empty variables are left out', () => {
  assert.equal(ciContextFromEnv({ CI: 'true', GITHUB_SHA: 'f00d' }), undefined);
  assert.deepEqual(ciContextFromEnv({ GITHUB_ACTIONS: 'true', GITHUB_SHA: '' }), { provider: 'github' });
});
