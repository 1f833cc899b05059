import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { fail } from '../core/index.ts';

/** The uploaded files of one request, each on disk under a fresh temporary folder, and the text fields. */
export interface Uploads {
  /** field name → the temporary path of its file. */
  readonly files: ReadonlyMap<string, string>;
  /** temporary path → the file name the client sent (the name the verdict shows). */
  readonly names: ReadonlyMap<string, string>;
  readonly fields: ReadonlyMap<string, string>;
  /** Removes the temporary folder and everything in it. */
  cleanup(): Promise<void>;
}

/**
 * Streams every file part of a multipart request to disk (never into memory), so evaluation files far larger than
 * the heap can be checked; @fastify/multipart enforces the per-file size limit while streaming. A text field with a
 * file's name (e.g. `policy` sent as text) is written to disk too, so the app reads every input the same way.
 */
export async function receiveUploads(request: FastifyRequest, fileFields: readonly string[], tempRoot: string): Promise<Uploads> {
  const folder = await mkdtemp(join(tempRoot, 'steward-upload-'));
  const files = new Map<string, string>();
  const names = new Map<string, string>();
  const fields = new Map<string, string>();
  const cleanup = (): Promise<void> => rm(folder, { recursive: true, force: true });
  try {
    for await (const part of request.parts()) {
      if (!fileFields.includes(part.fieldname)) {
        if (part.type === 'file') {
          part.file.resume();
          fail('SERVER_INVALID_REQUEST', `unexpected file field "${part.fieldname}"`, { location: { path: part.fieldname }, expected: `one of: ${fileFields.join(', ')}` });
        }
        fields.set(part.fieldname, String(part.value));
        continue;
      }
      if (files.has(part.fieldname)) fail('SERVER_INVALID_REQUEST', `field "${part.fieldname}" was sent twice`, { location: { path: part.fieldname } });
      const given = part.type === 'file' ? part.filename : `${part.fieldname}.yaml`;
      // The folder per field keeps the client's file name (its extension tells the data format) without collisions.
      const path = join(folder, part.fieldname, safeName(given, part.fieldname));
      await mkdir(join(folder, part.fieldname), { recursive: true });
      if (part.type === 'file') await pipeline(part.file, createWriteStream(path));
      else await pipeline(async function* () { yield String(part.value); }, createWriteStream(path));
      files.set(part.fieldname, path);
      names.set(path, given === '' ? part.fieldname : given);
    }
    return { files, names, fields, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Only the last path segment, and only ordinary characters: a client's file name never chooses where we write. */
function safeName(given: string, fallback: string): string {
  const name = basename(given.replace(/\\/g, '/')).replace(/[^A-Za-z0-9._-]/g, '_');
  return name === '' || name === '.' || name === '..' ? fallback : name;
}
