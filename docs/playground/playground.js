// The playground page: parse the target cell as it is typed, show the parsed target, its
// JSON and any error with the offending span marked; when the library has evaluate and
// score, judge the actual value too. A classic script (no modules), so that the page
// works when opened from disk. Everything typed is written with textContent, never HTML.
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var lib = window.IndicatorExpr;
  if (!lib) {
    $('missing-build').hidden = false;
    $('form').hidden = true;
    return;
  }
  // The verdict part appears only when the build has evaluate() and score().
  var canEvaluate = typeof lib.evaluate === 'function' && typeof lib.score === 'function';

  var FIELDS = ['target', 'actual', 'baseline', 'indicator', 'weight', 'year', 'locale'];

  /** Cells of the seed table (yancheng-2022) and a few forms and errors; actual values are made up. */
  var EXAMPLES = [
    { target: '≥50亿元', actual: '52.3亿元' },
    { target: '90%左右', actual: '85%' },
    { target: '3个工作日', actual: '4个工作日', indicator: '住房公积金贷款办理时限' },
    { target: '=100%', actual: '98%' },
    { target: '=0次', actual: '0次', indicator: '服务场所事故率' },
    { target: '健全', actual: '基本健全' },
    { target: '提高', actual: '96%', baseline: '95%', indicator: '缴存职工满意度' },
    { target: '<p>≤1‰</p>', actual: '0.8‰' },
    { target: '2022年12月底前', actual: '2022-11-30' },
    { target: '受益户数≥200户,受益脱贫户数≥15户', actual: '受益户数220户,受益脱贫户数12户' },
    { target: '=207项', actual: '207个' },
    { target: '≥亿元', actual: '' },
    { target: '90%-85%', actual: '' },
  ];

  function text(id, value) { $(id).textContent = value; }

  function options(locale) {
    var o = { locale: locale };
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

  function showError(e, input, locale) {
    $('error').hidden = false;
    text('error-code', e.code);
    var shown = input.length > 300 ? input.slice(0, 300) : input;
    if (e.offset + e.length <= shown.length) showSpan($('error-text'), shown, e.offset, e.length);
    else $('error-text').textContent = shown + (input.length > shown.length ? '…' : '');
    text('error-message', e.messages ? e.messages[locale] : e.message);
    text('error-where', 'offset ' + e.offset + ', length ' + e.length);
  }

  function judge(target, locale) {
    var actualText = $('actual').value;
    var baseline = $('baseline').value.trim();
    if (!canEvaluate || actualText.trim() === '') {
      $('verdict').hidden = true;
      $('verdict-hint').hidden = !canEvaluate;
      return;
    }
    $('verdict-hint').hidden = true;
    var actual = baseline === '' ? actualText : { value: actualText, baseline: baseline };
    var o = options(locale);
    var indicator = $('indicator').value.trim();
    if (indicator !== '') o.indicator = indicator;
    var verdict = lib.evaluate(target, actual, o);
    var status = $('verdict-status');
    status.textContent = verdict.status;
    status.className = 'status ' + verdict.status;
    text('verdict-reason', verdict.reason ? verdict.reason.code + ': ' + verdict.reason.messages[locale] : '—');
    text('verdict-op', verdict.op === null ? '—' : verdict.op + ' (' + verdict.opSource + ')');
    text('verdict-margin', verdict.margin === null ? '—' : verdict.margin.toFixed());
    text('verdict-completion', verdict.completion === null ? '—' : verdict.completion.toFixed());
    var json = { verdict: lib.toJSON(verdict) };
    try {
      var points = lib.score(target, actual, $('weight').value.trim() || '10', o);
      text('score', points.score === null ? 'null' : points.score.toFixed() + ' / ' + points.weight.toFixed());
      text('score-rule', points.rule === null ? '—' : points.rule);
      text('score-deviation', points.deviation ? 'true: 需作偏差说明 / needs a deviation note' : 'false');
      json.score = lib.toJSON(points);
    } catch (e) {
      text('score', e.code ? e.code + ': ' + e.messages[locale] : String(e));
      text('score-rule', '—');
      text('score-deviation', '—');
    }
    $('verdict-json').textContent = JSON.stringify(json, null, 2);
    $('verdict').hidden = false;
  }

  function render() {
    var locale = $('locale').value === 'en' ? 'en' : 'zh';
    var input = $('target').value;
    var r = lib.tryParseTarget(input, options(locale));
    $('error').hidden = r.ok;
    $('parsed').hidden = !r.ok;
    if (!r.ok) {
      showError(r.error, input, locale);
      $('verdict').hidden = true;
      $('verdict-hint').hidden = true;
    } else {
      text('target-kind', r.value.kind);
      text('target-format', lib.format(r.value));
      $('json').textContent = JSON.stringify(lib.toJSON(r.value), null, 2);
      judge(r.value, locale);
    }
    saveState();
  }

  // The fields live in the address (#target=…&actual=…), so a case can be shared as a link.
  function saveState() {
    var params = new URLSearchParams();
    FIELDS.forEach(function (f) { if ($(f).value !== '') params.set(f, $(f).value); });
    try { history.replaceState(null, '', '#' + params.toString()); } catch (e) { /* some file:// contexts refuse; the page works without it */ }
  }

  function loadState() {
    var params = new URLSearchParams(location.hash.slice(1));
    FIELDS.forEach(function (f) { if (params.has(f)) $(f).value = params.get(f); });
  }

  function fill(example) {
    FIELDS.forEach(function (f) {
      if (f === 'locale' || f === 'weight' || f === 'year') return;
      $(f).value = example[f] || '';
    });
    render();
  }

  EXAMPLES.forEach(function (example) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = example.target + (example.actual ? ' · ' + example.actual : '');
    b.addEventListener('click', function () { fill(example); });
    $('examples').append(b);
  });

  loadState();
  FIELDS.forEach(function (f) { $(f).addEventListener('input', render); });
  $('locale').addEventListener('change', render);
  render();
}());
