import { strict as assert } from 'node:assert';
import type { Analysis } from '../server/src/analysis/analyze';
import { checkInterfaces } from '../server/src/analysis/interfaceChecks';
import { interfaceModel } from '../server/src/analysis/interfaceModel';
import { analyzeBroken, BROKEN_DOCUMENTS } from './brokenDocuments';
import { analyzeScript } from './helpers';

/** The VPP names a script creates, in order (refused duplicates marked with `!`). */
function names(text: string, release?: Parameters<typeof analyzeScript>[1]): string[] {
  return interfaceModel(analyzeScript(text, release))
    .definitions.filter((d) => d.space === 'vpp')
    .map((d) => (d.clashesWith ? `!${d.name}` : d.name));
}

function linuxNames(text: string): string[] {
  return interfaceModel(analyzeScript(text))
    .definitions.filter((d) => d.space === 'linux')
    .map((d) => (d.netns ? `${d.name}@${d.netns}` : d.name));
}

/** The interface findings as `code text-of-range`. */
function interfaceFindings(a: Analysis): string[] {
  return checkInterfaces(a).map((d) => `${d.code} ${a.text.slice(d.start, d.end)}`);
}

describe('interface model: names VPP gives', () => {
  it('tap: tap<id>, tun<id> with `tun`, the lowest free id without `id`, one id space for both', () => {
    assert.deepEqual(names('create tap id 3\ncreate tap\ncreate tap tun\ncreate tap id 7 tun\ncreate tap\n'), ['tap3', 'tap0', 'tun1', 'tun7', 'tap2']);
  });

  it('tap: `if-name` names the interface from 25.10; before, it is no option (the line has its own error) and the name is tap<id>', () => {
    assert.deepEqual(names('create tap id 1 if-name uplink\n', '25.10'), ['uplink']);
    assert.deepEqual(names('create tap id 1 if-name uplink\n', '26.06'), ['uplink']);
    assert.deepEqual(names('create tap id 1 if-name uplink\n', '25.06'), ['tap1']);
  });

  it('host-interface: host-<Linux name>; naming the same Linux interface again reuses the first', () => {
    assert.deepEqual(names('create host-interface name veth1\ncreate host-interface name veth1 v2\n'), ['host-veth1']);
  });

  it('af_xdp: `name`, else <host-if>/<device index>, or /<pid> for `netns pid:N`', () => {
    const text = 'create interface af_xdp host-if eth1\ncreate interface af_xdp host-if eth2 name xdp2\ncreate interface af_xdp host-if eth3\ncreate interface af_xdp host-if eth4 netns pid:4242\n';
    assert.deepEqual(names(text), ['eth1/0', 'xdp2', 'eth3/2', 'eth4/4242']);
  });

  it('vhost-user: VirtualEthernet0/0/<n> in creation order, `renumber` overrides', () => {
    const text = 'create vhost-user socket /run/a.sock server\ncreate vhost-user socket /run/b.sock renumber 9\ncreate vhost-user socket /run/c.sock\n';
    assert.deepEqual(names(text), ['VirtualEthernet0/0/0', 'VirtualEthernet0/0/9', 'VirtualEthernet0/0/2']);
  });

  it('memif: memif<socket-id>/<id>, both 0 by default; a bare command creates nothing', () => {
    assert.deepEqual(names('create interface memif id 4 socket-id 2 master\ncreate interface memif slave\ncreate interface memif\n'), ['memif2/4', 'memif0/0']);
  });

  it('loopback: loop<n>, the lowest free instance unless `instance` picks it, in both spellings', () => {
    assert.deepEqual(names('create loopback interface instance 1\ncreate loopback interface\nloopback create-interface\n'), ['loop1', 'loop0', 'loop2']);
  });

  it('sub-interfaces: <parent>.<id>, a range as one definition; existing ids are skipped', () => {
    const text = 'create sub-interfaces GigabitEthernet0/8/0 100\ncreate sub-interfaces GigabitEthernet0/8/0 100\ncreate sub-interfaces tap0 10-20\n';
    assert.deepEqual(names(text), ['GigabitEthernet0/8/0.100', 'tap0.10-20']);
    const a = analyzeScript(`create tap id 0\n${text}set interface state tap0.15 up\n`);
    const ref = interfaceModel(a).references.find((r) => r.name === 'tap0.15' && !r.partial);
    assert.equal(ref?.definition?.name, 'tap0.10-20');
  });

  it('lcp: the Linux side in its namespace, and from 24.10 a VPP tap numbered from 4096', () => {
    const text = 'lcp create GigabitEthernet0/8/0 host-if e0 netns dataplane\nlcp create GigabitEthernet0/9/0 host-if e1 tun\ncreate tap\n';
    assert.deepEqual(linuxNames(text), ['e0@dataplane', 'e1']);
    assert.deepEqual(names(text, '24.10'), ['tap4096', 'tun4097', 'tap0']);
    // 24.02 and 24.06 number that tap by the hardware index of the mirrored interface: unknown here
    assert.deepEqual(names(text, '24.06'), ['tap0']);
  });

  it('lcp of a sub-interface: a sub-interface of the parent pair\'s tap', () => {
    const text = 'lcp create GigabitEthernet0/8/0 host-if e0\ncreate sub-interfaces GigabitEthernet0/8/0 10\nlcp create GigabitEthernet0/8/0.10 host-if e0.10\n';
    assert.deepEqual(names(text), ['tap4096', 'GigabitEthernet0/8/0.10', 'tap4096.10']);
  });

  it('tap: the Linux side from host-if-name in host-ns, unless `attach` uses an existing one', () => {
    assert.deepEqual(linuxNames('create tap host-if-name vpp0 host-ns ns1\ncreate tap host-if-name keep attach persist\n'), ['vpp0@ns1']);
  });

  it('frees ids and names on delete, so they can be created again', () => {
    const text = 'create tap id 0\ndelete tap tap0\ncreate tap id 0\ncreate loopback interface\nloopback delete-interface intfc loop0\ncreate loopback interface\n';
    assert.deepEqual(names(text), ['tap0', 'tap0', 'loop0', 'loop0']);
    const host = 'create host-interface name v1\ndelete host-interface name v1\ncreate host-interface name v1\n';
    assert.deepEqual(names(host), ['host-v1', 'host-v1']);
  });

  it('binds each use to the definition alive at that point', () => {
    const a = analyzeScript('create tap id 0\nset interface state tap0 up\ndelete tap tap0\ncreate tap id 0\nset interface state tap0 up\n');
    const model = interfaceModel(a);
    const [first, second] = model.definitions;
    const uses = model.references.filter((r) => r.name === 'tap0').map((r) => r.definition);
    assert.deepEqual(uses, [first, first, second]);
  });

  it('reads the interface words of commands known only by their synopsis, and names equal to one created here', () => {
    const a = analyzeScript('create tap id 0\ncreate loopback interface\nset interface l2 xconnect tap0 loop0\nip route add 10.0.0.0/8 via 192.0.2.1 tap0\nset interface nat44 in tap0 out loop0\n');
    const refs = interfaceModel(a).references.map((r) => `${r.name}:${r.certain ? 'certain' : 'loose'}`);
    assert.deepEqual(refs, ['tap0:certain', 'loop0:certain', 'tap0:loose', 'tap0:certain', 'loop0:certain']);
  });

  it('looks inside `uncomment { ... }`', () => {
    assert.deepEqual(names('uncomment { create tap id 5 }\n'), ['tap5']);
  });

  it('leaves templated names alone', () => {
    assert.deepEqual(names('create tap id $(ID)\ncreate host-interface name {{ .Name }}\n'), []);
  });
});

