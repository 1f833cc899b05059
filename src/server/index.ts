export { buildServer, type StewardServer } from './build.ts';
export { DEFAULT_MAX_UPLOAD_BYTES, type ServerOptions } from './options.ts';
export { httpStatusOf } from './http-status.ts';
