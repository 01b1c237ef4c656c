import { defineConfig } from "@playwright/test";

// The real server (debug build from `cargo leptos build`) with a fresh SQLite database and the demo
// program, driven by Debian's Chromium. Its log is kept in .run/server.log: that is where the
// `log` code sender writes one-time codes, and where the tests read them, as a developer would.
const port = 3100;
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromium,
    locale: "en-US",
    trace: "retain-on-failure",
  },
  projects: [
    { name: "phone", use: { ...phone } },
    { name: "no-js", use: { ...phone, javaScriptEnabled: false } },
  ],
  webServer: {
    command:
      // Every test browser signs in from 127.0.0.1: more one-time codes per address than a real
      // shop's Wi-Fi would need (the per-phone limit stays as it is).
      `rm -rf .run && mkdir -p .run && NO_COLOR=1 WORKWELL_DATA_DIR=.run/data WORKWELL_ADDR=127.0.0.1:${port} WORKWELL_CODES_PER_IP_HOUR=200 ` +
      `LEPTOS_SITE_ROOT=../target/site exec ../target/debug/workwell serve --demo > .run/server.log 2>&1`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
