import * as vscode from 'vscode';

/**
 * The `vpp` settings the user set somewhere (user, workspace or folder settings, for any language),
 * without the defaults VS Code fills in: the server lets a repository's `.vpp-lint.json` decide
 * whatever the user left unset.
 */
export function explicitSettings(section: unknown, scopeUri: string | undefined): unknown {
  if (!section || typeof section !== 'object') return section;
  const config = vscode.workspace.getConfiguration('vpp', scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  return keepSet(section as Record<string, unknown>, '', config);
}

function keepSet(values: Record<string, unknown>, prefix: string, config: vscode.WorkspaceConfiguration): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const path = `${prefix}${key}`;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const nested = keepSet(value as Record<string, unknown>, `${path}.`, config);
      if (Object.keys(nested).length > 0) out[key] = nested;
    } else if (isSet(config.inspect(path))) out[key] = value;
  }
  return out;
}

function isSet(inspected: ReturnType<vscode.WorkspaceConfiguration['inspect']>): boolean {
  if (!inspected) return false;
  const { globalValue, workspaceValue, workspaceFolderValue, globalLanguageValue, workspaceLanguageValue, workspaceFolderLanguageValue } = inspected;
  return [globalValue, workspaceValue, workspaceFolderValue, globalLanguageValue, workspaceLanguageValue, workspaceFolderLanguageValue].some((v) => v !== undefined);
}
