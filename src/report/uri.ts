/**
 * A file path as a URI reference for SARIF `artifactLocation.uri` (RFC 3986): relative paths stay relative (GitHub
 * code scanning resolves them against the repository root), separators become `/`, and each segment is
 * percent-encoded so spaces, `#` and `?` do not end the path. Absolute paths become `file:` URIs.
 */
export function pathToUriReference(filePath: string): string {
  const slashed = filePath.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.test(slashed);
  const absolute = slashed.startsWith('/') || drive;
  const segments = slashed.split('/').map((segment, index) =>
    drive && index === 0 ? segment : encodeURIComponent(segment),
  );
  const joined = segments.join('/');
  if (!absolute) return joined.replace(/^(\.\/)+/, '');
  return drive ? `file:///${joined}` : `file://${joined}`;
}
