import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { renderReport } from '../../src/report/index.ts';
import { failingVerdict, hostileVerdict } from '../report/fixtures.ts';
import { browserUnavailable, launchChromium } from './chromium.ts';

const skip = browserUnavailable();

test('the HTML report renders in Chromium with its charts, no script errors and no network request', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'steward-html-'));
  const browser = await launchChromium();
  try {
    for (const [name, verdict] of [['failing', failingVerdict()], ['hostile', hostileVerdict()]] as const) {
      const file = join(dir, `${name}.html`);
      writeFileSync(file, renderReport('html', verdict, { color: false, policyFile: 'policy.yaml' }));
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith('file:')) requests.push(request.url());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(pathToFileURL(file).href);
      assert.deepEqual(requests, [], `${name}: the report must not fetch anything`);
      assert.deepEqual(errors, [], `${name}: no script or CSP errors`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      const charts = page.locator('svg');
      assert.ok((await charts.count()) > 0, `${name}: has charts`);
      const box = await charts.first().boundingBox();
      assert.ok(box !== null && box.width > 100 && box.height > 20, `${name}: the first chart is laid out and visible`);
      for (const finding of verdict.findings.filter((item) => item.status === 'fail')) {
        assert.ok((await page.getByText(finding.ruleId, { exact: false }).count()) > 0, `${name}: shows ${finding.ruleId}`);
      }
      // The hostile fixture's markup-like text must arrive as text, never as elements.
      assert.equal(await page.locator('script').count(), 0);
      await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
});
