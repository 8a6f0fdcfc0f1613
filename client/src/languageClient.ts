import * as vscode from 'vscode';
import { explicitSettings } from './explicitSettings';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/**
 * The language client, bundled apart (dist/languageClient.js) and loaded when the first VPP
 * document opens: the extension also activates for plain-text files it may switch to VPP, and
 * those should not pay for loading the client.
 */
export function createLanguageClient(serverModule: string, languages: readonly string[], outputChannel: vscode.OutputChannel): LanguageClient {
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.map((language) => ({ language })),
    // `.vpp-lint.json` holds the repository's settings: the server reads it again when one changes
    synchronize: { configurationSection: 'vpp', fileEvents: vscode.workspace.createFileSystemWatcher('**/.vpp-lint.json') },
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => (params.items[i]?.section === 'vpp' ? explicitSettings(value, params.items[i].scopeUri) : value));
        },
      },
    },
    outputChannel,
  };
  return new LanguageClient('vpp', 'VPP Language Server', serverOptions, clientOptions);
}
