/**
 * Deterministic workloads for the benchmark: VPP CLI scripts that mix every kind of command the
 * schema models (interface creation of each type, state, addresses, routes, bridges, linux-cp,
 * packet-generator blocks joined with `\`, comment/uncomment blocks, plain and suppression
 * comments) with the occasional mistake a real file has, a startup.conf of a given length, and a
 * Dockerfile of the same size for the peer server.
 */

import { seededRandom as rng } from '../test/seededRandom';

export { rng };

const octet = (n: number) => n & 255;

/** One site's worth of configuration: about thirty lines. */
function scriptBlock(i: number, random: () => number): string[] {
  const a = octet(i >> 8);
  const b = octet(i);
  const tap = `tap${i}`;
  const lines = [
    `# --- site ${i}: uplink, services and test traffic ---`,
    `create tap id ${i} host-if-name vtap${i} host-ns ns${i % 16} rx-ring-size 1024 tx-ring-size 1024`,
    `set interface state ${tap} up`,
    `set interface ip address ${tap} 10.${a}.${b}.1/24`,
    `set interface mtu packet 1500 ${tap}`,
    `create loopback interface instance ${i}`,
    `set interface ip address loop${i} 192.168.${b}.${1 + (a % 250)}/32  # router id`,
    `create host-interface name veth${i}`,
    `set interface state host-veth${i} up`,
    `create interface memif id ${i} socket-id 0 master rx-queues 1 tx-queues 1 ring-size 1024`,
    `set interface state memif0/${i} up`,
    `create sub-interfaces ${tap} 100 dot1q 100`,
    `set interface state ${tap}.100 up`,
    `ip route add 172.16.${b}.0/24 via 10.${a}.${b}.2 ${tap}`,
    `create bridge-domain ${i + 1} learn 1 forward 1 uu-flood 1 flood 1 arp-term 0`,
    `set interface l2 bridge memif0/${i} ${i + 1}`,
    `set interface l2 bridge host-veth${i} ${i + 1}`,
    `packet-generator new { \\`,
    `  name flow${i} \\`,
    `  limit 1000 \\`,
    `  node ip4-input \\`,
    `  size 64-64 \\`,
    `  data { UDP: 10.${a}.${b}.3 -> 172.16.${b}.2 UDP: 3000 -> 3001 length 128 } \\`,
    `}`,
    `comment { site ${i} keeps its default MAC }`,
    `uncomment { set interface state loop${i} up }`,
    `show interface ${tap}`,
    `lcp create loop${i} host-if lo${i % 10000}`,
    '',
  ];
  // linux-cp is off by default; the file says once, where it first uses it, that its startup.conf enables it
  if (i === 0) lines.splice(lines.length - 2, 0, '# vpp-lint: disable-next-line plugin-disabled');
  // a real file has the odd mistake: a typo in a command word, an option a command lacks
  const roll = random();
  if (roll < 0.05) lines.splice(3, 0, `set interfce state ${tap} down`);
  else if (roll < 0.1) lines.splice(3, 0, `create tap id ${i} num-rx-queues 2 bogus-option`);
  return lines;
}

/** A script of about `lines` lines (it ends at the first block boundary past that count). */
export function generateScript(lines: number, seed = 1): string {
  const random = rng(seed);
  const out: string[] = ['# vpp-version: 26.06', '# generated benchmark script', ''];
  for (let i = 0; out.length < lines; i++) out.push(...scriptBlock(i, random));
  return `${out.slice(0, lines).join('\n')}\n`;
}

/** An interface the create-dense generator has made and not deleted, with the kind of uses that fit it. */
interface Live {
  name: string;
  kind: 'tap' | 'loop' | 'memif' | 'sub' | 'host';
  /** the tap id or loopback instance, for `delete` lines */
  id: number;
}

/**
 * A create-dense script of `lines` lines: a `create` every 2 to 4 lines (tap with an explicit id,
 * loopback, memif, sub-interface of a live tap, host-interface), each followed by one to three lines
 * that use an interface created before (the new one half of the time, else any live one: state,
 * address, bridge, route), with the occasional `delete tap` / `delete loopback interface intfc`
 * among them. Names are those VPP gives (a loopback without `instance` takes the lowest free one),
 * so that uses resolve, and ids stay within what VPP accepts (tap id ≤ 8192, loopback instance ≤
 * 16383: taps are a fifth of the creates, so 100,000 lines use tap ids below 7,000). `block` makes
 * lines to paste into such a script, with interfaces of their own: tap ids from 8,000, loopbacks with
 * an explicit `instance` from 12,000, memif ids and veth names from 1,000,000; no header.
 */
