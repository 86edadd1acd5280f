// browser.PlanReport: the porting plan as the first section of the HTML report, in headless
// chromium with its CSP. Every bundled sample (CUDA app, PyTorch project, ONNX model) is scanned
// to JSON and rendered by `opscope report` (which derives the plan); the page is checked against
// the JSON's summary.<platform>.plan: the plan comes before the coverage table, each platform's
// card shows the automatic share and effort range, each class opens onto exactly its sites, and a
// site's link opens the source view at its line.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Checks, findChromium, parseArgs, run, withBrowser } from './chromium.mjs';

const args = parseArgs();
findChromium();
const out = join(args.out, 'plan');
mkdirSync(out, { recursive: true });
const checks = new Checks('browser.PlanReport');

const samples = ['cuda_app', 'pytorch_train', 'models'].map((s) => join(args['source-dir'], 'samples', s));
const jsonScan = join(out, 'scan.json');
const scan = await run(args.opscope, ['scan', ...samples, '--format', 'json', '-o', jsonScan, '--no-config']);
if (!checks.ok(scan.code === 0, 'opscope scan of every sample exits 0')) {
  console.log(scan.stdout + scan.stderr);
  process.exit(checks.finish());
}
const rendered = await run(args.opscope, ['report', jsonScan, '--format', 'html,json', '-o', out]);
if (!checks.ok(rendered.code === 0, 'opscope report --format html,json exits 0')) {
  console.log(rendered.stdout + rendered.stderr);
  process.exit(checks.finish());
}
checks.ok(/porting plan/.test(rendered.stdout), 'the terminal summary starts with the porting plan');
const htmlPath = join(out, 'opscope-report.html');
const report = JSON.parse(readFileSync(join(out, 'opscope-report.json'), 'utf8'));
const platforms = report.targets;
checks.ok(platforms.every((p) => report.summary[p].plan), 'the JSON has summary.<platform>.plan for every target');
const kinds = new Set(report.findings.map((f) => f.file.split('.').pop()));
checks.ok(kinds.has('py') && kinds.has('cu') && kinds.has('onnx'), 'the scan covers CUDA, Python and ONNX inputs');

await withBrowser(checks, out, async (browser) => {
  const page = await browser.newPage({ width: 1400, height: 1000 });
  await page.addInitScript(`window.__csp = []; document.addEventListener('securitypolicyviolation',
    (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`);
  await page.goto('file://' + htmlPath);
  await page.waitFor('document.body.dataset.ready === "1"');

  const order = await page.evaluate(`Array.from(document.querySelectorAll('main section[id], section.card-section[id]'),
    (s) => s.id)`);
  checks.ok(order.indexOf('plan') >= 0 && order.indexOf('plan') < order.indexOf('summary'),
    'the plan section comes before the coverage summary: ' + order.slice(0, 4).join(', '));
  checks.equal(await page.evaluate(`document.querySelectorAll('#summary .effort-value').length`), 0,
    'the old per-symbol effort figure is gone');

  for (const p of platforms) {
    const plan = report.summary[p].plan;
    const card = await page.evaluate(`(() => { const c = document.querySelector('#plan article[data-platform="${p}"]');
      return c && { auto: c.querySelector('.plan-auto').textContent, days: c.querySelector('.plan-effort-days').textContent }; })()`);
    if (!checks.ok(card, 'a plan card for ' + p)) continue;
    // The JSON share is rounded to a few digits; the page rounds the exact one to a whole percent.
    checks.ok(/^\d+%$/.test(card.auto) && Math.abs(parseInt(card.auto, 10) - plan.automatic_share * 100) <= 0.5 + 1e-6,
      p + ': the automatic share (' + card.auto + ' for ' + plan.automatic_share + ')');
    checks.ok(card.days.startsWith(String(plan.effort_days.low)) && card.days.includes(String(plan.effort_days.high)),
      p + ': the effort range ' + card.days);
    // Drill-down: every class opens onto its sites, and only its sites.
    const blocks = [['automatic', plan.classes.automatic.sites], ['assisted', plan.classes.assisted.sites],
      ['blocked', plan.classes.blocked.sites], ['unknown', plan.classes.unknown.sites]];
    for (const [sub, t] of Object.entries(plan.manual_by_subclass)) blocks.push(['manual:' + sub, t.sites]);
    if (Object.keys(plan.manual_by_subclass).length === 0) blocks.push(['manual', plan.classes.manual.sites]);
    for (const [key, sites] of blocks) {
      const shown = await page.evaluate(`(() => {
        const d = document.querySelector('#plan article[data-platform="${p}"] details[data-class="${key}"]');
        if (!d) return null;
        const before = d.open || d.querySelector('ol').checkVisibility();
        d.querySelector('summary').click();
        return { open: d.open, before, after: d.querySelector('ol').checkVisibility(),
                 items: d.querySelectorAll('li').length,
                 findings: Array.from(d.querySelectorAll('li'), (li) => Number(li.dataset.finding)) };
      })()`);
      if (!checks.ok(shown, p + ' ' + key + ': a class block')) continue;
      checks.equal(shown.items, Math.min(sites, 400), p + ' ' + key + ': lists its ' + sites + ' sites');
      checks.ok(!shown.before && shown.open && shown.after, p + ' ' + key + ': closed at first, shows its sites on click');
      const expected = plan.site_classes.filter((s) => (s.class === 'manual' && key.startsWith('manual:')
        ? 'manual:' + s.subclass : s.class) === key).map((s) => s.finding).slice(0, 400);
      checks.equal(shown.findings, expected, p + ' ' + key + ': exactly the JSON\'s sites of the class');
    }
  }
  await page.screenshot(join(out, 'plan.png'));

  // A site's link opens the source view at its line.
  const manual = report.summary.ascend.plan.site_classes.find((s) => s.class === 'manual');
  const f = report.findings[manual.finding];
  await page.evaluate(`document.querySelector('#plan article[data-platform="ascend"] li[data-finding="${manual.finding}"] a').click()`);
  await page.waitFor(`!document.getElementById('source').hidden && document.querySelector('#source .ln.target')`);
  const source = await page.evaluate(`({ path: document.getElementById('source-path').textContent,
    line: Number(document.querySelector('#source .ln.target').dataset.line) })`);
  checks.equal(source, { path: f.file, line: f.line }, 'a site link opens its source at its line');
  checks.equal(page.errors, [], 'no script error');
  checks.equal(await page.evaluate('window.__csp'), [], 'no Content-Security-Policy violation');
  console.log('  screenshot: ' + join(out, 'plan.png'));
});
