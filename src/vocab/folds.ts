/**
 * Character folds applied after NFKC, one character to one character so that offsets
 * into the original text survive. Symbol look-alikes first, then traditional characters
 * seen in tables published in traditional script (and mirrors of them).
 */
export const SYMBOL_FOLDS: ReadonlyMap<string, string> = new Map([
  ['≧', '≥'], ['⩾', '≥'], ['≽', '≥'], ['≦', '≤'], ['⩽', '≤'], ['≼', '≤'],
  ['〜', '~'], ['∼', '~'], ['～', '~'], ['≒', '≈'], ['≃', '≈'],
  ['－', '-'], ['−', '-'], ['‐', '-'], ['‑', '-'], ['﹣', '-'],
  ['―', '—'], ['─', '—'], ['━', '—'],
  ['【', '['], ['】', ']'], ['〔', '('], ['〕', ')'], ['﹙', '('], ['﹚', ')'],
  ['℅', '%'], ['٪', '%'], ['﹪', '%'],
  ['·', '·'], ['•', '·'], ['・', '·'], ['∙', '·'], ['⋅', '·'],
  ['×', '*'], ['＊', '*'],
  ['﹐', ','], ['、', '、'], ['﹔', ';'], ['∶', ':'],
]);

const TRADITIONAL_PAIRS =
  '萬万億亿個个項项噸吨畝亩裡里於于圓圆兩两貳贰參叁陸陆點点時时間间週周內内額额戶户場场輛辆臺台張张條条門门棟栋' +
  '節节課课學学際际達达確确爭争則则標标準准約约範范規规較较長长減减縮缩壓压輕轻優优維维過过為为與与並并數数實实現现' +
  '無无顯显進进穩稳續续擴扩強强發发設设開开費费總总預预蓋盖滿满產产業业處处號号鐘钟歷历劃划計计對对區区證证辦办環环' +
  '餘余覽览違违規规錯错誤误務务報报勵励訴诉事事故故損损災灾費费據据當当屆届冊册噸吨顆颗瓶瓶盞盏艘艘隊队組组' +
  '鍵键層层離离準准確确於于後后佔占達达億亿兆兆歲岁幾几雙双對对閱阅讀读網网絡络線线產产購购買买賣卖價价錢钱項项' +
  '構构機机關关係系統统資资金金額额補补貼贴獎奖懲惩醫医療疗護护衛卫農农業业園园區区鄉乡鎮镇縣县級级審审計计監监' +
  '級级積积極极準准時时間间週周歷历紀纪錄录議议會会議议訓训練练測测驗验檢检驗验車车輛辆貨货運运輸输濟济營营養养' +
  '態态環环氣气熱热電电燈灯煤煤噸吨瓦瓦廳厅館馆場场療疗癒愈' ;

/** Traditional → simplified, one character each. */
export const TRADITIONAL_FOLDS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = Array.from(TRADITIONAL_PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const t = chars[i]!, s = chars[i + 1]!;
    if (t !== s) m.set(t, s);
  }
  return m;
})();

/** Quotes that may wrap a whole cell. */
export const WRAPPING_QUOTES: ReadonlyMap<string, string> = new Map([
  ['"', '"'], ["'", "'"], ['“', '”'], ['‘', '’'], ['「', '」'], ['『', '』'], ['《', '》'],
]);

/** Punctuation that may end a cell and means nothing. */
export const TRAILING_PUNCTUATION = new Set(['。', '；', ';', '，', ',', '.', '、', '!', '！']);

/** HTML tags that separate targets like a comma (`<br>`, `</p><p>`). */
export const BLOCK_TAGS = new Set(['br', 'p', 'div', 'li', 'tr', 'td', 'th', 'ul', 'ol', 'table', 'hr']);

/** Named HTML entities seen in exported tables. */
export const HTML_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['ge', '≥'], ['le', '≤'], ['gt', '>'], ['lt', '<'], ['amp', '&'], ['nbsp', ' '], ['quot', '"'],
  ['apos', "'"], ['ne', '≠'], ['asymp', '≈'], ['plusmn', '±'], ['permil', '‰'], ['times', '×'],
  ['middot', '·'], ['mdash', '—'], ['ndash', '–'], ['hellip', '…'], ['ldquo', '“'], ['rdquo', '”'],
  ['lsquo', '‘'], ['rsquo', '’'], ['emsp', ' '], ['ensp', ' '], ['thinsp', ' '], ['sup2', '²'], ['sup3', '³'],
]);
