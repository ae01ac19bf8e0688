// A budget tool's core: judge each indicator of a self-evaluation table, score it, and
// sum up. Rows are from the seed table (yancheng-2022, full-year targets); the actual
// values and weights are made up for the example.
import { Decimal, evaluate, grade, score } from 'indicator-expr';

const rows = [
  { indicator: '发放住房公积金贷款', target: '≥50亿元', actual: '52.3亿元', weight: 10 },
  { indicator: '归集住房公积金', target: '≥100亿元', actual: '96.5亿元', weight: 10 },
  { indicator: '个贷率', target: '90%左右', actual: '88.6%', weight: 10 },
  { indicator: '住房公积金贷款办理时限', target: '3个工作日', actual: '4个工作日', weight: 10 },
  { indicator: '一张网业务事项', target: '=207项', actual: '207项', weight: 10 },
  { indicator: '贷款逾期率', target: '≤1‰', actual: '0.8‰', weight: 10 },
  { indicator: '服务场所事故率', target: '=0次', actual: '0次', weight: 10 },
  { indicator: '工作计划制定健全性', target: '健全', actual: '基本健全', weight: 10 },
  { indicator: '缴存职工满意度', target: '提高', actual: { value: '96.2%', baseline: '95.1%' }, weight: 10 },
  { indicator: '在线服务渠道', target: '=8个', actual: '8项', weight: 10 },
];

// Exact sums: the scores are decimals, and so is the total.
let total = new Decimal(0);
let outOf = new Decimal(0);
for (const row of rows) {
  // The indicator's name tells the polarity of a bare target (时限: lower is better).
  const options = { indicator: row.indicator };
  const verdict = evaluate(row.target, row.actual, options);
  const points = score(row.target, row.actual, row.weight, options);
  outOf = outOf.plus(row.weight);
  // An unknown verdict has no score: it counts as 0 here, and the reason says why.
  if (points.score !== null) total = total.plus(points.score);
  const why = verdict.reason ? `  ${verdict.reason.code}: ${verdict.reason.message}` : '';
  console.log(`${verdict.status.padEnd(7)} ${(points.score?.toFixed() ?? '—').padStart(5)}  ${row.indicator}${why}`);
}
console.log(`total ${total.toFixed()} / ${outOf.toFixed()}, grade ${grade(total, outOf)}`);