describe('interface checks', () => {
  it('vpp.duplicate-interface: an id, instance, name or pair created twice', () => {
    const text = [
      'create tap id 0',
      'create tap id 0 tun',
      'create loopback interface instance 2',
      'create loopback interface instance 2',
      'create interface memif id 1 master',
      'create interface memif id 1 slave',
      'create interface af_xdp host-if eth1 name loop2',
      'lcp create GigabitEthernet0/8/0 host-if e0',
      'lcp create GigabitEthernet0/8/0 host-if e1',
      '',
    ].join('\n');
    const a = analyzeScript(text);
    assert.deepEqual(interfaceFindings(a), [
      'vpp.duplicate-interface 0',
      'vpp.duplicate-interface 2',
      'vpp.duplicate-interface 1',
      'vpp.duplicate-interface loop2',
      'vpp.duplicate-interface e1',
    ]);
    const messages = checkInterfaces(a).map((d) => d.message);
    assert.match(messages[0], /`tun0` needs the number that `tap0` \(line 1\) already holds/);
    assert.match(messages[1], /`loop2` is already created on line 3/);
    assert.match(messages[3], /already exists \(line 3\); VPP cannot register a second interface/);
    assert.match(messages[4], /`GigabitEthernet0\/8\/0` already has a linux-cp pair \(line 8\)/);
    assert.ok(checkInterfaces(a).every((d) => d.severity === 'error'));
  });

  it('vpp.use-before-create: a use above the line that creates the interface', () => {
    const a = analyzeScript('set interface state tap0 up\ncreate tap id 0\n');
    assert.deepEqual(interfaceFindings(a), ['vpp.use-before-create tap0']);
    assert.equal(checkInterfaces(a)[0].severity, 'warning');
    assert.match(checkInterfaces(a)[0].message, /created only on line 2/);
  });

  it('vpp.undefined-interface: a hint for names only a script makes, never for NIC names', () => {
    const a = analyzeScript('set interface state tap3 up\nset interface state GigabitEthernet0/8/0 up\nset interface state local0 up\nset interface state GigabitEthernet0/8/0.100 up\nset interface state eth0 up\n');
    assert.deepEqual(interfaceFindings(a), ['vpp.undefined-interface tap3', 'vpp.undefined-interface GigabitEthernet0/8/0.100']);
    assert.ok(checkInterfaces(a).every((d) => d.severity === 'hint'));
  });

  it('is quiet on a script that creates what it uses', () => {
    const text = [
      'create tap id 0 host-if-name vpp0',
      'create host-interface name veth1',
      'create interface af_xdp host-if eth1 name xdp0',
      'create vhost-user socket /run/vm.sock server',
      'create interface memif id 0 master',
      'create loopback interface',
      'create sub-interfaces GigabitEthernet0/8/0 100',
      'lcp create GigabitEthernet0/8/0 host-if e0',
      'set interface state tap0 up',
      'set interface state host-veth1 up',
      'set interface state xdp0 up',
      'set interface state VirtualEthernet0/0/0 up',
      'set interface state memif0/0 up',
      'set interface state loop0 up',
      'set interface state GigabitEthernet0/8/0.100 up',
      'set interface state tap4096 up',
      '',
    ].join('\n');
    assert.deepEqual(interfaceFindings(analyzeScript(text)), []);
  });

  it('does not treat reusing an AF_PACKET interface or an existing sub-interface id as an error (VPP accepts both)', () => {
    const a = analyzeScript('create host-interface name v1\ncreate host-interface name v1\ncreate sub-interfaces tap0 5\ncreate sub-interfaces tap0 5\ncreate tap id 0\n');
    assert.deepEqual(interfaceFindings(a).filter((f) => f.startsWith('vpp.duplicate')), []);
  });

  it('has nothing to say about startup.conf, and survives broken documents', () => {
    for (const doc of BROKEN_DOCUMENTS) {
      const a = analyzeBroken(doc);
      assert.doesNotThrow(() => checkInterfaces(a));
      if (doc.language === 'startup') assert.deepEqual(checkInterfaces(a), []);
    }
  });
});
