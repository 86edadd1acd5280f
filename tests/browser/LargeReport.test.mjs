// browser.LargeReport: a synthetic report of 20,000 findings (1,500 symbols, 500 files, sources
// embedded) must open, filter, search, sort and scroll in reasonable time in headless chromium,
// with the findings table virtualised (only the rows in view exist). Prints the timings.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Checks, findChromium, parseArgs, run, withBrowser } from './chromium.mjs';

const FINDINGS = 20000;
// Budgets on a loaded two-core machine; the measured times are printed for comparison.
const BUDGET = { load: 10000, filter: 1000, search: 1500, sort: 1000, scroll: 1000, source: 2000 };

const args = parseArgs();
findChromium();
const out = args.out;
mkdirSync(out, { recursive: true });
const checks = new Checks('browser.LargeReport');
const htmlPath = join(out, 'large-report.html');
const made = await run(args.fixture, ['large', String(FINDINGS), htmlPath]);
if (!checks.ok(made.code === 0, 'the ' + FINDINGS + '-finding report was generated in ' + made.ms + ' ms')) {
  console.log(made.stdout + made.stderr);
  process.exit(checks.finish());
}
console.log('  page size: ' + (statSync(htmlPath).size / 1048576).toFixed(1) + ' MiB');

const within = (ms, budget, what) => checks.ok(ms <= budget, what + ': ' + Math.round(ms) + ' ms (budget ' + budget + ' ms)');
const summary = 'document.getElementById("filter-summary").textContent';

await withBrowser(checks, out, async (browser) => {
  const page = await browser.newPage({ width: 1400, height: 1000 });
  const started = Date.now();
  await page.goto('file://' + htmlPath, 60000);
  await page.waitFor('document.body.dataset.ready === "1"', 60000);
  within(Date.now() - started, BUDGET.load, 'load, parse and first render of ' + FINDINGS + ' findings');
  console.log('  (in the page: script done ' + await page.evaluate('document.body.dataset.readyMs') +
    ' ms after navigation start, of which ' + await page.evaluate('document.body.dataset.scriptMs') + ' ms script)');

  checks.equal(await page.evaluate(`document.getElementById('findings-count').textContent`), '(' + FINDINGS + ')',
    'the findings table counts every finding');
  const rows = () => page.evaluate(`document.querySelectorAll('#findings-table .vwindow .vrow').length`);
  const initialRows = await rows();
  checks.ok(initialRows > 10 && initialRows < 200, 'only the rows in view exist (' + initialRows + ' of ' + FINDINGS + ')');

  // The expected counts come from the page's data blob, evaluated independently of report.js.
  const expectMissing = await page.evaluate(`const D = JSON.parse(document.getElementById('opscope-data').textContent);
    D.findings.filter((f) => { const s = D.symbols[f[0]]; return s.cov && s.cov.some((c) => c && c.status === 'missing'); }).length`);

  // Status filter: keep only "missing" (six clicks, each one a full re-filter).
  const filterMs = await page.evaluate(`const t = performance.now();
    for (const i of document.querySelectorAll('#filter-statuses input')) if (i.dataset.value !== 'missing') i.click();
    (performance.now() - t) / 6`);
  within(filterMs, BUDGET.filter, 'one status filter change over ' + FINDINGS + ' findings (mean of 6)');
  const filtered = await page.evaluate(summary);
  checks.ok(filtered.startsWith('Showing ' + expectMissing + ' of ' + FINDINGS + ' findings'),
    'the filter shows the ' + expectMissing + ' findings missing somewhere: ' + filtered);
  checks.ok(expectMissing > 0 && expectMissing < FINDINGS, 'and that is a real subset');

  // Text search, through the debounced input: from the input event to the next frame after
  // the summary line changed.
  await page.evaluate(`document.getElementById('filter-reset').click()`);
  const searchMs = await page.evaluate(`new Promise((resolve) => {
    const out = document.getElementById('filter-summary');
    const observer = new MutationObserver(() => {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - t));
    });
    observer.observe(out, { childList: true, characterData: true, subtree: true });
    const t = performance.now();
    const s = document.getElementById('filter-search'); s.value = 'cudaApi1234'; s.dispatchEvent(new Event('input'));
  })`);
  within(searchMs, BUDGET.search, 'text search over ' + FINDINGS + ' findings (with its 120 ms debounce)');
  const found = await page.evaluate(`Array.from(document.querySelectorAll('#findings-table .vwindow .vrow'), (r) => r.children[1].textContent)`);
  checks.ok(found.length > 0 && found.every((s) => s.includes('cudaApi1234')), 'search results all match (' + found.length + ')');
  await page.evaluate(`document.getElementById('filter-reset').click()`);

  // Sorting all findings by symbol.
  const sortMs = await page.evaluate(`const t = performance.now();
    document.querySelector('#findings-table .vhead span[data-col="1"]').click(); performance.now() - t`);
  within(sortMs, BUDGET.sort, 'sorting ' + FINDINGS + ' findings by symbol');
  const sorted = await page.evaluate(`Array.from(document.querySelectorAll('#findings-table .vwindow .vrow'), (r) => r.children[1].textContent.toLowerCase())`);
  checks.ok(sorted.every((s, i) => i === 0 || sorted[i - 1] <= s), 'rows are in symbol order');

  // Scrolling to the end renders the last rows, still only a window of them. The last finding
  // in symbol order (ties keep report order), from the data blob:
  const last = await page.evaluate(`const D = JSON.parse(document.getElementById('opscope-data').textContent);
    let best = 0;
    D.findings.forEach((f, i) => { if (D.symbols[f[0]].name.toLowerCase() >= D.symbols[D.findings[best][0]].name.toLowerCase()) best = i; });
    best`);
  const scrollStarted = Date.now();
  await page.evaluate(`const t = document.getElementById('findings-table'); t.scrollTop = t.scrollHeight;`);
  await page.waitFor(`(() => { const r = document.querySelectorAll('#findings-table .vwindow .vrow');
    return r.length > 0 && Number(r[r.length - 1].dataset.finding) === ${last}; })()`);
  within(Date.now() - scrollStarted, BUDGET.scroll, 'scrolling to the last of ' + FINDINGS + ' rows');
  const lastRows = await rows();
  checks.ok(lastRows < 200, 'still only a window of rows after scrolling (' + lastRows + ')');
  const visible = await page.evaluate(`(() => { const t = document.getElementById('findings-table').getBoundingClientRect();
    const r = Array.from(document.querySelectorAll('#findings-table .vwindow .vrow')).filter((e) => {
      const b = e.getBoundingClientRect(); return b.bottom > t.top + 30 && b.top < t.bottom; });
    return r.length; })()`);
  checks.ok(visible > 5, 'rows are where the scroll position shows them (' + visible + ' in view)');
  await page.evaluate(`document.getElementById('findings').scrollIntoView()`);
  await page.screenshot(join(out, 'large-report.png'));

  // Opening a source view from the last row.
  const sourceStarted = Date.now();
  await page.evaluate(`const r = document.querySelectorAll('#findings-table .vwindow .vrow'); r[r.length - 1].click();`);
  await page.waitFor(`!document.getElementById('source').hidden && document.querySelector('#source .ln.target')`);
  within(Date.now() - sourceStarted, BUDGET.source, 'opening a source view');

  checks.equal(page.errors, [], 'no script error');
});