export function generateDense(lines: number, seed = 1, block = false): string {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const out: string[] = block ? [] : ['# vpp-version: 26.06', '# generated create-dense benchmark script', 'create bridge-domain 5 learn 1 forward 1 flood 1', ''];
  const live: Live[] = [];
  const freeLoops: number[] = []; // deleted loopback instances, which the next auto loopback takes (lowest first)
  let nextLoop = 0;
  let nextTap = block ? 8_000 : 0;
  let nextInstance = 12_000; // explicit loopback instances of a block
  let nextId = block ? 1_000_000 : 0; // memif ids and veth names
  let address = 0;
  const withoutSub: Live[] = []; // live taps without a sub-interface yet
  const remove = (i: number) => {
    live[i] = live[live.length - 1];
    live.pop();
  };
  let network = 0;
  const net = () => {
    const k = ++network;
    return `${(k >> 8) & 255}.${k & 255}`;
  };
  const ip = () => {
    const k = ++address;
    return `${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255 || 1}`;
  };
  const use = (x: Live): string => {
    const roll = random();
    if (x.kind === 'memif' || (x.kind === 'host' && roll < 0.5)) return `set interface l2 bridge ${x.name} 5`;
    if ((x.kind === 'tap' || x.kind === 'sub') && roll < 0.5) return `ip route add 10.${net()}.0/24 via 10.${net()}.1 ${x.name}`;
    if (x.kind === 'loop' && roll < 0.6) return `set interface ip address ${x.name} 10.${ip()}/24`;
    return `set interface state ${x.name} up`;
  };
  while (out.length < lines) {
    const roll = random();
    let made: Live;
    if (roll < 0.13 && withoutSub.length > 0) {
      const tap = withoutSub.splice(Math.floor(random() * withoutSub.length), 1)[0];
      out.push(`create sub-interfaces ${tap.name} 100`);
      made = { name: `${tap.name}.100`, kind: 'sub', id: tap.id };
    } else if (roll < 0.33) {
      const id = nextTap++;
      out.push(`create tap id ${id} host-if-name vtap${id}`);
      made = { name: `tap${id}`, kind: 'tap', id };
      withoutSub.push(made);
    } else if (roll < 0.55) {
      let instance: number;
      if (block) {
        instance = nextInstance++;
        out.push(`create loopback interface instance ${instance}`);
      } else {
        freeLoops.sort((a, b) => b - a);
        instance = freeLoops.pop() ?? nextLoop++;
        out.push('create loopback interface');
      }
      made = { name: `loop${instance}`, kind: 'loop', id: instance };
    } else if (roll < 0.8) {
      const id = nextId++;
      out.push(`create interface memif id ${id} socket-id 0 master`);
      made = { name: `memif0/${id}`, kind: 'memif', id };
    } else {
      const id = nextId++;
      out.push(`create host-interface name veth${id}`);
      made = { name: `host-veth${id}`, kind: 'host', id };
    }
    live.push(made);
    const uses = 1 + Math.floor(random() * 3);
    for (let u = 0; u < uses; u++) {
      const doomed = live.length > 50 && random() < 0.05 ? live.findIndex((x, i) => i < live.length - 10 && (x.kind === 'tap' || x.kind === 'loop') && random() < 0.1) : -1;
      if (doomed >= 0) {
        const x = live[doomed];
        if (x.kind === 'tap') {
          out.push(`delete tap ${x.name}`);
          // its sub-interface goes with it
          remove(doomed);
          const sub = live.findIndex((y) => y.kind === 'sub' && y.id === x.id);
          if (sub >= 0) remove(sub);
          const w = withoutSub.indexOf(x);
          if (w >= 0) withoutSub.splice(w, 1);
        } else {
          out.push(`delete loopback interface intfc ${x.name}`);
          if (!block) freeLoops.push(x.id);
          remove(doomed);
        }
      } else {
        out.push(use(random() < 0.5 ? made : pick(live)));
      }
    }
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

/** `lines` lines of `ip route add 10.a.b.0/24 via 10.c.d.1 tapN` after a few creates at the top (and one tap created and deleted). */
export function generateRoutes(lines: number, seed = 1): string {
  const random = rng(seed);
  const taps = 8;
  const out: string[] = ['# vpp-version: 26.06', '# generated route-table benchmark script'];
  for (let i = 0; i < taps; i++) out.push(`create tap id ${i} host-if-name vtap${i}`, `set interface state tap${i} up`, `set interface ip address tap${i} 10.${200 + i}.0.2/24`);
  out.push('create loopback interface', 'set interface ip address loop0 192.168.0.1/32', 'create tap id 99 host-if-name vtap99', 'delete tap tap99', '');
  for (let i = 0; out.length < lines; i++) {
    const n = Math.floor(random() * taps);
    out.push(`ip route add 10.${(i >> 8) & 255}.${i & 255}.0/24 via 10.${200 + n}.0.1 tap${n}`);
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

const STARTUP_HEAD = [
  '# generated benchmark startup.conf',
  'unix {',
  '  nodaemon',
  '  log /var/log/vpp/vpp.log',
  '  full-coredump',
  '  cli-listen /run/vpp/cli.sock',
  '  gid vpp',
  '  startup-config /etc/vpp/setup.vpp',
  '}',
  '',
  'api-trace {',
  '  on',
  '}',
  '',
  'cpu {',
  '  main-core 1',
  '  corelist-workers 2-3',
  '}',
  '',
  'buffers {',
  '  buffers-per-numa 128000',
  '  default data-size 2048',
  '}',
  '',
];

/** A startup.conf of about `lines` lines: a dpdk section with many devices and a long plugin list. */
export function generateStartup(lines: number): string {
  const out = [...STARTUP_HEAD];
  const devices: string[] = ['dpdk {', '  no-multi-seg'];
  const plugins: string[] = ['plugins {', '  plugin default { disable }'];
  for (let i = 0; devices.length + plugins.length + out.length + 8 < lines; i++) {
    if (i % 2 === 0) {
      const bus = (i >> 1) % 256;
      devices.push(`  dev 0000:${bus.toString(16).padStart(2, '0')}:00.${i % 8} {`, `    name eth${i}`, '    num-rx-queues 2', '    num-rx-desc 1024', '  }');
    } else {
      plugins.push(`  plugin ${['dpdk', 'linux_cp', 'memif', 'af_xdp', 'ping', 'nat'][i % 6]}_plugin.so { enable }  # site ${i}`);
    }
  }
  out.push(...devices, '}', '', ...plugins, '}');
  return `${out.join('\n')}\n`;
}

/** A Dockerfile of about `chars` characters, for the peer language server. */
export function generateDockerfile(chars: number): string {
  const out: string[] = ['# generated benchmark Dockerfile', 'FROM debian:bookworm AS base', 'ARG VERSION=1.0'];
  let size = out.join('\n').length;
  for (let i = 0; size < chars; i++) {
    const block = [
      `# stage ${i}`,
      `FROM base AS stage${i}`,
      `ENV APP_HOME=/opt/app${i} PATH=/opt/app${i}/bin:$PATH`,
      `WORKDIR /opt/app${i}`,
      `COPY --chown=app:app src/${i}/ /opt/app${i}/`,
      `RUN apt-get update && \\`,
      `    apt-get install -y --no-install-recommends curl ca-certificates && \\`,
      `    rm -rf /var/lib/apt/lists/*`,
      `EXPOSE ${8000 + (i % 1000)}/tcp`,
      `LABEL org.example.stage="${i}" org.example.version="$VERSION"`,
      `HEALTHCHECK --interval=30s CMD curl -f http://localhost:${8000 + (i % 1000)}/ || exit 1`,
      `USER app`,
      `ENTRYPOINT ["/opt/app${i}/bin/run", "--port", "${8000 + (i % 1000)}"]`,
      '',
    ];
    out.push(...block);
    size += block.join('\n').length + 1;
  }
  return `${out.join('\n')}\n`;
}
