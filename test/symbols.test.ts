import { strict as assert } from 'node:assert';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { computeDocumentSymbols } from '../server/src/features/symbols';
import { analyzeBroken, BROKEN_DOCUMENTS } from './brokenDocuments';
import { analyzeScript, analyzeStartup } from './helpers';
import { ALL_KINDS } from './interfaceFixtures';

/** The outline as indented `name (detail)` lines. */
function outline(symbols: DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [`${indent}${s.name}${s.detail ? ` (${s.detail})` : ''}`, ...outline(s.children ?? [], `${indent}  `)]);
}

function contains(outer: DocumentSymbol['range'], inner: DocumentSymbol['range']): boolean {
  const before = (a: typeof outer.start, b: typeof outer.start) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Every symbol's selection lies in its range, and every child in its parent. */
function assertWellFormed(symbols: DocumentSymbol[]): void {
  for (const s of symbols) {
    assert.ok(s.name.length > 0, 'VS Code refuses empty symbol names');
    assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection outside range`);
    for (const c of s.children ?? []) assert.ok(contains(s.range, c.range), `${c.name} outside ${s.name}`);
    assertWellFormed(s.children ?? []);
  }
}

describe('document symbols', () => {
  it('script: each interface with the commands that configure it; the rest on its own', () => {
    const a = analyzeScript(ALL_KINDS + 'show version\n');
    const symbols = computeDocumentSymbols(a);
    assertWellFormed(symbols);
    assert.deepEqual(outline(symbols), [
      'tap0 (create tap)',
      '  vpp0 (Linux, netns ns1)',
      '  tap0.100 (create sub-interfaces)',
      '    set interface state (tap0.100 up)',
      '  tap4096 (lcp create)',
      '    set interface state (tap4096 up)',
      '  tap0-linux (Linux, netns dataplane)',
      '  set interface state (tap0 up)',
      '  ip route (add 10.0.0.0/8 via 192.0.2.1 tap0)',
      'host-veth1 (create host-interface)',
      '  set interface state (host-veth1 up)',
      '  set interface l2 xconnect (host-veth1 memif0/2)',
      'xdp0 (create interface af_xdp)',
      '  set interface state (xdp0 up)',
      'enp2s0/1 (create interface af_xdp)',
      '  set interface state (enp2s0/1 up)',
      'VirtualEthernet0/0/0 (create vhost-user)',
      '  set interface state (VirtualEthernet0/0/0 up)',
      'memif0/2 (create interface memif)',
      '  set interface state (memif0/2 up)',
      '  set interface l2 xconnect (host-veth1 memif0/2)',
      'loop4 (create loopback interface)',
      '  set interface state (loop4 up)',
      'GigabitEthernet0/8/0 (not created here)',
      '  tap4097 (lcp create)',
      '  e0 (Linux)',
      '  set interface state (GigabitEthernet0/8/0 up)',
      'show version',
    ]);
    assert.equal(symbols[0].kind, SymbolKind.Interface);
    assert.equal(symbols[symbols.length - 1].kind, SymbolKind.Function);
  });

  it('script: comments are not commands, and a line inside `uncomment { }` counts', () => {
    const a = analyzeScript('comment { setup }\nuncomment { create loopback interface }\nset interface state loop0 up\n');
    assert.deepEqual(outline(computeDocumentSymbols(a)), ['loop0 (create loopback interface)', '  set interface state (loop0 up)']);
  });

  it('startup.conf: sections with their parameters and nested blocks', () => {
    const a = analyzeStartup('unix {\n  nodaemon\n  cli-listen /run/vpp/cli.sock\n}\napi-trace { on }\ndpdk {\n  dev 0000:02:00.0 {\n    num-rx-queues 2\n  }\n  no-multi-seg\n}\nheapsize 2G\nmystery { a b\n  c }\n');
    const symbols = computeDocumentSymbols(a);
    assertWellFormed(symbols);
    assert.deepEqual(outline(symbols), [
      'unix',
      '  nodaemon',
      '  cli-listen (/run/vpp/cli.sock)',
      'api-trace',
      '  on',
      'dpdk',
      '  dev (0000:02:00.0)',
      '    num-rx-queues (2)',
      '  no-multi-seg',
      'heapsize (2G)',
      'mystery',
      '  a (b)',
      '  c',
    ]);
    assert.equal(symbols[0].kind, SymbolKind.Module);
    assert.equal(symbols[2].children![0].kind, SymbolKind.Object);
  });

  it('startup.conf: the outline of a 300-line file shows every section', () => {
    const sections: string[] = [];
    const parts: string[] = [];
    const bodies = [
      (i: number) => [`cpu {`, `  main-core ${i % 4}`, `  corelist-workers 1-3`, `}`],
      (i: number) => [`# section ${i}`, `buffers {`, `  buffers-per-numa ${16384 + i}`, `  default data-size 2048`, `}`],
      (i: number) => [`dpdk {`, `  dev 0000:0${i % 10}:00.0 {`, `    num-rx-queues 2`, `    name eth${i}`, `  }`, `  uio-driver vfio-pci`, `}`],
      () => [`api-trace { on }`],
      () => [`plugins {`, `  plugin default { disable }`, `  plugin dpdk_plugin.so { enable }`, `}`],
      (i: number) => [`logging {`, `  default-log-level info`, `  class dpdk/cryptodev { rate-limit ${i} level debug syslog-level error }`, `}`],
    ];
    for (let i = 0; parts.length < 300; i++) {
      const lines = bodies[i % bodies.length](i);
      sections.push(lines.find((l) => !l.startsWith('#'))!.split(' ')[0]);
      parts.push(...lines, '');
    }
    const a = analyzeStartup(parts.join('\n'));
    assert.ok(a.lines.lineCount >= 300);
    const symbols = computeDocumentSymbols(a);
    assertWellFormed(symbols);
    assert.deepEqual(symbols.map((s) => s.name), sections);
    const dpdk = symbols.find((s) => s.name === 'dpdk')!;
    assert.deepEqual(outline([dpdk]), ['dpdk', '  dev (0000:02:00.0)', '    num-rx-queues (2)', '    name (eth2)', '  uio-driver (vfio-pci)']);
  });

  it('survives broken documents', () => {
    for (const doc of BROKEN_DOCUMENTS) assertWellFormed(computeDocumentSymbols(analyzeBroken(doc)));
  });
});
