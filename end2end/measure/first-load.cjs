// What a phone downloads: opens a page signed in (cookie from the environment) in a fresh Chromium
// at 390×844 with an empty cache, and sums the bytes on the wire (compressed bodies and headers,
// as Chromium's network layer counts them) of everything the page loads until the network is
// quiet. With SCAN=1 it then opens Scan and counts what that adds (its page and the app's code its
// island runs on), then opens the camera (fake camera) and counts what that adds: the scanner code. Usage: BASE=… COOKIE="name=value" node measure/first-load.cjs /path
const { chromium } = require("@playwright/test");

(async () => {
  const base = process.env.BASE;
  const path = process.argv[2] || "/";
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
  });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
    deviceScaleFactor: 2, serviceWorkers: "block" });
  const [name, ...value] = process.env.COOKIE.split("=");
  await context.addCookies([{ name, value: value.join("="), url: base }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const urls = new Map();
  const bytes = new Map();
  cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, new URL(e.request.url).pathname));
  cdp.on("Network.loadingFinished", (e) => bytes.set(e.requestId, e.encodedDataLength));
  const encodings = new Map();
  cdp.on("Network.responseReceived", (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    encodings.set(e.requestId, h["content-encoding"] || "-");
  });
  const table = (ids) => {
    let total = 0;
    for (const id of ids) {
      const b = bytes.get(id) || 0;
      total += b;
      console.log(`  ${String(b).padStart(9)}  ${(encodings.get(id) || "").padEnd(5)} ${urls.get(id)}`);
    }
    console.log(`  ${String(total).padStart(9)}  all of it`);
    return total;
  };
  await page.goto(base + path, { waitUntil: "networkidle" });
  await page.waitForSelector("body[data-hydrated]", { state: "attached" });
  await page.waitForTimeout(500);
  console.log(`first load of ${path} (bytes on the wire):`);
  const first = [...bytes.keys()];
  const total = table(first);
  if (process.env.SCAN) {
    // Scan next: its page, and the app's code its island runs on (also what the service worker,
    // blocked here, fetches in the background after a participant's first page, for Scan offline).
    const seen = new Set(bytes.keys());
    await page.goto(base + "/scan", { waitUntil: "networkidle" });
    await page.waitForSelector("body[data-hydrated]", { state: "attached" });
    await page.waitForTimeout(500);
    console.log("opening Scan next adds (its page, and the app's code its island runs on):");
    const scan = table([...bytes.keys()].filter((id) => !seen.has(id)));
    console.log(`SCAN_ADDS_BYTES=${scan}`);
    const before = new Set(bytes.keys());
    await page.getByTestId("camera-start").click();
    await page.waitForSelector('[data-decoder="wasm"]', { state: "attached" });
    await page.waitForTimeout(3000);
    console.log("opening the camera on Scan adds (the scanner code):");
    table([...bytes.keys()].filter((id) => !before.has(id)));
  }
  console.log(`FIRST_LOAD_BYTES=${total}`);
  await browser.close();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
