// Debian's Chromium driven by playwright-core (which downloads no browser of its own).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CANDIDATES = [process.env.VPP_E2E_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath() {
  const found = CANDIDATES.find((p) => p && existsSync(p));
  if (!found) throw new Error('no Chromium found: apt-get install -y chromium (or set VPP_E2E_CHROMIUM)');
  return found;
}

/** A fresh browser profile each time; `close()` removes it. */
export async function launchBrowser({ width = 1400, height = 860 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'vpp-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    // Playwright throws when --user-data-dir is passed here: the profile is the first argument
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width, height },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
