/**
 * Polarity keywords: words of indicator names (三级指标) that say whether a larger value is
 * better (`positive`) or worse (`negative`). Data only. Each word has an example name in
 * polarity-examples.ts (kept apart so that the library entry does not ship them; the
 * `indicator-expr/grammar` vocabulary and the tests join the two).
 *
 * How a name is read (src/evaluate/polarity.ts): every keyword found in the name is a
 * match; a match inside a longer overlapping one is dropped (`不合格率` beats `合格率`,
 * `志愿服务时长` beats `时长`); then a positive match wins over negative ones elsewhere in
 * the name, so that rate names of handling win over the thing handled (`信访投诉处理率`,
 * `逾期贷款回收率`, `能耗降低率` are higher-is-better).
 *
 * Judgement calls, written down:
 * - `控制率` alone is not here: budget rows (`公用经费控制率`, `在职人员控制率`) are
 *   lower-is-better, but `血压控制率` and `病虫害控制率` are higher-is-better. Only the budget
 *   forms are listed.
 * - `时间` alone is not here: `全市住房公积金…办理时间` is a time limit, but
 *   `线上办事大厅全年正常办理时间` is an availability (higher is better).
 * - `时长` is lower-is-better (waiting, handling) except where service is counted
 *   (`志愿服务时长`, `培训时长`): those are listed as positive and win by length.
 * - `增长率` is not positive: `费用增长率` is a cost. Names without keywords fall back to
 *   the contract's default.
 * - `支出` is negative only where it ends the name (`办公支出`): `支出进度` is spending
 *   progress (higher is better). So are `费` and `经费` (`市民中心运行维护费`, `印刷费`,
 *   `培训经费`): a cost, like the cost indicators (成本指标) of the templates. A unit in
 *   brackets after the name (`印刷费（万元）`) does not hide its ending.
 * - Counts of reports a surveillance system should receive are higher-is-better though
 *   they name a harm (`药品不良反应每百万人口报告数`): `报告数`/`报告率` win over `不良`.
 */
export type Polarity = 'positive' | 'negative';

export interface PolarityKeyword {
  readonly word: string;
  readonly polarity: Polarity;
  /** Whether the word counts only where the name ends with it (`…维护费`), not anywhere in it. */
  readonly atEnd: boolean;
}

const neg = (word: string): PolarityKeyword => ({ word, polarity: 'negative', atEnd: false });
const pos = (word: string): PolarityKeyword => ({ word, polarity: 'positive', atEnd: false });
/** A name that ends with the word: names of costs and spending end in 费 or 支出 more often than they contain 费用 or 成本. */
const negAtEnd = (word: string): PolarityKeyword => ({ word, polarity: 'negative', atEnd: true });

