/* opscope HTML report script. Inlined by HtmlRenderer and allowed by the page's CSP by hash.
 *
 * It reads the report from the JSON blob in #opscope-data and adds what the server-rendered
 * sections cannot do alone: filters (platform, status, kind, text), sortable tables, the
 * virtualised findings table, the source view with findings highlighted and suggested edits as
 * diffs, and the coverage popover.
 *
 * Safety rule: every string from the report reaches the page as a text node or an attribute
 * value through h() or textContent. No markup is ever parsed from data (no HTML-parsing DOM
 * API is used at all), no attribute name comes from data, and links are only "#..." fragments.
 */
(function () {
  'use strict';

  const scriptStarted = performance.now();
  const dataElement = document.getElementById('opscope-data');
  if (!dataElement) return;
  const D = JSON.parse(dataElement.textContent);
  document.documentElement.classList.add('js');

  // Each finding is an array; FINDING_FIELDS names its slots (HtmlRenderer writes this order).
  const FINDING_FIELDS = ['symbol', 'file', 'line', 'column', 'endLine', 'endColumn', 'evidence',
    'context', 'detail', 'macros', 'suppressed'];
  const F = {};
  FINDING_FIELDS.forEach((name, i) => { F[name] = i; });

  const NOT_LOOKED_UP = 'n/a';  // status filter entry for the project's own code (kernels...)
  const STATUS_RANK = {};
  D.statuses.forEach((s, i) => { STATUS_RANK[s] = i; });
  STATUS_RANK[NOT_LOOKED_UP] = D.statuses.length;
  const ROW = 28;        // px, one findings-table row (also set as --row)
  const OVERSCAN = 12;   // rows rendered above and below the visible ones
  const MAX_DIFF_LINES = 400;

  // ---- small DOM helpers ------------------------------------------------------------------

  /** Builds an element. Strings and numbers among the children become text nodes. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const name of Object.keys(attrs)) {
        const value = attrs[name];
        if (value === null || value === undefined || value === false) continue;
        if (/^on/i.test(name)) throw new Error('event handlers are never attributes');
        if (name === 'class') el.className = value;
        else el.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }

  function badge(status) {
    return h('span', { class: 'badge st-' + (status === NOT_LOOKED_UP ? 'none' : status) }, status);
  }

  function srcHash(fileIndex, line) {
    return '#src:' + (line || 0) + ':' + encodeURIComponent(D.files[fileIndex].path);
  }

  // ---- derived data -------------------------------------------------------------------------

  const platformCount = D.platforms.length;
  const fileByPath = new Map(D.files.map((f, i) => [f.path, i]));

  /** Status of symbol `s` on platform `p`; NOT_LOOKED_UP for inventory kinds. */
  function statusOf(s, p) {
    const sym = D.symbols[s];
    if (!sym.cov) return NOT_LOOKED_UP;
    const c = sym.cov[p];
    return c ? c.status : 'unknown';
  }

  const symbolText = D.symbols.map((sym) => {
    const parts = [sym.name, sym.kind, sym.library];
    if (sym.cov) for (const c of sym.cov) if (c) parts.push(c.target);
    return parts.join('\u0001').toLowerCase();
  });

  let findingText = null;  // built on first search
  function findingHaystack(i) {
    if (!findingText) {
      findingText = D.findings.map((f) =>
        [symbolText[f[F.symbol]], D.files[f[F.file]].path, f[F.context], f[F.detail]]
          .concat(f[F.macros]).join('\u0001').toLowerCase());
    }
    return findingText[i];
  }

  const findingsByFile = new Map();
  D.findings.forEach((f, i) => {
    const list = findingsByFile.get(f[F.file]);
    if (list) list.push(i); else findingsByFile.set(f[F.file], [i]);
  });

  // ---- filter state -------------------------------------------------------------------------

  const allStatuses = D.statuses.concat([NOT_LOOKED_UP]);
  const state = {
    platforms: new Set(D.platforms.map((_, i) => i)),
    statuses: new Set(allStatuses),
    kinds: new Set(D.kinds),
    text: '',
  };

  function isDefaultFilter() {
    return state.platforms.size === platformCount && state.statuses.size === allStatuses.length &&
      state.kinds.size === D.kinds.length && state.text === '';
  }

  let symbolOk = new Uint8Array(D.symbols.length);       // kind and status match
  let symbolShown = new Uint8Array(D.symbols.length);    // ...and the text matches the symbol
  let findingOk = new Uint8Array(D.findings.length);
  let visibleFindings = [];

  function computeMatches() {
    const text = state.text;
    for (let s = 0; s < D.symbols.length; s++) {
      const sym = D.symbols[s];
      let ok = state.kinds.has(sym.kind);
      if (ok && state.statuses.size !== allStatuses.length) {
        ok = false;
        if (!sym.cov) ok = state.statuses.has(NOT_LOOKED_UP);
        else for (const p of state.platforms) if (state.statuses.has(statusOf(s, p))) { ok = true; break; }
      }
      symbolOk[s] = ok ? 1 : 0;
      symbolShown[s] = ok && (!text || symbolText[s].includes(text)) ? 1 : 0;
    }
    visibleFindings = [];
    for (let i = 0; i < D.findings.length; i++) {
      const ok = symbolOk[D.findings[i][F.symbol]] && (!text || findingHaystack(i).includes(text));
      findingOk[i] = ok ? 1 : 0;
      if (ok) visibleFindings.push(i);
    }
  }

  // ---- filter controls ----------------------------------------------------------------------

  const form = document.getElementById('filters');
  const summaryOut = document.getElementById('filter-summary');

  function checkbox(group, value, label, title) {
    const input = h('input', { type: 'checkbox', checked: true, 'data-group': group, 'data-value': String(value) });
    return h('label', { title: title || null }, input, ' ', label);
  }

  function buildFilters() {
    const platforms = document.getElementById('filter-platforms');
    D.platforms.forEach((p, i) => platforms.append(checkbox('platforms', i, p.id, p.name)));
    const statuses = document.getElementById('filter-statuses');
    for (const s of allStatuses) {
      statuses.append(checkbox('statuses', s, s === NOT_LOOKED_UP ? 'not looked up' : s,
        s === NOT_LOOKED_UP ? "the project's own code: kernels, launches, hazards" :
          'findings with this status on at least one selected platform'));
    }
    const kinds = document.getElementById('filter-kinds');
    for (const k of D.kinds) kinds.append(checkbox('kinds', k, k.replace(/_/g, ' ')));
    form.hidden = false;

    form.addEventListener('change', (event) => {
      const input = event.target;
      if (!input.dataset || !input.dataset.group) return;
      const group = input.dataset.group;
      const value = group === 'platforms' ? Number(input.dataset.value) : input.dataset.value;
      if (input.checked) state[group].add(value); else state[group].delete(value);
      applyFilters();
    });
    form.addEventListener('submit', (event) => event.preventDefault());
    let timer = 0;
    document.getElementById('filter-search').addEventListener('input', (event) => {
      clearTimeout(timer);
      const value = event.target.value.trim().toLowerCase();
      timer = setTimeout(() => { state.text = value; applyFilters(); }, 120);
    });
    document.getElementById('filter-reset').addEventListener('click', () => {
      for (const input of form.querySelectorAll('input[type=checkbox]')) input.checked = true;
      document.getElementById('filter-search').value = '';
      state.platforms = new Set(D.platforms.map((_, i) => i));
      state.statuses = new Set(allStatuses);
      state.kinds = new Set(D.kinds);
      state.text = '';
      applyFilters();
    });
  }

  // ---- applying filters to the server-rendered sections ------------------------------------

  const symbolRows = Array.from(document.querySelectorAll('tr[data-sym]'));
  const findingRows = Array.from(document.querySelectorAll('tr[data-finding]'));
  const fileRows = Array.from(document.querySelectorAll('tr[data-file]'));
  const platformCells = Array.from(document.querySelectorAll('[data-p]'));

  function applyFilters() {
    const started = performance.now();
    computeMatches();
    for (const row of symbolRows) row.hidden = !symbolShown[Number(row.dataset.sym)];
    for (const row of findingRows) row.hidden = !findingOk[Number(row.dataset.finding)];
    const perFile = new Uint32Array(D.files.length);
    for (const i of visibleFindings) perFile[D.findings[i][F.file]]++;
    const filtered = !isDefaultFilter();
    for (const row of fileRows) {
      const f = Number(row.dataset.file);
      const total = (findingsByFile.get(f) || []).length;
      row.hidden = filtered && perFile[f] === 0;
      const cell = row.querySelector('.findings-n');
      if (cell) cell.textContent = filtered ? perFile[f] + ' / ' + total : String(total);
    }
    for (const el of platformCells) el.hidden = !state.platforms.has(Number(el.dataset.p));
    findingsTable.update();
    let shownSymbols = 0, apiSymbols = 0;
    for (let s = 0; s < D.symbols.length; s++) {
      if (D.symbols[s].inventory) continue;
      apiSymbols++;
      shownSymbols += symbolShown[s];
    }
    summaryOut.textContent = 'Showing ' + visibleFindings.length + ' of ' + D.findings.length +
      ' findings, ' + shownSymbols + ' of ' + apiSymbols + ' API symbols';
    document.body.dataset.filterMs = String(Math.round(performance.now() - started));
    if (currentSource !== null) renderSource(currentSource.file, currentSource.line, false);
  }

  // ---- sortable server-rendered tables -------------------------------------------------------

  function sortTable(table, th) {
    const index = th.cellIndex;
    const numeric = th.dataset.type === 'num';
    const descending = th.getAttribute('aria-sort') === 'ascending';
    for (const other of table.tHead.rows[0].cells) other.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    const body = table.tBodies[0];
    const keyed = Array.from(body.rows, (row, order) => {
      const cell = row.cells[index];
      const raw = cell ? (cell.dataset.v !== undefined ? cell.dataset.v : cell.textContent) : '';
      return { row, order, key: numeric ? (parseFloat(raw) || 0) : raw.toLowerCase() };
    });
    keyed.sort((a, b) => {
      let c = numeric ? a.key - b.key : (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
      if (descending) c = -c;
      return c || a.order - b.order;
    });
    body.append(...keyed.map((k) => k.row));
  }

  for (const table of document.querySelectorAll('table.sortable')) {
    table.tHead.addEventListener('click', (event) => {
      const th = event.target.closest('th');
      if (th) sortTable(table, th);
    });
  }

  // ---- the findings table (virtualised: only rows in view exist) ---------------------------

  const findingsTable = (function () {
    const root = document.getElementById('findings-table');
    const section = document.getElementById('findings');
    const count = document.getElementById('findings-count');
    const columns = [
      { label: 'Location', width: 'minmax(200px, 2.2fr)', key: (i) => i, value: (f) =>
        D.files[f[F.file]].path + ':' + f[F.line] + (f[F.column] ? ':' + f[F.column] : '') },
      { label: 'Symbol', width: 'minmax(150px, 2fr)', key: (i) => D.symbols[D.findings[i][F.symbol]].name.toLowerCase(),
        value: (f) => D.symbols[f[F.symbol]].name },
      { label: 'Kind', width: '120px', key: (i) => D.symbols[D.findings[i][F.symbol]].kind,
        value: (f) => D.symbols[f[F.symbol]].kind },
      { label: 'Library', width: '90px', key: (i) => D.symbols[D.findings[i][F.symbol]].library,
        value: (f) => D.symbols[f[F.symbol]].library },
      { label: 'Evidence', width: '80px', key: (i) => D.findings[i][F.evidence], value: (f) => f[F.evidence] },
      { label: 'Context', width: 'minmax(120px, 1.5fr)', key: (i) => D.findings[i][F.context].toLowerCase(),
        value: (f) => f[F.context] },
    ];
    D.platforms.forEach((p, index) => columns.push({
      label: p.id, title: p.name, platform: index, width: 'minmax(110px, 1fr)',
      key: (i) => STATUS_RANK[statusOf(D.findings[i][F.symbol], index)],
    }));
    const sort = { column: 0, descending: false };
    let order = [];
    const head = h('div', { class: 'vrow vhead', role: 'row' });
    const body = h('div', { class: 'vbody', role: 'rowgroup' });
    const windowEl = h('div', { class: 'vwindow' });
    const empty = h('div', { class: 'vempty', hidden: true }, 'No finding matches the filters.');
    body.append(windowEl);
    root.append(head, body, empty);
    root.style.setProperty('--row', ROW + 'px');

    function shownColumns() {
      return columns.filter((c) => c.platform === undefined || state.platforms.has(c.platform));
    }

    function renderHead() {
      const shown = shownColumns();
      root.style.setProperty('--cols', shown.map((c) => c.width).join(' '));
      head.replaceChildren(...shown.map((c) => {
        const index = columns.indexOf(c);
        const cell = h('span', { role: 'columnheader', title: c.title || null, 'data-col': index }, c.label);
        if (index === sort.column) cell.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
        return cell;
      }));
    }

    function sortOrder() {
      const column = columns[sort.column];
      if (sort.column === 0) {
        order = visibleFindings.slice();  // the report's canonical order: file, line, column
      } else {
        const keys = new Map();
        for (const i of visibleFindings) keys.set(i, column.key(i));
        order = visibleFindings.slice().sort((a, b) => {
          const x = keys.get(a), y = keys.get(b);
          return x < y ? -1 : x > y ? 1 : a - b;
        });
      }
      if (sort.descending) order.reverse();
    }

    function rowFor(i) {
      const f = D.findings[i];
      const cells = shownColumns().map((c) => {
        if (c.platform === undefined) {
          const text = c.value(f);
          return h('span', { role: 'cell', title: text }, text);
        }
        const status = statusOf(f[F.symbol], c.platform);
        const cov = D.symbols[f[F.symbol]].cov;
        const target = cov && cov[c.platform] ? cov[c.platform].target : '';
        return h('span', { role: 'cell', title: target || null }, badge(status), target ? ' ' + target : '');
      });
      return h('div', { class: 'vrow' + (f[F.suppressed] ? ' suppressed' : ''), role: 'row', tabindex: '-1',
        'data-finding': i }, cells);
    }

    // No layout is read here: the header is one row high, the table is never taller than the
    // window, and the scroll position comes from scroll events. Forcing a layout of a page with
    // thousands of rows on every update would cost more than rendering a few extra rows.
    let scheduled = false;
    let scrollTop = 0;
    function renderWindow() {
      scheduled = false;
      const top = Math.max(0, scrollTop - ROW);
      const first = Math.max(0, Math.min(Math.floor(top / ROW), order.length) - OVERSCAN);
      const visible = Math.ceil(window.innerHeight / ROW) + 2 * OVERSCAN;
      const last = Math.min(order.length, first + visible);
      const rows = [];
      for (let k = first; k < last; k++) rows.push(rowFor(order[k]));
      windowEl.replaceChildren(...rows);
      windowEl.style.transform = 'translateY(' + first * ROW + 'px)';
    }
    function schedule() {
      if (!scheduled) { scheduled = true; requestAnimationFrame(renderWindow); }
    }

    root.addEventListener('scroll', () => { scrollTop = root.scrollTop; schedule(); }, { passive: true });
    head.addEventListener('click', (event) => {
      const cell = event.target.closest('[data-col]');
      if (!cell) return;
      const column = Number(cell.dataset.col);
      sort.descending = sort.column === column ? !sort.descending : false;
      sort.column = column;
      renderHead();
      sortOrder();
      renderWindow();
    });
    windowEl.addEventListener('click', (event) => {
      const row = event.target.closest('.vrow');
      if (!row) return;
      const f = D.findings[Number(row.dataset.finding)];
      const hash = srcHash(f[F.file], f[F.line]);
      if (location.hash === hash) route(); else location.hash = hash;
    });
    root.addEventListener('keydown', (event) => {
      const steps = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key];
      if (steps) { root.scrollTop += steps * ROW; event.preventDefault(); }
    });

    return {
      update() {
        section.hidden = D.findings.length === 0;
        if (scrollTop !== 0) { root.scrollTop = 0; scrollTop = 0; }  // new rows: start at the top
        count.textContent = visibleFindings.length === D.findings.length ? '(' + D.findings.length + ')' :
          '(' + visibleFindings.length + ' of ' + D.findings.length + ')';
        renderHead();
        sortOrder();
        body.style.height = order.length * ROW + 'px';
        empty.hidden = order.length > 0;
        renderWindow();
      },
    };
  })();

  // ---- source view --------------------------------------------------------------------------

  const sourceSection = document.getElementById('source');
  const sourceBody = document.getElementById('source-body');
  const sourcePath = document.getElementById('source-path');
  let currentSource = null;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  /** `text` with the 1-based byte-column ranges [from, to) marked (Clang columns count bytes);
   *  overlapping ranges keep the first. */
  function markColumns(text, ranges) {
    const ascii = /^[\x00-\x7f]*$/.test(text);
    const bytes = ascii ? null : encoder.encode(text);
    const slice = (from, to) => ascii ? text.slice(from - 1, to === undefined ? undefined : to - 1)
      : decoder.decode(bytes.slice(from - 1, to === undefined ? undefined : to - 1));
    const parts = [];
    let at = 1;
    for (const [from, to] of ranges.slice().sort((a, b) => a[0] - b[0])) {
      if (from < at) continue;
      parts.push(slice(at, from), h('mark', null, slice(from, to)));
      at = to;
    }
    parts.push(slice(at));
    return parts;
  }

  // How bad a status is for highlighting: a stated gap (missing) outranks an unknown answer.
  const SEVERITY = { native: 0, mapped: 1, partial: 2, emulated: 3, unknown: 4, missing: 5 };

  /** The worst status among findings, as a CSS status name ('none': not looked up). */
  function worstOf(findings) {
    let rank = -1, name = 'none';
    for (const i of findings) {
      const status = worstStatus(i);
      if (status !== 'none' && SEVERITY[status] > rank) { rank = SEVERITY[status]; name = status; }
    }
    return name;
  }

  /** The worst status a finding has on the selected platforms, as a CSS status name. */
  function worstStatus(i) {
    const s = D.findings[i][F.symbol];
    if (!D.symbols[s].cov) return 'none';
    let worst = -1, name = 'native';
    for (const p of state.platforms) {
      const status = statusOf(s, p);
      if (SEVERITY[status] > worst) { worst = SEVERITY[status]; name = status; }
    }
    return name;
  }

  function annotation(i) {
    const f = D.findings[i];
    const sym = D.symbols[f[F.symbol]];
    const parts = [h('span', { class: 'what' }, sym.name), ' ', h('span', { class: 'detail' }, sym.kind +
      (sym.library ? ', ' + sym.library : '') + (f[F.evidence] !== 'semantic' ? ', ' + f[F.evidence] : ''))];
    if (f[F.detail]) parts.push(' ', h('span', { class: 'detail' }, f[F.detail]));
    if (f[F.macros].length) parts.push(' ', h('span', { class: 'detail' }, 'via ' + f[F.macros].join(' \u2192 ')));
    if (f[F.suppressed]) parts.push(' ', h('span', { class: 'detail' }, '(suppressed)'));
    if (sym.cov) {
      for (const p of state.platforms) {
        const c = sym.cov[p];
        const status = c ? c.status : 'unknown';
        parts.push(h('span', { class: 'plat', 'data-cov': f[F.symbol] + ':' + p, tabindex: '0' },
          D.platforms[p].id + ' ', badge(status), c && c.target ? ' ' + c.target : ''));
      }
    }
    return h('div', { class: 'ann st-' + worstStatus(i), 'data-finding': i, hidden: !findingOk[i] }, parts);
  }

  function diffBlock(s) {
    const platform = D.platforms.findIndex((p) => p.id === s.platform);
    const head = h('div', { class: 'diff-head' }, h('strong', null, s.platform), ': ', s.reason || 'suggested edit');
    const lines = [];
    if (s.located) {
      s.before.slice(0, MAX_DIFF_LINES).forEach((text, k) =>
        lines.push(h('div', { class: 'dl del' }, h('span', { class: 'no' }, s.line + k), h('span', null, '-'), h('span', null, text))));
      s.after.slice(0, MAX_DIFF_LINES).forEach((text, k) =>
        lines.push(h('div', { class: 'dl add' }, h('span', { class: 'no' }, s.line + k), h('span', null, '+'), h('span', null, text))));
    } else {
      lines.push(h('div', { class: 'dl' }, h('span', { class: 'no' }), h('span'),
        h('span', null, 'replace ' + s.length + ' bytes at offset ' + s.offset + (s.line ? ' (line ' + s.line + ')' : '') +
          ' with the lines below; the source text is not embedded')));
      s.replacement.split('\n').forEach((text) =>
        lines.push(h('div', { class: 'dl add' }, h('span', { class: 'no' }), h('span', null, '+'), h('span', null, text))));
    }
    return h('div', { class: 'diff', 'data-p': platform >= 0 ? platform : null, hidden: platform >= 0 && !state.platforms.has(platform) },
      head, h('div', { class: 'diff-body code' }, lines));
  }

  function renderSource(fileIndex, line, scroll) {
    const file = D.files[fileIndex];
    currentSource = { file: fileIndex, line };
    sourceSection.hidden = false;
    sourcePath.textContent = file.path;
    const findings = findingsByFile.get(fileIndex) || [];
    const byLine = new Map();
    for (const i of findings) {
      const l = D.findings[i][F.line];
      if (byLine.has(l)) byLine.get(l).push(i); else byLine.set(l, [i]);
    }
    const parts = [];
    const meta = [];
    if (file.language) meta.push(file.language);
    if (file.status) meta.push('read as ' + file.status);
    meta.push(findings.length + (findings.length === 1 ? ' finding' : ' findings'));
    parts.push(h('p', { class: 'src-meta' }, meta.join(' \u00b7 '), file.message ? ' \u2014 ' + file.message : ''));

    const edits = D.suggestions.filter((s) => s.file === fileIndex);
    if (edits.length) {
      parts.push(h('h3', null, 'Suggested edits (' + edits.length + ')'));
      parts.push(h('div', { class: 'diffs' }, edits.map(diffBlock)));
    }

    const source = D.sources[fileIndex];
    const code = h('div', { class: 'code', role: 'region', 'aria-label': 'source of ' + file.path });
    let target = null;
    const lineElement = (no, text) => {
      const hits = byLine.get(no);
      const attrs = { class: 'ln', 'data-line': no };
      let content = [text];
      if (hits) {
        const shown = hits.filter((i) => findingOk[i]);
        attrs.class += ' hit st-' + worstOf(shown.length ? shown : hits);
        const ranges = hits.map((i) => D.findings[i])
          .filter((f) => f[F.column] > 0 && f[F.endLine] === no && f[F.endColumn] > f[F.column])
          .map((f) => [f[F.column], f[F.endColumn]]);
        if (ranges.length) content = markColumns(text, ranges);
      }
      const el = h('div', attrs, h('span', { class: 'no' }, no), h('span', { class: 'tx' }, content));
      if (no === line) { el.classList.add('target'); target = el; }
      const out = [el];
      if (hits) for (const i of hits) out.push(annotation(i));
      return out;
    };
    if (source) {
      let next = 1;
      for (const [first, lines] of source.segments) {
        if (first > next) code.append(h('div', { class: 'gapline' }, '\u22ef lines ' + next + '\u2013' + (first - 1) + ' not embedded'));
        lines.forEach((text, k) => code.append(...lineElement(first + k, text)));
        next = first + lines.length;
      }
      if (!source.complete) code.append(h('div', { class: 'gapline' }, '\u22ef the rest of the file is not embedded (too large for the page)'));
    } else {
      parts.push(h('p', { class: 'srcnote' }, 'The source text is not embedded in this report; the findings are listed by line.'));
      const lines = Array.from(byLine.keys()).sort((a, b) => a - b);
      for (const no of lines) code.append(...lineElement(no, ''));
    }
    parts.push(code);
    sourceBody.replaceChildren(...parts);
    if (scroll) {
      if (target) target.scrollIntoView({ block: 'center' });
      sourceSection.scrollIntoView({ block: 'start' });
      if (target) code.scrollTop = Math.max(0, target.offsetTop - code.clientHeight / 2);
    }
  }

  function route() {
    const match = /^#src:(\d+):(.*)$/.exec(location.hash);
    if (!match) return;
    let path;
    try { path = decodeURIComponent(match[2]); } catch (e) { return; }
    const fileIndex = fileByPath.get(path);
    if (fileIndex === undefined) return;
    renderSource(fileIndex, Number(match[1]), true);
  }
  window.addEventListener('hashchange', route);

  // ---- coverage popover ---------------------------------------------------------------------

  const popover = document.getElementById('popover');
  function showCoverage(anchor) {
    const [s, p] = anchor.dataset.cov.split(':').map(Number);
    const sym = D.symbols[s];
    const c = sym && sym.cov ? sym.cov[p] : null;
    if (!sym || !D.platforms[p]) return;
    const rows = [['platform', D.platforms[p].name + ' (' + D.platforms[p].id + ')'], ['status', c ? c.status : 'unknown']];
    if (c) {
      if (c.target) rows.push(['equivalent', c.target]);
      if (c.note) rows.push(['note', c.note]);
      if (c.confidence) rows.push(['confidence', c.confidence]);
      if (c.source) rows.push(['source', c.source]);
      if (c.layer) rows.push(['decided by', c.layer]);
    } else {
      rows.push(['note', 'no opdb entry: no public source says anything']);
    }
    popover.replaceChildren(h('strong', null, sym.name), h('dl', null, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])));
    popover.hidden = false;
    const box = anchor.getBoundingClientRect();
    const left = Math.min(box.left, window.innerWidth - popover.offsetWidth - 8);
    const below = box.bottom + 4 + popover.offsetHeight < window.innerHeight;
    popover.style.left = Math.max(8, left) + 'px';
    popover.style.top = (below ? box.bottom + 4 : Math.max(8, box.top - popover.offsetHeight - 4)) + 'px';
  }
  document.addEventListener('click', (event) => {
    const anchor = event.target.closest('[data-cov]');
    if (anchor) { showCoverage(anchor); return; }
    if (!popover.contains(event.target)) popover.hidden = true;
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') popover.hidden = true;
    if (event.key === 'Enter' && event.target.dataset && event.target.dataset.cov) showCoverage(event.target);
  });

  // ---- start --------------------------------------------------------------------------------

  buildFilters();
  applyFilters();
  route();
  // For the browser tests: when the page became usable, and how much of that was this script.
  document.body.dataset.scriptMs = String(Math.round(performance.now() - scriptStarted));
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = '1';
})();
