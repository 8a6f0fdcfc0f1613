import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where a script named in startup.conf (`unix { startup-config /etc/vpp/setup.vpp }`) lives in the
 * workspace. VPP reads the path on the target machine; in a repository the file usually sits beside
 * the startup.conf or under the workspace root, so we look there too.
 */
export class ScriptResolver {
  /** `rootsFor` gives the folders to look in for a document: the workspace folders, the config file's `roots`. */
  constructor(private readonly rootsFor: (documentUri: string) => readonly string[]) {}

  candidates(documentUri: string, path: string): string[] {
    const docPath = filePathOf(documentUri);
    if (docPath === undefined) return [];
    const docDir = dirname(docPath);
    const out = isAbsolute(path) ? [path] : [join(docDir, path)];
    out.push(join(docDir, basename(path)));
    for (const root of this.rootsFor(documentUri)) out.push(join(root, path.replace(/^\/+/, '')), join(root, basename(path)));
    return out;
  }

  resolve(documentUri: string, path: string): string | undefined {
    const found = this.candidates(documentUri, path).find(isFile);
    return found ? pathToFileURL(found).toString() : undefined;
  }

  /** Whether we can tell; documents that are not files on disk never get a missing-script warning. */
  exists(documentUri: string, path: string): boolean {
    if (!documentUri.startsWith('file:')) return true;
    return this.candidates(documentUri, path).some(isFile);
  }
}

/** The path of a `file:` URI on this machine; none for other schemes or one Node cannot map (`file://host/...`, a bad escape). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Whether a startup.conf with this text can name the script at `scriptUri`: every place `resolve`
 * looks ends in the last name of the path as written (normalising drops only `.`, `..` and what
 * `..` undoes), so a text without the script's file name runs it from nowhere. A search of the
 * text spares reading a large startup.conf that runs other scripts.
 */
export function mayName(startupText: string, scriptUri: string): boolean {
  const path = filePathOf(scriptUri);
  return path !== undefined && startupText.includes(basename(path));
}

/** `mayName` remembered per document text: a search of a 15 MB text takes about 10 ms, and every request on a script asks it of every open document. */
export class NameSearches {
  private readonly byDocument = new Map<string, { text: string; answers: Map<string, boolean> }>();

  mayName(documentUri: string, text: string, scriptUri: string): boolean {
    let entry = this.byDocument.get(documentUri);
    if (entry?.text !== text) this.byDocument.set(documentUri, (entry = { text, answers: new Map() }));
    let answer = entry.answers.get(scriptUri);
    if (answer === undefined) entry.answers.set(scriptUri, (answer = mayName(text, scriptUri)));
    return answer;
  }

  forget(documentUri: string): void {
    this.byDocument.delete(documentUri);
  }
}
