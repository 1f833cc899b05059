import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Verdict } from '../../src/core/index.ts';
import { renderReport } from '../../src/report/index.ts';
import { failingVerdict, hostile, hostileVerdict, passingVerdict } from './fixtures.ts';
import { repoRoot } from './schema-file.ts';

const junitXsd = path.join(repoRoot, 'test', 'report', 'schemas', 'junit.xsd');

/** Runs Debian's xmllint against the published Ant JUnit schema; returns its complaints (empty when valid). */
function xmllint(xml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'steward-junit-'));
  try {
    const file = path.join(dir, 'report.xml');
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', '--schema', junitXsd, file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** xmllint re-serialises the document: a test that the XML parses back to the text we put in, not just validates. */
function xpath(xml: string, expression: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'steward-junit-'));
  try {
    const file = path.join(dir, 'report.xml');
    writeFileSync(file, xml);
    return execFileSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8' }).replace(/\n$/, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const render = (verdict: Verdict, generatedAt?: Date): string =>
  renderReport('junit', verdict, { color: false, ...(generatedAt === undefined ? {} : { generatedAt }) });

test('JUnit reports of every fixture validate against the Apache Ant JUnit schema with xmllint', () => {
  for (const verdict of [failingVerdict(), passingVerdict(), hostileVerdict()]) {
    assert.equal(xmllint(render(verdict, new Date('2026-11-26T14:42:31Z'))), '');
  }
});

test('a fail finding is a <failure> whose type is the rule id and whose body has value, bound, interval and n', () => {
  const xml = render(failingVerdict());
  const failure = /<testcase name="dp-ratio-race \[race\]"[^>]*>\s*<failure type="dp-ratio-race" message="([^"]*)">([^<]*)<\/failure>/.exec(xml);
  assert.ok(failure, 'dp-ratio-race is a failing testcase');
  assert.match(failure[1] ?? '', /74\.2% of that of race=white/);
  const body = failure[2] ?? '';
  for (const part of ['value: 0.742 (needs ≥ 0.800)', 'interval: 95% CI [0.655, 0.838] bootstrap', 'n: 1,960', 'rule: policies/fairness.yaml:12:5']) {
    assert.ok(body.includes(part), `failure body has "${part}"`);
  }
});

test('warn and insufficient_evidence are <skipped> with the status in the message; waived and pass are passing testcases', () => {
  const xml = render(failingVerdict());
  assert.match(xml, /<testcase name="eo-diff-sex \[sex\]"[^>]*>\s*<skipped message="warn: Equalized odds/);
  assert.match(xml, /<testcase name="recall-per-group \[race=asian\]"[^>]*>\s*<skipped message="insufficient evidence: race=asian/);
  assert.match(xml, /<testcase name="recall-per-group \[race=black\]"[^>]*\/>/);
  assert.match(xml, /<testcase name="auc-floor"[^>]*\/>/);
  assert.equal((xml.match(/<failure /g) ?? []).length, failingVerdict().summary.fail);
});

test('the waiver is explained in the suite output: ticket, approver, expiry and justification', () => {
  const out = xpath(render(failingVerdict()), 'string(//testsuite[testcase/@name="recall-per-group [race=black]"]/system-out)');
  for (const part of ['RISK-142', 'risk-board@example.com', '2026-12-31', 'Retraining with the 2026-Q3 data']) {
    assert.ok(out.includes(part), `system-out mentions ${part}`);
  }
});

test('suite counts add up to the findings: one suite per rule kind, failures and skips counted', () => {
  const verdict = failingVerdict();
  const xml = render(verdict);
  const suites = [...xml.matchAll(/<testsuite [^>]*tests="(\d+)" failures="(\d+)" errors="0" skipped="(\d+)"/g)];
  const kinds = new Set(verdict.findings.map((finding) => finding.kind));
  assert.equal(suites.length, kinds.size);
  const sum = (index: number): number => suites.reduce((total, match) => total + Number(match[index]), 0);
  assert.equal(sum(1), verdict.findings.length);
  assert.equal(sum(2), verdict.summary.fail);
  assert.equal(sum(3), verdict.summary.warn + verdict.summary.insufficient_evidence);
});

test('hostile text survives: markup is escaped and XML-forbidden controls become visible escapes', () => {
  const xml = render(hostileVerdict());
  const forbidden = [...xml].filter((char) => {
    const code = char.codePointAt(0) ?? 0;
    return (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || code === 0xfffe || code === 0xffff;
  });
  assert.deepEqual(forbidden, [], 'no character XML 1.0 forbids');
  assert.ok(!xml.includes('</script>'));
  const name = xpath(xml, 'string(//testsuite[1]/properties/property[@name="steward.policy"]/@value)');
  const visible = hostile.replace('\u0001', '\\u0001').replace('\u0008', '\\u0008').replace('\u001f', '\\u001f').replace('\ufffe', '\\ufffe');
  assert.equal(name, `gate ${visible}`);
});

test('the timestamp is the one given, else the epoch: the same verdict renders to the same bytes', () => {
  assert.equal(render(failingVerdict()), render(failingVerdict()));
  assert.match(render(failingVerdict()), /timestamp="1970-01-01T00:00:00"/);
  assert.match(render(failingVerdict(), new Date('2026-11-26T14:42:31.250Z')), /timestamp="2026-11-26T14:42:31"/);
});
