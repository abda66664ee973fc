/**
 * Reading submissions: a file, or a folder whose `.deriv` files are one student's. Bytes are
 * decoded here (UTF-8, or UTF-16 with a byte-order mark); what cannot be read becomes a reason
 * for the student, never an exception.
 */
import path from 'node:path';
import { sanitize } from '../report/frame.js';

/** The largest `.deriv` file graded, in bytes (a derivation is a few kilobytes). */
export const MAX_FILE_BYTES = 1_000_000;
/** At most this many `.deriv` files per submission, and folders this deep. */
export const MAX_FILES = 50;
const MAX_DEPTH = 4;

/** One file of a submission: its text, or why it could not be read. */
export interface SubmissionFile {
  readonly path: string;
  readonly text: string | null;
  readonly problem: string | null;
}

/** One student's submission. */
export interface Submission {
  /** As given on the command line. */
  readonly student: string;
  readonly files: readonly SubmissionFile[];
  /** Why nothing could be graded (no `.deriv` file in a folder, an unreadable path), or null. */
  readonly problem: string | null;
  /** The path given does not exist (a typo on the command line, not a student's empty hand-in). */
  readonly missing?: boolean;
}

/** An entry of a folder: what it is, without following links. */
export interface FolderEntry {
  readonly name: string;
  readonly kind: 'file' | 'folder' | 'link' | 'other';
}

/** What reading needs from the file system (the CLI's io; tests pass fakes). */
export interface SubmissionReader {
  /** Reads at most `limit + 1` bytes of a file. */
  readBytes(path: string, limit: number): Promise<Uint8Array>;
  /** A folder's entries, or null when `path` is not a folder. */
  listFolder(path: string): Promise<FolderEntry[] | null>;
}

/** Decodes a file's bytes: UTF-8 (a byte-order mark is dropped) or UTF-16 with a byte-order mark. */
export function decode(bytes: Uint8Array): { text: string } | { problem: string } {
  if (bytes.length > MAX_FILE_BYTES) {
    return { problem: `the file is ${(bytes.length / 1e6).toFixed(1)} MB or more; a derivation over ${MAX_FILE_BYTES / 1e6} MB is not graded` };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    try {
      const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(2));
      return text.includes('\u0000') ? { problem: 'this does not look like a text file (it holds NUL characters)' } : { text };
    } catch {
      return { problem: 'the file starts like UTF-16 text but is not; save it as UTF-8 text' };
    }
  }
  if (bytes.includes(0)) return { problem: 'this does not look like a text file (it holds NUL bytes): submit the .deriv text, not a binary file' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { problem: 'the file is not UTF-8 text (was it saved in another encoding?); save it as UTF-8' };
  }
}

/** A short reason for a file-system error. */
function readError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/**
 * The `.deriv` files under a folder, sorted, skipping hidden entries and macOS zip debris. Links
 * are never followed: a submission must not read the key, or anything else, through one.
 */
async function derivFiles(reader: SubmissionReader, folder: string, depth: number, out: string[], others: string[]): Promise<void> {
  const entries = await reader.listFolder(folder);
  if (entries === null) return;
  for (const { name, kind } of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (name.startsWith('.') || name === '__MACOSX' || out.length >= MAX_FILES) continue;
    const full = path.join(folder, name);
    if (kind === 'file' && name.endsWith('.deriv')) out.push(full);
    else if (kind === 'folder' && depth < MAX_DEPTH) await derivFiles(reader, full, depth + 1, out, others);
    else others.push(kind === 'link' ? `${sanitize(name)} (a link, not followed)` : sanitize(name));
  }
}

/** Reads one submission (a file or a folder); never throws. */
export async function readSubmission(reader: SubmissionReader, given: string): Promise<Submission> {
  const student = given.replace(/[/\\]+$/, '') || given;
  let paths: string[];
  try {
    const entries = await reader.listFolder(student);
    if (entries === null) {
      paths = [given];
    } else {
      paths = [];
      const others: string[] = [];
      await derivFiles(reader, student, 0, paths, others);
      if (paths.length === 0) {
        const seen = others.length > 0 ? ` (it holds ${others.slice(0, 5).join(', ')}${others.length > 5 ? ', …' : ''})` : ' (it is empty)';
        return { student, files: [], problem: `no .deriv file was submitted${seen}: submit your derivation as a .deriv file` };
      }
    }
  } catch (error) {
    const missing = (error as { code?: unknown } | null)?.code === 'ENOENT';
    return { student, files: [], problem: `the submission could not be read: ${readError(error)}`, ...(missing ? { missing } : {}) };
  }
  const files: SubmissionFile[] = [];
  for (const p of paths) {
    try {
      const decoded = decode(await reader.readBytes(p, MAX_FILE_BYTES));
      files.push('text' in decoded ? { path: p, text: decoded.text, problem: null } : { path: p, text: null, problem: decoded.problem });
    } catch (error) {
      files.push({ path: p, text: null, problem: `it could not be read: ${readError(error)}` });
    }
  }
  return { student, files, problem: null };
}
