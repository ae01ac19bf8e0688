/**
 * Polarity keywords: words of indicator names (三级指标) that say whether a larger value is
 * better (`positive`) or worse (`negative`). Data only; each row carries an example name
 * (from /shared/corpus/yancheng-2022.tsv where one exists, else the wording published
 * performance tables use) so that the tests walk the table and document it.
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
 * - `支出` is not negative: `支出进度` is spending progress (higher is better).
 */
export type Polarity = 'positive' | 'negative';

export interface PolarityKeyword {
  readonly word: string;
  readonly polarity: Polarity;
  /** An indicator name that uses the word, read with this polarity. */
  readonly example: string;
}

const neg = (word: string, example: string): PolarityKeyword => ({ word, polarity: 'negative', example });
const pos = (word: string, example: string): PolarityKeyword => ({ word, polarity: 'positive', example });

export const POLARITY_KEYWORDS: readonly PolarityKeyword[] = [
  // ---- lower is better ---------------------------------------------------------------
  // Late, overdue, backlog.
  neg('逾期', '贷款逾期率'),
  neg('超期', '案件超期办理数'),
  neg('延误', '航班延误率'),
  neg('拖欠', '拖欠农民工工资金额'),
  neg('积压', '积压案件数'),
  neg('超时', '业务办理超时率'),
  // Accidents, harm, disasters.
  neg('事故', '服务场所事故率'),
  neg('隐患', '重大安全隐患数'),
  neg('伤亡', '生产安全事故伤亡人数'),
  neg('死亡', '孕产妇死亡率'),
  neg('受害', '农作物受害率'),
  neg('受灾', '受灾人口数'),
  neg('成灾', '森林病虫害成灾率'),
  neg('损失', '灾害造成直接经济损失'),
  neg('发病', '传染病发病率'),
  neg('感染', '医院感染发生率'),
  neg('火灾', '火灾起数'),
  neg('发案', '刑事案件发案率'),
  neg('犯罪率', '青少年犯罪率'),
  neg('发生数', '安全事故发生数'),
  neg('发生率', '贫困发生率'),
  // Complaints, errors, defects, rework.
  neg('投诉', '有效投诉量'),
  neg('差错', '业务差错率'),
  neg('错误', '数据错误率'),
  neg('失误', '操作失误次数'),
  neg('误差', '计量误差'),
  neg('误报', '监测误报率'),
  neg('漏报', '疫情漏报率'),
  neg('缺陷', '工程质量缺陷数'),
  neg('故障', '设备故障率'),
  neg('不良', '不良贷款率'),
  neg('次品', '次品率'),
  neg('返工', '工程返工率'),
  neg('返修', '产品返修率'),
  neg('退回', '申报材料退回率'),
  neg('驳回', '审批驳回率'),
  neg('失败率', '交易失败率'),
  neg('纠纷', '医疗纠纷发生数'),
  neg('上访', '越级上访人次'),
  neg('负面', '负面舆情数'),
  neg('不合格率', '抽检不合格率'),
  neg('不达标率', '水质不达标率'),
  neg('未完成率', '任务未完成率'),
  // Rule breaking.
  neg('违规', '违规使用资金金额'),
  neg('违纪', '违纪违法案件数'),
  neg('违法', '违法建设面积'),
  neg('违章', '违章建筑面积'),
  neg('处罚', '行政处罚次数'),
  neg('问责', '被问责人数'),
  // Costs and use of resources.
  neg('成本', '人均培训成本'),
  neg('费用', '计提管理费用'),
  neg('三公经费', '“三公经费”支出'),
  neg('超支', '项目超支金额'),
  neg('能耗', '单位面积能耗'),
  neg('耗能', '公共机构耗能'),
  neg('耗电', '办公耗电量'),
  neg('耗水', '人均耗水量'),
  neg('排放', '主要污染物排放量'),
  neg('超标', '排放超标率'),
  neg('污染', '面源污染负荷'),
  neg('浪费', '粮食浪费率'),
  neg('负债率', '资产负债率'),
  neg('负担', '企业负担'),
  // Time limits and time taken.
  neg('时限', '住房公积金贷款办理时限'),
  neg('用时', '平均办结用时'),
  neg('耗时', '审批耗时'),
  neg('时长', '群众平均等待时长'),
  neg('等待时间', '窗口等待时间'),
  neg('等候时间', '平均等候时间'),
  neg('响应时间', '急救响应时间'),
  neg('到达时间', '急救平均到达时间'),
  neg('审批时间', '项目审批时间'),
  neg('办理周期', '不动产登记办理周期'),
  // Budget execution: deviation from the budget is what these measure.
  neg('变动率', '“三公经费”变动率'),
  neg('调整率', '预算调整率'),
  neg('结转结余率', '结转结余率'),
  neg('结余率', '资金结余率'),
  neg('结转率', '资金结转率'),
  neg('偏差', '预算执行偏差率'),
  neg('偏离度', '预算偏离度'),
  neg('经费控制率', '公用经费控制率'),
  neg('人员控制率', '在职人员控制率'),
  neg('支出控制率', '一般性支出控制率'),
  neg('编制控制率', '人员编制控制率'),
  // Idle, lost, dropped out.
  neg('空置', '公租房空置率'),
  neg('闲置', '设备闲置率'),
  neg('流失', '水土流失面积'),
  neg('辍学', '义务教育辍学率'),
  neg('失业率', '城镇登记失业率'),
  neg('返贫', '脱贫人口返贫率'),
  neg('撂荒', '耕地撂荒面积'),

  // ---- higher is better: rate names of handling and reach ---------------------------
  pos('处理率', '信访投诉处理率'),
  pos('办结率', '12345平台工单办结率'),
  pos('完成率', '重点工作完成率'),
  pos('整改率', '安全隐患整改率'),
  pos('覆盖率', '绩效管理覆盖率'),
  pos('覆盖面', '住房公积金政策宣传覆盖面'),
  pos('知晓率', '住房公积金制度知晓率'),
  pos('知晓度', '政策知晓度'),
  pos('满意度', '缴存职工满意度'),
  pos('满意率', '在线回复满意率'),
  pos('合格率', '工程验收合格率'),
  pos('达标率', '排放达标率'),
  pos('达标排放率', '污水达标排放率'),
  pos('执行率', '政府采购执行率'),
  pos('到位率', '资金到位率'),
  pos('及时率', '费用报销及时率'),
  pos('准确率', '数字签名、身份认证准确率'),
  pos('正确率', '数据录入正确率'),
  pos('合法率', '行政执法程序合法率'),
  pos('符合率', '支付进度符合率'),
  pos('合规率', '资金使用合规率'),
  pos('利用率', '固定资产利用率'),
  pos('使用率', '设备使用率'),
  pos('办理率', '缴存业务线上办理率'),
  pos('实现率', '目标实现率'),
  pos('建设率', '标准化窗口建设率'),
  pos('建成率', '项目建成率'),
  pos('普及率', '健康知识普及率'),
  pos('参与率', '群众参与率'),
  pos('参保率', '基本医疗保险参保率'),
  pos('入学率', '学前教育毛入学率'),
  pos('就业率', '高校毕业生就业率'),
  pos('回收率', '逾期贷款回收率'),
  pos('挽回率', '经济损失挽回率'),
  pos('处置率', '不良贷款处置率'),
  pos('化解率', '矛盾纠纷化解率'),
  pos('结案率', '案件结案率'),
  pos('查处率', '违法违规行为查处率'),
  pos('破案率', '刑事案件破案率'),
  pos('治理率', '污染源治理率'),
  pos('完好率', '设施完好率'),
  pos('成活率', '苗木成活率'),
  pos('治愈率', '结核病治愈率'),
  pos('救治率', '危重病人救治率'),
  pos('接种率', '疫苗接种率'),
  pos('兑现率', '政策兑现率'),
  pos('落实率', '整改措施落实率'),
  pos('公开率', '政务信息公开率'),
  pos('回复率', '留言回复率'),
  pos('响应率', '诉求响应率'),
  pos('受理率', '申请受理率'),
  pos('解决率', '投诉问题解决率'),
  pos('通过率', '验收通过率'),
  pos('优良率', '工程优良率'),
  pos('出勤率', '人员出勤率'),
  pos('在线率', '监测设备在线率'),
  pos('收缴率', '非税收入收缴率'),
  pos('征收率', '税费征收率'),
  pos('归集率', '住房公积金归集率'),
  pos('发放率', '补贴发放率'),
  pos('拨付率', '资金拨付率'),
  pos('支付率', '资金支付率'),
  pos('保障率', '供水保障率'),
  pos('有效率', '治疗有效率'),
  pos('可用率', '系统可用率'),
  pos('收益率', '资金收益率'),
  pos('节约率', '成本节约率'),
  pos('降低率', '能耗降低率'),
  pos('下降率', '事故下降率'),
  pos('减少率', '投诉减少率'),
  pos('压减率', '一般性支出压减率'),
  // Reductions and savings: the amount saved is what counts.
  pos('节约', '职工通过公积金贷款节约利息支出'),
  pos('节省', '节省行政成本'),
  pos('挽回', '挽回经济损失'),
  pos('减排', '二氧化碳减排量'),
  pos('削减', '污染物削减量'),
  pos('减少', '减少群众跑腿次数'),
  pos('降低', '降低企业成本'),
  pos('压减', '压减“三公经费”'),
  pos('缩短', '审批时限缩短'),
  // Time served or open, not time taken.
  pos('服务时长', '志愿服务时长'),
  pos('培训时长', '人均培训时长'),
  pos('学习时长', '干部在线学习时长'),
  pos('开放时长', '场馆开放时长'),
  pos('开放时间', '图书馆每周开放时间'),
  pos('服务时间', '窗口服务时间'),
  pos('运行时长', '设备正常运行时长'),
  pos('正常办理时间', '线上办事大厅全年正常办理时间'),
];
