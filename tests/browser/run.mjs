// The briefing pages in a real browser (Debian's headless Chromium, driven by
// playwright-core): for Raccoons and each realistic example, the overview and
// one unit page at 1280 px and 390 px wide must log no console error, make
// no request that is not file: or data:, and not overflow horizontally.
// Screenshots go to a temporary folder, and with --update-docs the Raccoons
// ones (1280 px) to docs/screenshots/. Run it with tests/browser/run.sh.

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const koomc = process.env.KOOMC || join(root, "target", "debug", "koomc");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const updateDocs = process.argv.includes("--update-docs");

const examples = [
  { name: "raccoons", plan: "examples/raccoons.koom", unit: "2026-Q1/operations.html" },
  { name: "hospital", plan: "examples/hospital/plan.koom" },
  { name: "software", plan: "examples/software/plan.koom" },
  { name: "factory", plan: "examples/factory/plan.koom" },
  { name: "logistics", plan: "examples/logistics/plan.koom" },
  { name: "nonprofit", plan: "examples/nonprofit/plan.koom" },
];
const widths = [1280, 390];

const work = mkdtempSync(join(tmpdir(), "koomc-browser-"));
const shots = join(work, "screenshots");
mkdirSync(shots, { recursive: true });

/** The first unit page the overview links to (the first cycle's first unit). */
function firstUnitPage(dir) {
  const index = readFileSync(join(dir, "index.html"), "utf8");
  const found = index.match(/<a href="([^"/]+\/[^"]+\.html)"/);
  if (!found) throw new Error(`no unit page linked from ${dir}/index.html`);
  return found[1];
}

/** Open one page at one width and report what went wrong. */
async function visit(context, file, width, shot) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    problems.push(`request outside the page: ${url}`);
    return route.abort();
  });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  if (scroll > inner) problems.push(`horizontal overflow: ${scroll} px wide in a ${inner} px window`);
  await page.screenshot({ path: shot, fullPage: true });
  await page.close();
  return problems;
}

const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "koomc-chromium-")), {
  executablePath: chromiumPath,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  deviceScaleFactor: 1,
});

let passed = 0;
let failed = 0;
try {
  for (const ex of examples) {
    const out = join(work, ex.name);
    execFileSync(koomc, ["brief", ex.plan, "--out-dir", out], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    const pages = [
      ["overview", "index.html"],
      ["unit", ex.unit || firstUnitPage(out)],
    ];
    for (const [kind, rel] of pages) {
      for (const width of widths) {
        const shot = join(shots, `${ex.name}-${kind}-${width}.png`);
        const problems = await visit(browser, join(out, rel), width, shot);
        const label = `${ex.name} ${rel} at ${width} px`;
        if (problems.length === 0) {
          passed += 1;
          console.log(`ok   ${label}`);
        } else {
          failed += 1;
          console.log(`FAIL ${label}\n     ${problems.join("\n     ")}`);
        }
        if (updateDocs && ex.name === "raccoons" && width === 1280) {
          const docs = join(root, "docs", "screenshots");
          mkdirSync(docs, { recursive: true });
          copyFileSync(shot, join(docs, `raccoons-${kind}.png`));
        }
      }
    }
  }
  // The unit page prints to PDF (print styles apply).
  const printed = await browser.newPage();
  await printed.goto(pathToFileURL(join(work, "raccoons", "2026-Q1", "operations.html")).href);
  const pdf = await printed.pdf({ format: "A4", printBackground: true });
  writeFileSync(join(work, "raccoons-operations.pdf"), pdf);
  if (pdf.length > 1000 && pdf.subarray(0, 5).toString() === "%PDF-") {
    passed += 1;
    console.log("ok   raccoons 2026-Q1/operations.html prints to PDF");
  } else {
    failed += 1;
    console.log("FAIL raccoons 2026-Q1/operations.html prints to PDF");
  }
} finally {
  await browser.close();
}

console.log(`screenshots in ${shots}`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
