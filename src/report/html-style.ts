/**
 * The report's whole stylesheet, inlined so the file is self-contained: system fonts only (no web fonts), colours
 * with enough contrast on white, and a print-friendly layout.
 */
export const htmlStyle = `
:root { color-scheme: light; --fail: #b3261e; --warn: #8a5a00; --insufficient: #6b3fa0; --waived: #00668a; --pass: #1e6b34;
  --ink: #1b1b1f; --muted: #5c5f66; --line: #d7d9de; --band: #f4f5f7; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1280px; margin: 0 auto; padding: 24px; }
.scroll { overflow-x: auto; }
td.message { min-width: 22em; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 24px 0 6px; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 4px; color: #fff; font-weight: 700; margin-right: 8px; }
.badge.fail { background: var(--fail); } .badge.pass { background: var(--pass); }
.summary { font-weight: 600; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; color: var(--muted); margin: 12px 0; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
caption { text-align: left; color: var(--muted); padding: 4px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--band); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.status { font-weight: 700; white-space: nowrap; }
.status.fail { color: var(--fail); } .status.warn { color: var(--warn); } .status.insufficient_evidence { color: var(--insufficient); }
.status.waived { color: var(--waived); } .status.pass { color: var(--pass); }
.waiver { color: var(--waived); font-size: 13px; }
figure { margin: 8px 0; } figcaption { color: var(--muted); font-size: 13px; }
svg { max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg .axis { stroke: var(--line); } svg .tick { fill: var(--muted); }
svg .whisker { stroke: var(--ink); stroke-width: 1.5; } svg .point { fill: var(--ink); }
svg .excluded .whisker { stroke: #9a9da3; } svg .excluded .point { fill: #9a9da3; }
svg .bound { stroke: var(--fail); stroke-width: 1.5; stroke-dasharray: 5 3; } svg .bound-label { fill: var(--fail); }
svg .ideal { stroke: var(--pass); stroke-width: 1; stroke-dasharray: 2 2; } svg .ideal-label { fill: var(--pass); }
svg .bar { fill: var(--waived); }
svg .series-1 .point { fill: var(--waived); } svg .series-1 .whisker { stroke: var(--waived); }
footer { margin-top: 32px; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
`;
