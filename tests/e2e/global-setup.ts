import { execFileSync } from 'node:child_process';
import { browserSkipReason } from './browser';

/** Builds the app once for the browser suite, which runs it on the real server. */
export default function setup() {
  const skip = browserSkipReason();
  if (skip) {
    if (process.env.REQUIRE_BROWSER) throw new Error(`The browser suite is required here, but: ${skip}`);
    console.warn(
      `\n⚠ Browser tests SKIPPED: ${skip}\n  To run them: apt-get install -y chromium (or set CHROME_PATH).\n`,
    );
    return;
  }
  // A separate process: inside vitest NODE_ENV is "test", which would build a development bundle.
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
