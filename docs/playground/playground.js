// The playground page. Two modes: one cell (a target and an actual, judged as they are
// typed) and a whole table (pasted from Excel or WPS, or a CSV/TSV/.xlsx file chosen or
// dropped), judged row by row with the total score and grade. Everything happens in the
// page: no request leaves it. The verdict comes first, in words of the chosen language
// (describeVerdict, the same words as the report and the workbook); the JSON is behind
// the developers' switch. A classic script (no modules), so that the page works when
// opened from disk. Everything typed or read is written with textContent, never as HTML.
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var lib = window.IndicatorExpr;
  if (!lib) {
    $('missing-build').hidden = false;
    $('cell-mode').hidden = true;
    $('modes').hidden = true;
    return;
  }

  /** The page's own words; the verdict words come from the library (describeVerdict, REPORT_WORDS). */
  var UI = {
    zh: {
      title: 'indicator-expr 演练场',
      modeCell: '单个指标', modeTable: '整张表', language: '语言',
      lead: '输入绩效目标表中的一个指标值和实际完成值，或粘贴一整张自评表，立即看到结论与得分。全部在本页中计算，不上传任何内容。',
      target: '指标值', actual: '实际完成值', indicator: '三级指标名称', baseline: '基期值', weight: '分值', year: '参考年份',
      phTarget: '例如 ≥50亿元', phActual: '例如 52.3亿元', phIndicator: '例如 住房公积金贷款办理时限',
      phBaseline: '例如 95%（“提高”等才需要）', phWeight: '不填按 10 分', phYear: '例如 2022',
      examples: '示例：', hintTarget: '输入指标值，或点一个示例。', hintActual: '输入实际完成值即可看到结论。',
      cannotParse: '无法读取这个指标值', readAs: '解析为', deviation: '需填写偏差说明（超出目标 30% 以上）',
      where: '从第 {from} 个字符起，共 {length} 个字符', whereEnd: '在第 {from} 个字符处（文字在此意外结束）',
      scoreOf: '得分 {score} / {weight}', noScore: '不计分', dev: '开发者：JSON 与内部字段',
      pasteLabel: '粘贴从 Excel 或 WPS 复制的表格（连同表头行）',
      phTable: '三级指标\t指标值\t实际完成值\t分值\n贷款发放额\t≥50亿元\t52.3亿元\t10\n…',
      dropLabel: '或把 CSV、TSV、.xlsx 文件拖到这里，或', exampleTable: '填入示例表',
      local: '文件只在本页中读取，不会上传到任何地方。',
      totalLabel: '总分', gradeLabel: '等级', outOf: ' / {weight}', noWeight: '（表中没有分值列）',
      counts: '共 {rows} 行：达成 {pass}，部分达成 {partial}，未达成 {fail}，无法判断 {unknown}，错误 {errors}',
    },
    en: {
      title: 'indicator-expr playground',
      modeCell: 'One indicator', modeTable: 'A whole table', language: 'Language',
      lead: 'Type a target cell of a budget performance table and the actual value, or paste a whole self-evaluation table, and see the verdict and the score at once. Everything is computed in this page; nothing is uploaded.',
      target: 'Target', actual: 'Actual value', indicator: 'Indicator name', baseline: 'Baseline', weight: 'Weight', year: 'Reference year',
      phTarget: 'e.g. ≥50亿元', phActual: 'e.g. 52.3亿元', phIndicator: 'e.g. 住房公积金贷款办理时限',
      phBaseline: 'e.g. 95% (for 提高 and such)', phWeight: 'empty: 10 points', phYear: 'e.g. 2022',
      examples: 'Examples:', hintTarget: 'Type a target, or pick an example.', hintActual: 'Type the actual value to see the verdict.',
      cannotParse: 'This target cannot be read', readAs: 'Read as', deviation: 'Needs a deviation note (30% or more beyond the target)',
      where: 'characters {from} to {to}', whereEnd: 'at character {from} (the text ends too early)',
      scoreOf: 'score {score} / {weight}', noScore: 'not scored', dev: 'For developers: JSON and raw fields',
      pasteLabel: 'Paste a table copied from Excel or WPS (with its header row)',
      phTable: '三级指标\t指标值\t实际完成值\t分值\n贷款发放额\t≥50亿元\t52.3亿元\t10\n…',
      dropLabel: 'or drop a CSV, TSV or .xlsx file here, or', exampleTable: 'Fill in an example table',
      local: 'The file is read in this page only and uploaded nowhere.',
      totalLabel: 'Total', gradeLabel: 'Grade', outOf: ' / {weight}', noWeight: '(the table has no weight column)',
      counts: '{rows} rows: {pass} achieved, {partial} partly, {fail} not achieved, {unknown} cannot judge, {errors} errors',
    },
  };

  var FIELDS = ['target', 'actual', 'baseline', 'indicator', 'weight', 'year', 'locale'];

  /** Cells of the seed table (yancheng-2022) and a few forms and errors; actual values are made up. */
  var EXAMPLES = [
    { target: '≥50亿元', actual: '47.7亿元' },
    { target: '≥95%', actual: '94.5%' },
    { target: '90%左右', actual: '85%' },
    { target: '3个工作日', actual: '4个工作日', indicator: '住房公积金贷款办理时限' },
    { target: '=0次', actual: '0次', indicator: '服务场所事故率' },
    { target: '健全', actual: '基本健全' },
    { target: '提高', actual: '96%', baseline: '95%', indicator: '缴存职工满意度' },
    { target: '2022年12月底前', actual: '2022-11-30' },
    { target: '2024年全年', actual: '2024年12月' },
    { target: '受益户数≥200户,受益脱贫户数≥15户', actual: '受益户数220户,受益脱贫户数12户' },
    { target: '≥亿元', actual: '' },
    { target: '不超过30万一年', actual: '28.5万一年', indicator: '保洁服务成本' },
    { target: '=5.00(万人次)', actual: '6人次' },
    { target: '实地走访约48次', actual: '45次' },
    { target: '100%达标', actual: '≥98%' },
  ];

  /** A small self-evaluation table, tab-separated as Excel copies it (actual values made up). */
  var EXAMPLE_TABLE = [
    ['一级指标', '二级指标', '三级指标', '全年指标值', '实际完成值', '分值'],
    ['产出', '数量指标', '个人住房贷款发放额', '≥50亿元', '47.7亿元', '20'],
    ['', '', '住房公积金归集额', '≥95亿元', '101.2亿元', '15'],
    ['', '质量指标', '个贷率', '85%-90%', '88%', '15'],
    ['', '时效指标', '住房公积金贷款办理时限', '3个工作日', '4个工作日', '10'],
    ['效益', '社会效益', '政策宣传', '广泛', '广泛', '10'],
    ['', '', '制度建设', '健全', '基本健全', '10'],
    ['满意度', '服务对象满意度', '缴存职工满意度', '≥90%', '96%', '20'],
  ].map(function (r) { return r.join('\t'); }).join('\n') + '\n';

  var locale = function () { return $('locale').value === 'en' ? 'en' : 'zh'; };
  var words = function () { return UI[locale()]; };
  function text(id, value) { $(id).textContent = value; }
  function fillIn(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m; });
  }

  /** The page's fixed words in the chosen language (data-t: text, data-ph: placeholder). */
  function translate() {
    var w = words();
    document.documentElement.lang = locale() === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-t]').forEach(function (el) { el.textContent = w[el.getAttribute('data-t')]; });
    document.querySelectorAll('[data-ph]').forEach(function (el) { el.placeholder = w[el.getAttribute('data-ph')]; });
  }

  function options() {
    var o = { locale: locale() };
    var year = $('year').value.trim();
    if (/^\d{4}$/.test(year)) o.year = Number(year);
    return o;
  }

  /** The input with the span [offset, offset + length) in a <mark>; an empty span is a caret. */
  function showSpan(pre, input, offset, length) {
    pre.textContent = '';
    var mark = document.createElement('mark');
    if (length === 0) mark.className = 'empty';
    mark.textContent = input.slice(offset, offset + length);
    pre.append(input.slice(0, offset), mark, input.slice(offset + length));
  }

  function showError(e, input) {
    var w = words();
    $('error').hidden = false;
    text('error-code', e.code);
    var shown = input.length > 300 ? input.slice(0, 300) : input;
    if (e.offset + e.length <= shown.length) showSpan($('error-text'), shown, e.offset, e.length);
    else $('error-text').textContent = shown + (input.length > shown.length ? '…' : '');
    text('error-message', e.messages ? e.messages[locale()] : e.message);
    text('error-where', e.length === 0
      ? fillIn(w.whereEnd, { from: e.offset + 1 })
      : fillIn(w.where, { from: e.offset + 1, to: e.offset + e.length, length: e.length }));
  }

  function stateClass(status) { return 'word ' + (status === 'error' ? 'error-state' : status); }

  function figures(d) {
    return [d.margin, d.completion].filter(function (x) { return x !== null; }).join(' · ');
  }

  function judge(target) {
    var w = words();
    var actualText = $('actual').value;
    var baseline = $('baseline').value.trim();
    if (actualText.trim() === '') {
      $('verdict').hidden = true;
      $('actual-hint').hidden = false;
      $('verdict-json').textContent = '';
      ['dev-status', 'dev-op', 'dev-margin', 'dev-reason', 'dev-rule'].forEach(function (id) { text(id, '—'); });
      return;
    }
    $('actual-hint').hidden = true;
    var actual = baseline === '' ? actualText : { value: actualText, baseline: baseline };
    var o = options();
    var indicator = $('indicator').value.trim();
    if (indicator !== '') o.indicator = indicator;
    var verdict = lib.evaluate(target, actual, o);
    var d = lib.describeVerdict(verdict, locale());
    var word = $('verdict-word');
    word.textContent = d.verdict;
    word.className = stateClass(d.status) + ' big';
    text('verdict-reason', d.reason);
    $('verdict-reason').hidden = d.reason === '';
    text('verdict-figures', figures(d));
    $('verdict-figures').hidden = figures(d) === '';
    text('verdict-op', d.op || '');
    $('verdict-op').hidden = d.op === null;
    var parts = $('verdict-parts');
    parts.textContent = '';
    parts.hidden = d.parts === null;
    (d.parts || []).forEach(function (p, i) {
      var li = document.createElement('li');
      var badge = document.createElement('span');
      badge.className = stateClass(p.status);
      badge.style.fontSize = '.8rem';
      badge.textContent = p.verdict;
      var label = verdict.parts[i].target.label || lib.format(verdict.parts[i].target);
      li.append(label + ' ', badge, ' ' + [p.reason, figures(p)].filter(Boolean).join(' · '));
      parts.append(li);
    });
    text('dev-status', verdict.status);
    text('dev-op', verdict.op === null ? '—' : verdict.op + ' / ' + verdict.opSource);
    text('dev-margin', verdict.margin === null ? '—' : verdict.margin.toFixed());
    text('dev-reason', verdict.reason ? verdict.reason.code : '—');
    var json = { verdict: lib.toJSON(verdict) };
    var weight = $('weight').value.trim() || '10';
    try {
      var points = lib.score(target, actual, weight, o);
      text('score', points.score === null ? w.noScore : fillIn(w.scoreOf, { score: points.score.toFixed(), weight: points.weight.toFixed() }));
      $('deviation').hidden = !points.deviation;
      text('dev-rule', points.rule === null ? '—' : points.rule);
      json.score = lib.toJSON(points);
    } catch (e) {
      // A weight that is not a number: said where the score would be.
      text('score', e.messages ? e.messages[locale()] : String(e));
      $('deviation').hidden = true;
      text('dev-rule', '—');
    }
    $('verdict-json').textContent = JSON.stringify(json, null, 2);
    $('verdict').hidden = false;
  }

  function render() {
    var input = $('target').value;
    $('hint').hidden = input.trim() !== '';
    if (input.trim() === '') {
      $('error').hidden = true;
      $('result').hidden = true;
      text('target-kind', '—');
      text('error-code', '—');
      $('json').textContent = '';
      $('verdict-json').textContent = '';
      saveState();
      return;
    }
    var r = lib.tryParseTarget(input, options());
    $('error').hidden = r.ok;
    $('result').hidden = !r.ok;
    if (!r.ok) {
      showError(r.error, input);
      text('target-kind', '—');
      $('json').textContent = '';
      $('verdict-json').textContent = '';
    } else {
      text('error-code', '—');
      text('target-kind', r.value.kind);
      text('target-format', lib.format(r.value));
      $('json').textContent = JSON.stringify(lib.toJSON(r.value), null, 2);
      judge(r.value);
    }
    saveState();
  }

  // The fields live in the address (#target=…&actual=…), so a case can be shared as a link.
  function saveState() {
    var params = new URLSearchParams();
    FIELDS.forEach(function (f) { if ($(f).value !== '' && !(f === 'locale' && $(f).value === 'zh')) params.set(f, $(f).value); });
    if (!$('table-mode').hidden) params.set('mode', 'table');
    try { history.replaceState(null, '', '#' + params.toString()); } catch (e) { /* some file:// contexts refuse; the page works without it */ }
  }

  function loadState() {
    var params = new URLSearchParams(location.hash.slice(1));
    FIELDS.forEach(function (f) { if (params.has(f)) $(f).value = params.get(f); });
    return params.get('mode') === 'table' ? 'table' : 'cell';
  }

  function fillExample(example) {
    ['target', 'actual', 'baseline', 'indicator'].forEach(function (f) { $(f).value = example[f] || ''; });
    render();
  }

  // ---- the table mode --------------------------------------------------------------

  /** What is on show in the table mode: the text or bytes last given, to judge again on a change of language. */
  var tableSource = null;
  /** Each check gets a number; a slower, older check that finishes late is not shown. */
  var checks = 0;

  function showTableError(message) {
    $('table-result').hidden = true;
    $('table-error').hidden = message === null;
    text('table-error', message || '');
  }

  function cell(tr, value, className) {
    var td = document.createElement('td');
    if (className) td.className = className;
    if (value instanceof Node) td.append(value); else td.textContent = value;
    tr.append(td);
  }

  function showTable(result) {
    var loc = locale();
    var rw = lib.REPORT_WORDS[loc];
    var w = words();
    var s = result.summary;
    text('table-total', s.score === null ? '—' : s.score + fillIn(w.outOf, { weight: s.weight }));
    text('table-grade', s.grade === null ? (s.hasWeight ? '—' : w.noWeight) : rw.grades[s.grade]);
    text('table-counts', fillIn(w.counts, { rows: s.rows, pass: s.status.pass, partial: s.status.partial, fail: s.status.fail, unknown: s.status.unknown, errors: s.errors }));
    var head = $('table-head');
    head.textContent = '';
    [rw.line, rw.indicator, rw.targetHead, rw.actual, rw.added.verdict, rw.added.score, rw.reason].forEach(function (h) {
      var th = document.createElement('th');
      th.textContent = h;
      head.append(th);
    });
    var body = $('table-rows');
    body.textContent = '';
    result.rows.forEach(function (row) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-line', String(row.line));
      var rec = row.record;
      var d = row.verdict ? lib.describeVerdict(row.verdict, loc) : null;
      var state = row.error ? 'error' : d ? d.status : null;
      tr.setAttribute('data-state', state || '');
      cell(tr, String(row.line), 'num');
      cell(tr, row.indicator || '');
      cell(tr, rec ? rec.target : '');
      cell(tr, rec && rec.actual !== null ? rec.actual : '');
      var badge = document.createElement('span');
      if (state) { badge.className = stateClass(state); badge.textContent = rw.state[state]; }
      cell(tr, badge, 'state');
      cell(tr, row.score && row.score.score !== null ? row.score.score.toFixed() + ' / ' + row.score.weight.toFixed() : (rec && rec.weight ? '— / ' + rec.weight : ''), 'num');
      var why = row.error ? row.error.messages[loc] : d ? [d.reason, figures(d)].filter(Boolean).join(' · ') : '';
      if (row.score && row.score.deviation) why = (why ? why + ' · ' : '') + w.deviation;
      cell(tr, why);
      body.append(tr);
    });
    $('table-error').hidden = true;
    $('table-result').hidden = false;
  }

  function checkTable() {
    var n = ++checks;
    if (tableSource === null || (typeof tableSource === 'string' && tableSource.trim() === '')) {
      showTableError(null);
      $('table-result').hidden = true;
      return Promise.resolve();
    }
    var o = options();
    var run = typeof tableSource === 'string' ? lib.checkText(tableSource, o) : lib.checkBytes(tableSource, o);
    return run.then(function (result) {
      if (n === checks) showTable(result);
    }, function (e) {
      if (n !== checks) return;
      showTableError(lib.tableErrorMessage(e, locale()) || (e && e.messages ? e.messages[locale()] : String(e)));
    });
  }

  function readFile(file) {
    if (!file) return;
    file.arrayBuffer().then(function (buf) {
      tableSource = new Uint8Array(buf);
      $('table-text').value = '';
      checkTable();
    });
  }

  function setMode(mode) {
    $('cell-mode').hidden = mode !== 'cell';
    $('table-mode').hidden = mode !== 'table';
    $('mode-cell').setAttribute('aria-pressed', String(mode === 'cell'));
    $('mode-table').setAttribute('aria-pressed', String(mode === 'table'));
    saveState();
  }

  // ---- wiring -----------------------------------------------------------------------

  EXAMPLES.forEach(function (example) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = example.target + (example.actual ? ' · ' + example.actual : '');
    b.addEventListener('click', function () { fillExample(example); });
    $('examples').append(b);
  });

  var mode = loadState();
  translate();
  ['target', 'actual', 'baseline', 'indicator', 'weight', 'year'].forEach(function (f) {
    $(f).addEventListener('input', function () { render(); if (f === 'year') checkTable(); });
  });
  $('locale').addEventListener('change', function () { translate(); render(); checkTable(); });
  $('mode-cell').addEventListener('click', function () { setMode('cell'); });
  $('mode-table').addEventListener('click', function () { setMode('table'); });
  $('table-text').addEventListener('input', function () { tableSource = $('table-text').value; checkTable(); });
  $('table-example').addEventListener('click', function () {
    $('table-text').value = EXAMPLE_TABLE;
    tableSource = EXAMPLE_TABLE;
    checkTable();
  });
  $('table-file').addEventListener('change', function () { readFile($('table-file').files[0]); });
  // A file dropped beside the drop zone would make the browser open it in place of the page.
  ['dragover', 'drop'].forEach(function (t) { document.addEventListener(t, function (e) { e.preventDefault(); }); });
  var drop = $('drop');
  drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    drop.classList.remove('over');
    readFile(e.dataTransfer && e.dataTransfer.files[0]);
  });
  // A link opened in the same tab changes only the address's hash: read the case again.
  window.addEventListener('hashchange', function () { setMode(loadState()); translate(); render(); });
  setMode(mode);
  render();
}());
