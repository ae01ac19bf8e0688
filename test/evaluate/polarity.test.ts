import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { POLARITY_KEYWORDS } from '../../src/vocab/polarity.js';
import { POLARITY_EXAMPLES } from '../../src/vocab/polarity-examples.js';

/** The op an implicit target gets from an indicator name, and who decided it. */
function implied(indicator: string): { op: string | null; source: string | null } {
  const v = evaluate('1', '1', { indicator });
  return { op: v.op, source: v.opSource };
}

const OP = { positive: '>=', negative: '<=' } as const;

describe('the polarity keyword table', () => {
  it('has each word once', () => {
    const words = POLARITY_KEYWORDS.map((k) => k.word);
    expect(new Set(words).size).toBe(words.length);
  });

  it('has one example name for each word, in the same order, and none other', () => {
    expect([...POLARITY_EXAMPLES.keys()]).toEqual(POLARITY_KEYWORDS.map((k) => k.word));
  });

  it.each(POLARITY_KEYWORDS.map((k) => [k.word, k.polarity, POLARITY_EXAMPLES.get(k.word) ?? ''] as const))('%s is %s (as in %s)', (word, polarity, example) => {
    expect(implied(word)).toEqual({ op: OP[polarity], source: 'indicator' });
    expect(example).toContain(word);
    expect(implied(example)).toEqual({ op: OP[polarity], source: 'indicator' });
  });
});

describe('reading indicator names', () => {
  it.each([
    // Lower is better, from test/fixtures/corpus/yancheng-2022.tsv.
    ['贷款逾期率', '<='], ['服务场所事故率', '<='], ['预算调整率', '<='], ['结转结余率', '<='], ['“三公经费”变动率', '<='],
    ['公用经费控制率', '<='], ['在职人员控制率', '<='], ['住房公积金贷款办理时限', '<='], ['计提管理费用', '<='],
    // Higher is better.
    ['信访投诉处理率', '>='], ['非税收入预算完成率', '>='], ['12345平台工单办结率', '>='], ['在线回复满意率', '>='],
    ['缴存职工满意度', '>='], ['住房公积金制度知晓率', '>='], ['线上办事大厅全年正常办理时间', '>='],
    ['职工通过公积金贷款节约利息支出', '>='], ['支付进度符合率', '>='], ['绩效管理覆盖率', '>='], ['数字签名、身份认证准确率', '>='],
  ])('%s reads %s', (name, op) => {
    expect(implied(name)).toEqual({ op, source: 'indicator' });
  });

  it.each(['个贷率', '发放住房公积金贷款', '增值收益', '住房公积金提取业务办理时间', '一张网业务事项', '手机办理业务实现不见面率'])(
    '%s has no keyword: the default decides', (name) => {
      expect(implied(name)).toEqual({ op: '>=', source: 'default' });
    },
  );

  it('费 and 支出 count only where they end the name: costs and spending', () => {
    for (const name of ['市民中心运行维护费', '宣传资料印刷费', '物业管理费', '公共服务平台运营支出', '机关日常办公支出']) {
      expect(implied(name), name).toEqual({ op: '<=', source: 'indicator' });
    }
    for (const name of ['支出进度', '预算支出执行进度', '费率调整公示']) {
      expect(implied(name).op, name).not.toBe('<=');
    }
    // A positive word in the name still wins over the ending.
    expect(implied('节约办公费').op).toBe('>=');
  });

  it('a unit or remark in brackets after a name does not hide how it ends', () => {
    for (const name of ['宣传资料印刷费（万元）', '宣传资料印刷费(万元)', '机关日常办公支出（元/年）', '干部教育培训经费【成本指标】']) {
      expect(implied(name), name).toEqual({ op: '<=', source: 'indicator' });
    }
    expect(implied('（费）').source).toBe('default');
  });

  it('every example of issue 19 (item 3) and of contract.md, "Polarity keywords"', () => {
    const lower = [
      '市民中心运行维护费', '印刷费', '办公所需成本', '干部教育培训经费', '公用经费', '计提管理费用', '机关日常办公支出',
      '科目调整次数', '不合格装备的比例', '预算控制数', '住房公积金贷款办理时限', '贷款逾期率',
    ];
    const higher = ['药品不良反应每百万人口报告数', '信访投诉处理率', '处理率', '办结率', '完成率', '整改率', '覆盖率', '知晓率', '满意度'];
    for (const name of lower) expect(implied(name), name).toEqual({ op: '<=', source: 'indicator' });
    for (const name of higher) expect(implied(name), name).toEqual({ op: '>=', source: 'indicator' });
    // = is reached in the indicator's better direction: met by 2 days and 0.3‰, not by 4 days.
    expect(evaluate('=3个工作日', '2个工作日', { indicator: '住房公积金贷款办理时限' })).toMatchObject({ status: 'pass', op: '<=', opSource: 'equals-reached' });
    expect(evaluate('=3个工作日', '4个工作日', { indicator: '住房公积金贷款办理时限' }).status).toBe('fail');
    expect(evaluate('=0.5‰', '0.3‰', { indicator: '贷款逾期率' }).status).toBe('pass');
  });

  it('counts of corrective changes and defects are lower-is-better; surveillance reports higher', () => {
    expect(implied('科目调整次数').op).toBe('<=');
    expect(implied('不合格装备的比例').op).toBe('<=');
    expect(implied('项目预算控制数').op).toBe('<=');
    expect(implied('药品不良反应每百万人口报告数').op).toBe('>=');
    expect(implied('医疗器械不良事件报告率').op).toBe('>=');
    expect(implied('药品不良反应发生率').op).toBe('<=');
  });

  it('positive rate names win over negative words inside the name', () => {
    expect(implied('信访投诉处理率').op).toBe('>=');
    expect(implied('安全事故隐患整改率').op).toBe('>=');
    expect(implied('逾期贷款回收率').op).toBe('>=');
    expect(implied('不良贷款处置率').op).toBe('>=');
    expect(implied('成本节约率').op).toBe('>=');
    expect(implied('能耗降低率').op).toBe('>=');
    expect(implied('费用报销及时率').op).toBe('>=');
    expect(implied('违法违规行为查处率').op).toBe('>=');
  });

  it('the longest word wins where words overlap', () => {
    expect(implied('抽检不合格率').op).toBe('<=');
    expect(implied('任务未完成率').op).toBe('<=');
    expect(implied('志愿服务时长').op).toBe('>=');
    expect(implied('群众平均等待时长').op).toBe('<=');
    expect(implied('污水达标排放率').op).toBe('>=');
    expect(implied('主要污染物排放量').op).toBe('<=');
  });

  it('ambiguous words are left out on purpose', () => {
    // 控制率 alone: blood-pressure control is higher-is-better, budget control lower.
    expect(implied('高血压患者血压控制率').source).toBe('default');
    // 增长率 alone: revenue growth is good, cost growth is not (费用 decides).
    expect(implied('营业收入增长率').source).toBe('default');
    expect(implied('管理费用增长率').op).toBe('<=');
  });

  it('names are cleaned first', () => {
    expect(implied(' 贷款 逾期率 ').op).toBe('<=');
    expect(implied('<p>貸款逾期率</p>').op).toBe('<=');
  });
});
