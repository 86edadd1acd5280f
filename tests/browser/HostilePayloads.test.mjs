// browser.HostilePayloads: a report whose every string field (file names, code lines, symbol
// names, rule and message text, platform names, coverage notes...) carries
// `</script><img src=x onerror=...>`-style payloads, opened in headless chromium twice: once
// with the page's Content-Security-Policy bypassed, so that escaping alone must hold, and once
// enforced, where any attempt to run or load something would be a reported violation. Every
// view is exercised (source views, diffs, popovers, sorting, search); no payload may run, no
// element or handler may come from data, and every payload must be shown as text.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Checks, findChromium, parseArgs, run, withBrowser } from './chromium.mjs';

const args = parseArgs();
findChromium();
const out = args.out;
mkdirSync(out, { recursive: true });
const checks = new Checks('browser.HostilePayloads');
const htmlPath = join(out, 'hostile-report.html');
const made = await run(args.fixture, ['hostile', htmlPath]);
if (!checks.ok(made.code === 0, 'the hostile report was generated')) {
  console.log(made.stdout + made.stderr);
  process.exit(checks.finish());
}
const fields = JSON.parse(readFileSync(htmlPath + '.fields.json', 'utf8'));
// The opening of every payload, identical whether the server or the script rendered it.
const markerOf = (field) => `</script><img src=x onerror="__pwned.push('${field}')">`;

const INIT = `window.__pwned = [];
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`;

/** Opens the page, drives every view, and returns what the checks need. */
async function exercise(browser, bypassCSP) {
  const page = await browser.newPage({ width: 1300, height: 900, bypassCSP });
  await page.addInitScript(INIT);
  await page.goto('file://' + htmlPath);
  await page.waitFor('document.body.dataset.ready === "1"');
  const seen = new Set();
  const collect = async () => {
    const text = await page.evaluate('document.documentElement.textContent + document.title');
    for (const field of Object.keys(fields)) if (text.includes(markerOf(field))) seen.add(field);
  };
  await collect();
  // Every file's source view (code lines, annotations, diffs).
  const links = await page.evaluate(`Array.from(document.querySelectorAll('#files-table a[href^="#src:"]'), (a) => a.getAttribute('href'))`);
  for (const href of links) {
    await page.evaluate(`location.hash = ${JSON.stringify(href)}`);
    await page.waitFor(`!document.getElementById('source').hidden && document.getElementById('source-path').textContent.length > 0`);
    await collect();
  }
  // Every coverage popover.
  const cells = await page.evaluate(`document.querySelectorAll('[data-cov]').length`);
  for (let i = 0; i < cells; i++) {
    await page.evaluate(`document.querySelectorAll('[data-cov]')[${i}].click()`);
    await collect();
  }
  // Sorting every table, the findings table, a search and a reset.
  await page.evaluate(`for (const th of document.querySelectorAll('table.sortable thead th')) { th.click(); th.click(); }
    for (const s of document.querySelectorAll('#findings-table .vhead span')) s.click();
    document.querySelector('#findings-table .vwindow .vrow') && document.querySelector('#findings-table .vwindow .vrow').click();
    const search = document.getElementById('filter-search'); search.value = '</script>'; search.dispatchEvent(new Event('input'));`);
  await new Promise((r) => setTimeout(r, 300));
  await collect();
  await page.evaluate(`document.getElementById('filter-reset').click(); for (const d of document.querySelectorAll('details')) d.open = true;`);
  // Give any injected image time to fail to load and fire its handler.
  await new Promise((r) => setTimeout(r, 500));
  const result = await page.evaluate(`({
    pwned: window.__pwned,
    csp: window.__csp,
    scripts: document.scripts.length,
    foreign: document.querySelectorAll('img, iframe, object, embed, frame, link, base, form[action], textarea, video, audio').length,
    handlers: Array.from(document.querySelectorAll('*')).flatMap((e) => Array.from(e.attributes).filter((a) => /^on/i.test(a.name)).map((a) => e.tagName + ' ' + a.name)),
    externalRefs: Array.from(document.querySelectorAll('[href], [src]')).map((e) => e.getAttribute('href') || e.getAttribute('src')).filter((v) => !v.startsWith('#')),
    svgs: Array.from(document.querySelectorAll('svg')).filter((s) => !s.classList.contains('bar') && !s.classList.contains('hbar')).length,
    title: document.title,
  })`);
  result.seen = seen;
  result.errors = page.errors;
  if (!bypassCSP) await page.screenshot(join(out, 'hostile-report.png'), { fullPage: true });
  return result;
}

await withBrowser(checks, out, async (browser) => {
  for (const bypassCSP of [true, false]) {
    const mode = bypassCSP ? '[CSP bypassed] ' : '[CSP enforced] ';
    const r = await exercise(browser, bypassCSP);
    checks.equal(r.pwned, [], mode + 'no payload ran');
    checks.equal(r.handlers, [], mode + 'no event-handler attribute in the document');
    checks.equal(r.foreign, 0, mode + 'no img, iframe, object, link, base or textarea element');
    checks.equal(r.svgs, 0, mode + 'no svg but the page\'s own bars');
    checks.equal(r.scripts, 2, mode + 'only the page\'s two script elements');
    checks.equal(r.externalRefs, [], mode + 'every href and src is an in-page fragment');
    checks.equal(r.errors, [], mode + 'no script error');
    checks.ok(r.title.includes(markerOf('x_root')), mode + 'the title shows the root payload as text');
    const missing = Object.keys(fields).filter((f) => !r.seen.has(f));
    checks.equal(missing, [], mode + 'every one of ' + Object.keys(fields).length + ' payloads was shown as text');
    if (!bypassCSP) checks.equal(r.csp, [], mode + 'no Content-Security-Policy violation');
  }
  console.log('  screenshot: ' + join(out, 'hostile-report.png'));
});
