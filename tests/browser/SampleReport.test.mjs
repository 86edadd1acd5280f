// browser.SampleReport: `opscope scan samples/cuda_app --format html,json` opened in headless
// chromium, CSP enforced. Checks the DOM against the JSON report of the same scan: a summary
// card per platform with its coverage %, the matrix, a status filter, a platform filter and a
// text search that change what is shown, sorting, the coverage popover, the source view; keeps
// screenshots under the build directory.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Checks, findChromium, parseArgs, run, withBrowser } from './chromium.mjs';

const args = parseArgs();
findChromium();
const out = args.out;
mkdirSync(out, { recursive: true });
const checks = new Checks('browser.SampleReport');

// The report, from the real command line (or, for debugging, --html and --json files).
let htmlPath = args.html, jsonPath = args.json;
if (!htmlPath) {
  const dir = join(out, 'cuda_app');
  const scan = await run(args.opscope, ['scan', join(args['source-dir'], 'samples/cuda_app'), '--format', 'html,json',
    '-o', dir, '--no-config']);
  console.log('  scan of samples/cuda_app: ' + scan.ms + ' ms, exit ' + scan.code);
  if (!checks.ok(scan.code === 0, 'opscope scan --format html,json exits 0')) {
    console.log(scan.stdout + scan.stderr);
    process.exit(checks.finish());
  }
  htmlPath = join(dir, 'opscope-report.html');
  jsonPath = join(dir, 'opscope-report.json');
}
const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
const html = readFileSync(htmlPath, 'utf8');
checks.ok(!/https?:\/\//.test(html), 'the page contains no http(s) URL');

// What the page must show, from the JSON report.
const platforms = report.targets;
// The project's own code (kernels, launches, device functions, registered ops, hazards) is
// inventory, not API coverage: it has its own sections, and no row in the matrix.
const INVENTORY = new Set(['kernel', 'kernel_launch', 'device_function', 'registered_op', 'hazard']);
const api = report.findings.filter((f) => !INVENTORY.has(f.kind) && Object.keys(f.coverage).length);
// A matrix row is a symbol (name, kind, library) with one set of answers: a symbol whose answer
// depends on the use (a call shape, a dtype) gets a row per distinct answer.
const answers = (f) => JSON.stringify(platforms.map((p) => {
  const c = f.coverage[p] || {};
  return [c.status, c.target, c.note, c.source, c.confidence, c.layer];
}));
const apiSymbols = new Set(api.map((f) => [f.symbol, f.kind, f.library, answers(f)].join('\u0000')));
const hasStatus = (f, status) => Object.values(f.coverage).some((c) => c.status === status);
const statusCounts = {};
for (const s of ['native', 'mapped', 'partial', 'emulated', 'missing', 'unknown'])
  statusCounts[s] = report.findings.filter((f) => hasStatus(f, s)).length;
// The filter under test: the least frequent status of some API finding, so that both the
// findings shown and the matrix rows shown are a real subset.
const apiCount = (s) => api.filter((f) => hasStatus(f, s)).length;
const filterStatus = Object.keys(statusCounts).filter((s) => apiCount(s) > 0 && apiCount(s) < api.length)
  .sort((a, b) => apiCount(a) - apiCount(b))[0];

await withBrowser(checks, out, async (browser) => {
  const page = await browser.newPage({ width: 1400, height: 1000 });
  await page.addInitScript(`window.__csp = []; document.addEventListener('securitypolicyviolation',
    (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`);
  const started = Date.now();
  await page.goto('file://' + htmlPath);
  await page.waitFor('document.body.dataset.ready === "1"');
  console.log('  page ready in ' + (Date.now() - started) + ' ms');

  // Summary cards: one per platform, with the JSON's coverage %.
  const cards = await page.evaluate(`Array.from(document.querySelectorAll('#summary article.pcard'), (c) => ({
    id: c.dataset.platform, pct: c.querySelector('.pct-value').textContent, visible: !c.hidden }))`);
  checks.equal(cards.map((c) => c.id), platforms, 'a summary card for each target platform');
  checks.equal(cards.map((c) => c.id).sort(), ['ascend', 'cambricon', 'dcu', 'enflame'], 'the four platforms');
  for (const c of cards)
    checks.equal(c.pct, report.summary[c.id].coverage_percent.toFixed(1) + '%', 'card ' + c.id + ' shows the coverage %');
  // Effort comes from the porting plan only (browser.PlanReport); the coverage cards carry none.
  checks.equal(await page.evaluate(`document.querySelectorAll('#summary .effort-value').length`), 0,
    'the coverage cards carry no per-symbol effort figure');

  // The matrix: a row per distinct API symbol, a cell per platform.
  const matrix = await page.evaluate(`({ rows: document.querySelectorAll('#matrix-table tbody tr').length,
    cells: document.querySelectorAll('#matrix-table tbody td.st').length,
    heads: Array.from(document.querySelectorAll('#matrix-table thead th[data-p]'), (th) => th.textContent) })`);
  checks.equal(matrix.rows, apiSymbols.size, 'the matrix has a row per distinct API symbol and answer');
  // The summary counts the API symbols used outside device code (inside a kernel, a call takes
  // its kernel's verdict and the kernel is what counts).
  const hostSymbols = new Set(api.filter((f) => !f.device_code).map((f) => f.symbol + '\u0000' + f.kind));
  const kernelCount = (report.kernels || []).length;
  checks.equal(hostSymbols.size + kernelCount, report.summary[platforms[0]].symbols,
    'the summary counts the API symbols outside device code, and each kernel once');
  checks.equal(matrix.cells, apiSymbols.size * platforms.length, 'and a cell per platform');
  checks.equal(matrix.heads, platforms, 'matrix columns are the platforms');

  // Kernel inventory.
  const kernels = report.findings.filter((f) => f.kind === 'kernel' || f.kind === 'device_function').length;
  checks.ok(await page.evaluate(`document.querySelectorAll('#kernels-table tbody tr').length`) >= kernels,
    'the kernel inventory lists every kernel and device function (' + kernels + ')');

  const shownFindings = () => page.evaluate(`document.getElementById('filter-summary').textContent`);
  checks.ok((await shownFindings()).startsWith('Showing ' + report.findings.length + ' of ' + report.findings.length + ' findings'),
    'initially every finding is shown');
  checks.equal(await page.evaluate(`document.getElementById('findings-count').textContent`), '(' + report.findings.length + ')',
    'the findings table counts every finding');
  checks.ok(await page.evaluate(`document.querySelectorAll('#findings-table .vwindow .vrow').length`) > 0,
    'the findings table shows rows');

  // Status filter: only `filterStatus`.
  checks.ok(!!filterStatus, 'the sample has a status to filter on (' + filterStatus + ')');
  await page.evaluate(`for (const i of document.querySelectorAll('#filter-statuses input'))
    if (i.dataset.value !== ${JSON.stringify(filterStatus)} && i.checked) i.click();`);
  const filtered = await shownFindings();
  checks.ok(filtered.startsWith('Showing ' + statusCounts[filterStatus] + ' of ' + report.findings.length + ' findings'),
    'filtering on ' + filterStatus + ' shows ' + statusCounts[filterStatus] + ' findings: ' + filtered);
  const matrixShown = await page.evaluate(`Array.from(document.querySelectorAll('#matrix-table tbody tr')).filter((r) => !r.hidden).length`);
  const symbolsWithStatus = new Set(api.filter((f) => hasStatus(f, filterStatus)).map((f) => f.symbol + '\u0000' + f.kind));
  checks.equal(matrixShown, symbolsWithStatus.size, 'the matrix keeps only the ' + symbolsWithStatus.size + ' symbols ' + filterStatus + ' somewhere');
  checks.ok(matrixShown > 0 && matrixShown < apiSymbols.size, 'a real subset of the matrix');
  const rowStatuses = await page.evaluate(`Array.from(document.querySelectorAll('#findings-table .vwindow .vrow'),
    (r) => Array.from(r.querySelectorAll('.badge'), (b) => b.textContent))`);
  checks.ok(rowStatuses.length > 0 && rowStatuses.every((badges) => badges.includes(filterStatus)),
    'every findings row shown has a ' + filterStatus + ' badge');
  await page.screenshot(join(out, 'cuda_app-filtered.png'));

  // Platform filter: dcu off hides its card and its columns.
  await page.evaluate(`document.getElementById('filter-reset').click();
    document.querySelector('#filter-platforms input[data-value="${platforms.indexOf('dcu')}"]').click();`);
  const dcu = await page.evaluate(`({ card: document.querySelector('#summary article[data-platform="dcu"]').hidden,
    head: document.querySelector('#matrix-table thead th[data-p="${platforms.indexOf('dcu')}"]').hidden,
    tableHeads: Array.from(document.querySelectorAll('#findings-table .vhead span'), (s) => s.textContent) })`);
  checks.ok(dcu.card && dcu.head, 'unchecking dcu hides its card and matrix column ' + JSON.stringify(dcu));
  checks.ok(!dcu.tableHeads.includes('dcu') && dcu.tableHeads.includes('ascend'), 'and its findings-table column');

  // Text search.
  await page.evaluate(`document.getElementById('filter-reset').click();
    const s = document.getElementById('filter-search'); s.value = 'cudaMalloc'; s.dispatchEvent(new Event('input'));`);
  await page.waitFor(`!document.getElementById('filter-summary').textContent.startsWith('Showing ${report.findings.length} of')`);
  const searched = await page.evaluate(`Array.from(document.querySelectorAll('#findings-table .vwindow .vrow'), (r) => r.textContent)`);
  checks.ok(searched.length > 0 && searched.every((t) => /cudamalloc/i.test(t)), 'searching cudaMalloc shows only its rows (' + searched.length + ')');
  await page.evaluate(`document.getElementById('filter-reset').click()`);

  // Sorting: the matrix by uses, descending on the second click.
  await page.evaluate(`const th = Array.from(document.querySelectorAll('#matrix-table thead th')).find((t) => t.textContent === 'Uses');
    th.click(); th.click();`);
  const uses = await page.evaluate(`Array.from(document.querySelectorAll('#matrix-table tbody tr'), (r) => Number(r.cells[3].textContent))`);
  checks.ok(uses.every((u, i) => i === 0 || uses[i - 1] >= u), 'sorting the matrix by uses orders the rows');
  await page.evaluate(`document.querySelector('#findings-table .vhead span[data-col="1"]').click()`);
  const symbols = await page.evaluate(`Array.from(document.querySelectorAll('#findings-table .vwindow .vrow'), (r) => r.children[1].textContent.toLowerCase())`);
  checks.ok(symbols.every((s, i) => i === 0 || symbols[i - 1] <= s), 'sorting the findings by symbol orders the rows');

  // Coverage popover from a matrix cell.
  const popover = await page.evaluate(`const cell = document.querySelector('#matrix-table td[data-cov]'); cell.click();
    ({ shown: !document.getElementById('popover').hidden, text: document.getElementById('popover').textContent,
       target: (cell.querySelector('.target') || { textContent: '' }).textContent })`);
  checks.ok(popover.shown && popover.text.includes(popover.target) && /status/.test(popover.text), 'a matrix cell opens its coverage details');
  await page.evaluate(`document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))`);

  // Source view: a finding row opens its file at its line, highlighted.
  const malloc = report.findings.find((f) => f.symbol === 'cudaMalloc') || report.findings[0];
  await page.evaluate(`const s = document.getElementById('filter-search'); s.value = ${JSON.stringify(malloc.symbol)};
    s.dispatchEvent(new Event('input'));`);
  await page.waitFor(`document.getElementById('filter-summary').textContent.includes('of ${report.findings.length}') &&
    !document.getElementById('filter-summary').textContent.startsWith('Showing ${report.findings.length} of')`);
  await page.evaluate(`document.querySelector('#findings-table .vwindow .vrow').click()`);
  await page.waitFor(`!document.getElementById('source').hidden && document.querySelector('#source .ln.target')`);
  const source = await page.evaluate(`({ path: document.getElementById('source-path').textContent,
    line: Number(document.querySelector('#source .ln.target').dataset.line),
    hit: document.querySelector('#source .ln.target').classList.contains('hit'),
    code: document.querySelector('#source .ln.target .tx').textContent,
    lines: document.querySelectorAll('#source .ln').length })`);
  checks.equal(source.path, malloc.file, 'clicking a finding opens its file');
  checks.equal(source.line, malloc.line, 'at its line');
  checks.ok(source.hit && source.code.includes(malloc.symbol), 'the line is highlighted and shows the code: ' + source.code.trim());
  checks.ok(source.lines > 10, 'the whole file is embedded (' + source.lines + ' lines)');
  await page.screenshot(join(out, 'cuda_app-source.png'));

  await page.evaluate(`document.getElementById('filter-reset').click(); location.hash = '#summary'`);
  await page.screenshot(join(out, 'cuda_app-report.png'), { fullPage: true });
  checks.equal(page.errors, [], 'no script error');
  checks.equal(await page.evaluate('window.__csp'), [], 'no Content-Security-Policy violation');
  console.log('  screenshots: ' + join(out, 'cuda_app-report.png') + ', cuda_app-source.png, cuda_app-filtered.png');
});
