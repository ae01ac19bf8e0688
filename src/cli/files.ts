/**
 * The file a command reads, as a user names it: checked before reading, so that a missing
 * file, a directory or a file without permission is said in plain words, never as
 * `ENOENT`. No table code here: the command's entry loads this for every command.
 */
import { accessSync, constants, statSync } from 'node:fs';
import type { TableSource } from '../table/index.js';
import { usage, UsageError } from './args.js';

export interface Input {
  readonly source: TableSource;
  /** The file as given; null for standard input. */
  readonly file: string | null;
}

/** `-` is standard input; anything else a file path, which must be a readable file. */
export function inputOf(positionals: readonly string[], command: string): Input {
  if (positionals.length === 0) usage('NEEDS_TABLE', { command });
  if (positionals.length > 1) usage('ONE_TABLE', { command, count: positionals.length, list: positionals.join(' ') });
  const file = positionals[0]!;
  if (file === '-') return { source: process.stdin, file: null };
  let isDirectory: boolean;
  try {
    isDirectory = statSync(file).isDirectory();
    if (!isDirectory) accessSync(file, constants.R_OK);
  } catch (e) {
    throw fileProblem(e, file) ?? e;
  }
  if (isDirectory) usage('IS_DIRECTORY', { file });
  return { source: file, file };
}

/** A system error about a file, in words (null when it is not one). */
export function fileProblem(e: unknown, file: string): UsageError | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new UsageError('FILE_NOT_FOUND', { file });
  if (code === 'EISDIR') return new UsageError('IS_DIRECTORY', { file });
  if (code === 'EACCES' || code === 'EPERM') return new UsageError('NO_PERMISSION', { file });
  return new UsageError('CANNOT_READ', { file, reason: code });
}

