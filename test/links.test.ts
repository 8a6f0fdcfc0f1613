import { strict as assert } from 'node:assert';
import type { Analysis } from '../server/src/analysis/analyze';
import { checkLinks, computeDocumentLinks } from '../server/src/features/links';
import { analyzeBroken, BROKEN_DOCUMENTS } from './brokenDocuments';
import { analyzeScript, analyzeStartup } from './helpers';

const DOC = 'file:///etc/vpp/startup.conf';
const resolve = (path: string) => (path.startsWith('/') ? `file://${path}` : `file:///etc/vpp/${path}`);

function linkTexts(a: Analysis, links: ReturnType<typeof computeDocumentLinks>): string[] {
  return links.map((l) => `${a.text.slice(a.lines.offsetAt(l.range.start), a.lines.offsetAt(l.range.end))} -> ${l.target}`);
}

describe('document links', () => {
  it('links `unix { exec }` and `unix { startup-config }` to the scripts VPP runs', () => {
    const a = analyzeStartup('unix {\n  nodaemon\n  startup-config /etc/vpp/setup.gate\n  log /var/log/vpp.log\n}\nunix { exec local.vpp }\n');
    assert.deepEqual(linkTexts(a, computeDocumentLinks(a, DOC, resolve)), ['/etc/vpp/setup.gate -> file:///etc/vpp/setup.gate', 'local.vpp -> file:///etc/vpp/local.vpp']);
  });

  it('links `exec` in a script', () => {
    const a = analyzeScript('exec /etc/vpp/more.vpp\nshow version\n');
    assert.deepEqual(linkTexts(a, computeDocumentLinks(a, DOC, resolve)), ['/etc/vpp/more.vpp -> file:///etc/vpp/more.vpp']);
  });

  it('leaves out templated paths, paths the caller cannot resolve, and the document itself', () => {
    const a = analyzeStartup('unix { exec {{ .Script }} }\nunix { startup-config /etc/vpp/startup.conf }\nunix { exec elsewhere }\n');
    assert.deepEqual(computeDocumentLinks(a, DOC, (p) => (p === 'elsewhere' ? undefined : resolve(p))), []);
  });

  it('vpp.missing-script: a warning when the script does not exist', () => {
    const a = analyzeStartup('unix { startup-config /etc/vpp/setup.gate exec /etc/vpp/there.vpp }\n');
    const found = checkLinks(a, (p) => p === '/etc/vpp/there.vpp');
    assert.deepEqual(found.map((d) => `${d.code} ${d.severity} ${a.text.slice(d.start, d.end)}`), ['vpp.missing-script warning /etc/vpp/setup.gate']);
    assert.match(found[0].message, /failed to open/);
    assert.deepEqual(checkLinks(a, () => true), []);
  });

  it('survives broken documents', () => {
    for (const doc of BROKEN_DOCUMENTS) {
      const a = analyzeBroken(doc);
      computeDocumentLinks(a, DOC, resolve);
      checkLinks(a, () => false);
    }
  });
});
