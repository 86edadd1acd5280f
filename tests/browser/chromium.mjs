// Drives Debian's headless Chromium for the browser tests over the DevTools protocol on a pipe
// (--remote-debugging-pipe: commands on fd 3, replies on fd 4, NUL-separated JSON), so the
// tests need nothing but chromium and node: no npm package, no network, no port.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SKIP = 77;  // ctest SKIP_RETURN_CODE

/** The chromium binary ($OPSCOPE_CHROMIUM when set), or exits: skipped locally, failed under CI=true. */
export function findChromium() {
  const candidates = process.env.OPSCOPE_CHROMIUM ? [process.env.OPSCOPE_CHROMIUM] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const message = 'chromium not found (looked at ' + candidates.join(', ') + '); .ci/install-deps installs it';
  if (process.env.CI === 'true') {
    console.error('FAIL: ' + message + ' -- a CI run must have it');
    process.exit(1);
  }
  console.log('SKIPPED: ' + message);
  process.exit(SKIP);
}

export class Browser {
  static async launch(executable, { logFile } = {}) {
    const profile = mkdtempSync(join(tmpdir(), 'opscope-chromium-'));
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-extensions', '--disable-default-apps', '--mute-audio', '--hide-scrollbars',
      '--user-data-dir=' + profile, '--remote-debugging-pipe', 'about:blank'];
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    const browser = new Browser(child, profile, logFile);
    await browser.send('Browser.getVersion');
    return browser;
  }

  constructor(child, profile, logFile) {
    this.child = child;
    this.profile = profile;
    this.nextId = 0;
    this.pending = new Map();
    this.listeners = [];
    this.log = [];
    this.logFile = logFile;
    let buffer = Buffer.alloc(0);
    child.stderr.on('data', (d) => this.log.push(d.toString()));
    child.stdio[4].on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      let end;
      while ((end = buffer.indexOf(0)) >= 0) {
        const message = JSON.parse(buffer.subarray(0, end).toString());
        buffer = buffer.subarray(end + 1);
        this.dispatch(message);
      }
    });
    this.exited = new Promise((resolve) => child.on('exit', resolve));
    this.exited.then(() => {
      for (const { reject } of this.pending.values()) reject(new Error('chromium exited'));
      this.pending.clear();
    });
  }

  dispatch(message) {
    if (message.id !== undefined) {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(waiter.method + ': ' + message.error.message));
      else waiter.resolve(message.result);
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  send(method, params = {}, sessionId = undefined) {
    const id = ++this.nextId;
    const message = { id, method, params };
    if (sessionId) message.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.child.stdio[3].write(JSON.stringify(message) + '\0');
    });
  }

  on(listener) { this.listeners.push(listener); }

  async newPage({ width = 1280, height = 900, bypassCSP = false } = {}) {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(this, sessionId);
    await page.send('Page.enable');
    await page.send('Runtime.enable');
    await page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
    if (bypassCSP) await page.send('Page.setBypassCSP', { enabled: true });
    return page;
  }

  async close() {
    try {
      await Promise.race([this.send('Browser.close'), new Promise((r) => setTimeout(r, 3000))]);
    } catch (e) { /* already gone */ }
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 3000))]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    if (this.logFile) writeFileSync(this.logFile, this.log.join(''));
    rmSync(this.profile, { recursive: true, force: true });
  }
}

export class Page {
  constructor(browser, sessionId) {
    this.browser = browser;
    this.sessionId = sessionId;
    this.errors = [];     // uncaught exceptions in the page
    this.console = [];    // console messages
    this.cspViolations = [];
    browser.on((m) => {
      if (m.sessionId !== sessionId) return;
      if (m.method === 'Runtime.exceptionThrown') {
        const d = m.params.exceptionDetails;
        this.errors.push((d.exception && d.exception.description) || d.text);
      } else if (m.method === 'Runtime.consoleAPICalled') {
        this.console.push(m.params.type + ': ' + m.params.args.map((a) => a.value ?? a.description).join(' '));
      } else if (m.method === 'Log.entryAdded' && /Content.Security.Policy/i.test(m.params.entry.text)) {
        this.cspViolations.push(m.params.entry.text);
      }
    });
  }

  send(method, params = {}) { return this.browser.send(method, params, this.sessionId); }

  /** Runs `script` before any of the page's own scripts, in every document of this page. */
  async addInitScript(script) {
    await this.send('Page.addScriptToEvaluateOnNewDocument', { source: script });
  }

  async goto(url, timeoutMs = 20000) {
    await this.send('Log.enable');
    const loaded = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('load timed out: ' + url)), timeoutMs);
      this.browser.on((m) => {
        if (m.sessionId === this.sessionId && m.method === 'Page.loadEventFired') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const result = await this.send('Page.navigate', { url });
    if (result.errorText) throw new Error('navigation failed: ' + result.errorText);
    await loaded;
  }

  /** Evaluates JS statements in the page and returns the value of the last one (awaiting a
   *  promise). They run in a block, so their const and let declarations do not outlive the call. */
  async evaluate(expression) {
    const r = await this.send('Runtime.evaluate', { expression: '{\n' + expression + '\n}', awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) {
      const d = r.exceptionDetails;
      throw new Error('page evaluation failed: ' + ((d.exception && d.exception.description) || d.text) + '\n  in: ' + expression);
    }
    return r.result.value;
  }

  /** Polls `expression` until it is truthy. */
  async waitFor(expression, timeoutMs = 10000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.evaluate(expression);
      if (value) return value;
      if (Date.now() > until) throw new Error('timed out waiting for: ' + expression);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async screenshot(path, { fullPage = false } = {}) {
    const params = { format: 'png' };
    if (fullPage) {
      const { cssContentSize } = await this.send('Page.getLayoutMetrics');
      params.clip = { x: 0, y: 0, width: cssContentSize.width, height: Math.min(cssContentSize.height, 16000), scale: 1 };
      params.captureBeyondViewport = true;
    }
    const { data } = await this.send('Page.captureScreenshot', params);
    writeFileSync(path, Buffer.from(data, 'base64'));
  }
}

/** A tiny assertion collector: every check is reported, the run fails if any failed. */
export class Checks {
  constructor(name) {
    this.name = name;
    this.passed = 0;
    this.failed = 0;
  }
  ok(condition, message) {
    if (condition) {
      this.passed++;
      console.log('  ok   ' + message);
    } else {
      this.failed++;
      console.log('  FAIL ' + message);
    }
    return condition;
  }
  equal(actual, expected, message) {
    const same = JSON.stringify(actual) === JSON.stringify(expected);
    return this.ok(same, message + (same ? '' : ' (got ' + JSON.stringify(actual) + ', expected ' + JSON.stringify(expected) + ')'));
  }
  finish() {
    console.log(this.name + ': ' + this.passed + ' passed, ' + this.failed + ' failed');
    return this.failed === 0 ? 0 : 1;
  }
}

/** --name value pairs from the command line. */
export function parseArgs(argv = process.argv.slice(2)) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) throw new Error('bad argument: ' + argv[i]);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  return args;
}

/** Runs a program to completion; returns { code, stdout, stderr, ms }. */
export function run(program, args, options = {}) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/** Runs `body(browser)` with a fresh chromium, always closing it; exits with the checks' status. */
export async function withBrowser(checks, outDir, body) {
  const browser = await Browser.launch(findChromium(), { logFile: join(outDir, checks.name + '.chromium.log') });
  try {
    await body(browser);
  } catch (e) {
    checks.ok(false, 'unexpected error: ' + (e && e.stack ? e.stack : e));
  } finally {
    await browser.close();
  }
  process.exit(checks.finish());
}
