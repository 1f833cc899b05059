import packageJson from '../../package.json' with { type: 'json' };

/** Steward's version, as recorded in every verdict and report. */
export const toolVersion: string = packageJson.version;
