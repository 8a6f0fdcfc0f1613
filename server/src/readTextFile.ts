import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reads a configuration file for vpp-lint with a bound: a regular file (or standard input) of at
 * most `MAX_READ_BYTES`. A FIFO would block the linter forever, `/dev/zero` never ends, and a
 * sparse file of gigabytes would be read whole for an analysis that looks at its first five
 * million characters; each is refused with a message that says why.
 */

/** More than any configuration; past it a file is refused before a byte of it is read. */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

const CHUNK = 1024 * 1024;

/** A file is binary when it has NUL bytes or is not UTF-8. `-` is standard input. */
export function readTextFile(file: string): string {
  const bytes = file === '-' ? readBounded(0) : readRegularFile(file);
  if (bytes.includes(0)) throw new Error('binary file (it contains NUL bytes), not a VPP configuration');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('not UTF-8 text, not a VPP configuration');
  }
}

function readRegularFile(file: string): Buffer {
  // opened without waiting: opening a FIFO for reading would otherwise block until someone writes
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!stat.isFile()) throw new Error(`not a regular file (${kindOf(stat)}), not a VPP configuration`);
    if (stat.size > MAX_READ_BYTES) throw tooLarge(stat.size);
    return readBounded(fd);
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, refusing the input once it passes the bound (a file may grow while read; a pipe has no size). */
function readBounded(fd: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    let read: number;
    try {
      read = readSync(fd, chunk, 0, CHUNK, null);
    } catch (error) {
      // standard input in non-blocking mode with nothing yet to read: wait a little
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (read === 0) break;
    total += read;
    if (total > MAX_READ_BYTES) throw tooLarge(total, true);
    chunks.push(chunk.subarray(0, read));
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(size: number, atLeast = false): Error {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return new Error(`${atLeast ? 'more than ' : ''}${mb(size)}, over the ${mb(MAX_READ_BYTES)} vpp-lint reads (far more than any VPP configuration): not checked`);
}

function kindOf(stat: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}
