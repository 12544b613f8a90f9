// Playwright drives Debian's Chromium (the bundled browser download cannot work offline).
// Installs it with apt when missing and running as root; otherwise says what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log('Chromium not found: installing Debian chromium with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', 'chromium'],
    ]) {
      const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (result.status !== 0) process.exit(result.status ?? 1);
    }
  } else {
    console.error(
      `Chromium not found at ${CHROMIUM}. Install it first:\n  sudo apt-get install -y chromium\nor set CHROMIUM_PATH to a Chromium binary.`,
    );
    process.exit(1);
  }
}
