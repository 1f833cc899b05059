import { createReadStream, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { createDigester, fail, type Digest } from '../../core/index.ts';
import { directoryDigest, type FileEntry } from './directory-tree.ts';

/** Progress of a long read: bytes done of bytes total, and the file being read. */
export type ByteProgress = (done: number, total: number, detail: string) => void;

export interface PathDigest {
  readonly digest: Digest;
  readonly bytes: number;
  /** Set for directories: how many files the tree covers. */
  readonly files?: number;
  readonly directory: boolean;
}

/**
 * The content digest of a file (SHA-256 of its bytes, streamed in 1 MiB chunks) or of a directory (the Merkle tree
 * of directory-tree.ts over every regular file below it; symbolic links and other special files are not followed
 * and not included). A missing path is INPUT_FILE_NOT_FOUND.
 */
export async function digestPath(path: string, onProgress?: ByteProgress): Promise<PathDigest> {
  const info = await statOrFail(path);
  if (info.isFile()) {
    const digest = await digestStream(path, info.size, 0, info.size, onProgress);
    return { digest, bytes: info.size, directory: false };
  }
  if (!info.isDirectory()) fail('INPUT_FILE_UNREADABLE', `${path} is neither a file nor a directory`, { location: { file: path } });
  const files = await listFiles(path);
  const total = files.reduce((sum, file) => sum + file.size, 0);
  const entries: FileEntry[] = [];
  let done = 0;
  for (const file of files) {
    const digest = await digestStream(file.absolute, file.size, done, total, onProgress);
    done += file.size;
    entries.push({ path: relative(path, file.absolute).split(sep).join('/'), digest, bytes: file.size });
  }
  return { digest: directoryDigest(entries), bytes: total, files: entries.length, directory: true };
}

export async function statOrFail(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    return fail('INPUT_FILE_NOT_FOUND', `${path} does not exist or cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      location: { file: path },
      expected: 'an existing file or directory',
    });
  }
}

async function listFiles(root: string): Promise<{ absolute: string; size: number }[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: { absolute: string; size: number }[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    files.push({ absolute, size: (await stat(absolute)).size });
  }
  return files;
}

function digestStream(path: string, size: number, before: number, total: number, onProgress?: ByteProgress): Promise<Digest> {
  const digester = createDigester();
  let read = 0;
  return new Promise((resolve, reject) => {
    createReadStream(path, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => {
        digester.update(chunk as Buffer);
        read += chunk.length;
        onProgress?.(before + Math.min(read, size), total, path);
      })
      .on('error', (error) => {
        try {
          fail('INPUT_FILE_UNREADABLE', `cannot read ${path}: ${error.message}`, { location: { file: path } });
        } catch (coded) {
          reject(coded as Error);
        }
      })
      .on('end', () => resolve(digester.digest()));
  });
}
