/**
 * The ledger bundle, `steward.ledger-bundle/v1`: JSON Lines, so a 10M-event log is written and verified as a stream.
 *   line 1:        {"format":"steward.ledger-bundle/v1","origin":…,"size":n,"verifierKey":…,"checkpoints":[…]}
 *   lines 2..n+1:  leaf i on line i + 2, byte for byte (a leaf is RFC 8785 canonical JSON, which has no newline)
 * `checkpoints` holds every signed checkpoint up to size n (C2SP notes, the last one of size n), so a verifier can
 * narrow a changed leaf to the range between two checkpoints. The private key is never part of a bundle.
 */
export const BUNDLE_FORMAT = 'steward.ledger-bundle/v1';

export interface BundleHeader {
  readonly format: typeof BUNDLE_FORMAT;
  readonly origin: string;
  readonly size: number;
  readonly verifierKey: string;
  readonly checkpoints: readonly string[];
}
