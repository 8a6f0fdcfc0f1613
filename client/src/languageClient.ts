import type * as vscode from 'vscode';
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
    synchronize: { configurationSection: 'vpp' },
    outputChannel,
  };
  return new LanguageClient('vpp', 'VPP Language Server', serverOptions, clientOptions);
}