export const POLARITY_KEYWORDS: readonly PolarityKeyword[] = [
  // ---- lower is better ---------------------------------------------------------------
  // Late, overdue, backlog.
  neg('逾期'),
  neg('超期'),
  neg('延误'),
  neg('拖欠'),
  neg('积压'),
  neg('超时'),
  // Accidents, harm, disasters.
  neg('事故'),
  neg('隐患'),
  neg('伤亡'),
  neg('死亡'),
  neg('受害'),
  neg('受灾'),
  neg('成灾'),
  neg('损失'),
  neg('发病'),
  neg('感染'),
  neg('火灾'),
  neg('发案'),
  neg('犯罪率'),
  neg('发生数'),
  neg('发生率'),
  // Complaints, errors, defects, rework.
  neg('投诉'),
  neg('差错'),
  neg('错误'),
  neg('失误'),
  neg('误差'),
  neg('误报'),
  neg('漏报'),
  neg('缺陷'),
  neg('故障'),
  neg('不良'),
  neg('次品'),
  neg('返工'),
  neg('返修'),
  neg('退回'),
  neg('驳回'),
  neg('失败率'),
  neg('纠纷'),
  neg('上访'),
  neg('负面'),
  neg('不合格率'),
  neg('不合格'),
  neg('调整次数'),
  neg('不达标率'),
  neg('未完成率'),
  // Rule breaking.
  neg('违规'),
  neg('违纪'),
  neg('违法'),
  neg('违章'),
  neg('处罚'),
  neg('问责'),
  // Costs and use of resources.
  neg('成本'),
  neg('费用'),
  negAtEnd('费'),
  negAtEnd('经费'),
  negAtEnd('支出'),
  neg('预算控制数'),
  neg('三公经费'),
  neg('超支'),
  neg('能耗'),
  neg('耗能'),
  neg('耗电'),
  neg('耗水'),
  neg('排放'),
  neg('超标'),
  neg('污染'),
  neg('浪费'),
  neg('负债率'),
  neg('负担'),
  // Time limits and time taken.
  neg('时限'),
  neg('用时'),
  neg('耗时'),
  neg('时长'),
  neg('等待时间'),
  neg('等候时间'),
  neg('响应时间'),
  neg('到达时间'),
  neg('审批时间'),
  neg('办理周期'),
  // Budget execution: deviation from the budget is what these measure.
  neg('变动率'),
  neg('调整率'),
  neg('结转结余率'),
  neg('结余率'),
  neg('结转率'),
  neg('偏差'),
  neg('偏离度'),
  neg('经费控制率'),
  neg('人员控制率'),
  neg('支出控制率'),
  neg('编制控制率'),
  // Idle, lost, dropped out.
  neg('空置'),
  neg('闲置'),
  neg('流失'),
  neg('辍学'),
  neg('失业率'),
  neg('返贫'),
  neg('撂荒'),

  // ---- higher is better: rate names of handling and reach ---------------------------
  pos('处理率'),
  pos('办结率'),
  pos('完成率'),
  pos('整改率'),
  pos('覆盖率'),
  pos('覆盖面'),
  pos('知晓率'),
  pos('知晓度'),
  pos('满意度'),
  pos('满意率'),
  pos('合格率'),
  pos('达标率'),
  pos('达标排放率'),
  pos('执行率'),
  pos('到位率'),
  pos('及时率'),
  pos('准确率'),
  pos('正确率'),
  pos('合法率'),
  pos('符合率'),
  pos('合规率'),
  pos('利用率'),
  pos('使用率'),
  pos('办理率'),
  pos('实现率'),
  pos('建设率'),
  pos('建成率'),
  pos('普及率'),
  pos('参与率'),
  pos('参保率'),
  pos('入学率'),
  pos('就业率'),
  pos('回收率'),
  pos('挽回率'),
  pos('处置率'),
  pos('化解率'),
  pos('结案率'),
  pos('查处率'),
  pos('破案率'),
  pos('治理率'),
  pos('完好率'),
  pos('成活率'),
  pos('治愈率'),
  pos('救治率'),
  pos('接种率'),
  pos('兑现率'),
  pos('落实率'),
  pos('公开率'),
  pos('回复率'),
  // Written so in traditional script, where 覆 (a simplified character too) cannot fold.
  pos('回覆率'),
  pos('响应率'),
  pos('受理率'),
  pos('解决率'),
  pos('通过率'),
  pos('优良率'),
  pos('出勤率'),
  pos('在线率'),
  pos('收缴率'),
  pos('征收率'),
  pos('归集率'),
  pos('发放率'),
  pos('拨付率'),
  pos('支付率'),
  pos('保障率'),
  pos('有效率'),
  pos('可用率'),
  pos('收益率'),
  pos('节约率'),
  pos('降低率'),
  pos('下降率'),
  pos('减少率'),
  pos('压减率'),
  // What a surveillance system should receive: reporting is what the indicator rewards.
  pos('报告数'),
  pos('报告率'),
  // Reductions and savings: the amount saved is what counts.
  pos('节约'),
  pos('节省'),
  pos('挽回'),
  pos('减排'),
  pos('削减'),
  pos('减少'),
  pos('降低'),
  pos('压减'),
  pos('缩短'),
  // Time served or open, not time taken.
  pos('服务时长'),
  pos('培训时长'),
  pos('学习时长'),
  pos('开放时长'),
  pos('开放时间'),
  pos('服务时间'),
  pos('运行时长'),
  pos('正常办理时间'),
];
