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
