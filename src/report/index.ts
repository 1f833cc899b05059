import { didYouMean, fail, type Verdict } from '../core/index.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import type { RenderOptions } from './options.ts';
import { renderSarif } from './sarif.ts';
import { renderText } from './text.ts';

export type { RenderOptions } from './options.ts';
export { verdictJsonSchema, verdictSchema } from './verdict-schema.ts';

/**
 * The output formats of `steward check`. Like conftest, one formatter per format, all reading the same Verdict;
 * none computes anything beyond presentation.
 */
export type ReportFormat = 'text' | 'json' | 'junit' | 'sarif' | 'markdown' | 'html';

export const reportFormats: readonly ReportFormat[] = ['text', 'json', 'junit', 'sarif', 'markdown', 'html'];

const formatters: Readonly<Record<ReportFormat, (verdict: Verdict, options: RenderOptions) => string>> = {
  text: renderText,
  json: renderJson,
  junit: renderJunit,
  sarif: renderSarif,
  markdown: renderMarkdown,
  html: renderHtml,
};

/** Renders a verdict in one format. Pure: the same verdict and options give the same string. */
export function renderReport(format: ReportFormat, verdict: Verdict, options: RenderOptions): string {
  return formatters[format](verdict, options);
}

export function isReportFormat(value: string): value is ReportFormat {
  return (reportFormats as readonly string[]).includes(value);
}

/** Checks a `--format` value from the command line; throws USAGE_UNKNOWN_FORMAT naming the formats there are. */
export function parseReportFormat(value: string): ReportFormat {
  if (isReportFormat(value)) return value;
  const hint = didYouMean(value, reportFormats);
  return fail('USAGE_UNKNOWN_FORMAT', `unknown report format "${value}"`, {
    location: { path: '--format' },
    expected: `one of: ${reportFormats.join(', ')}`,
    ...(hint === undefined ? {} : { hint }),
  });
}
