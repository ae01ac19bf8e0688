// The self-evaluation table the table benchmarks generate: the seed table's kinds of
// targets, each with an actual that passes, fails or is partial; the numbers vary with
// the row so that the parse cache does not do all the work.
const FORMS = [
  (i) => [`≥${50 + (i % 50)}亿元`, `${52 + (i % 7)}.${i % 10}亿元`],
  (i) => [`=${i % 2 ? 100 : 95}%`, `${90 + (i % 11)}%`],
  (i) => [`≤${1 + (i % 5)}‰`, `${(i % 9) / 2}‰`],
  (i) => [`${80 + (i % 15)}%左右`, `${82 + (i % 9)}%`],
  () => ['健全', '健全'],
  () => ['提高', '基本达到'],
  (i) => [`≤${1 + (i % 5)}个工作日`, `${i % 7}个工作日`],
  (i) => [`2022年${1 + (i % 12)}月底前`, `2022-${String(1 + ((i + 3) % 12)).padStart(2, '0')}-15`],
  (i) => [`85%-${90 + (i % 10)}%`, `${86 + (i % 8)}%`],
  (i) => [`≥${i % 300}户`, `${(i * 7) % 320}户`],
];

export const TABLE_HEADER = '一级指标,二级指标,三级指标,全年指标值,实际完成值,分值';

/** Data row i, CSV, without its line ending; a level name every 40 rows, blank (merged) between. */
export function tableRow(i) {
  const [target, actual] = FORMS[i % FORMS.length](i);
  return `${i % 40 === 0 ? `产出${i / 40}` : ''},数量指标,指标${i},${target},${actual},${(i % 4) + 1}`;
}
