import { bare, type Templates } from './template-context';

export const ZH_SIGNATURE = '【医保服务圈】';

const FILING_TYPES: Readonly<Record<string, string>> = {
  relocated: '异地安置',
  'long-term-elsewhere': '异地长期居住',
  referral: '转诊转院',
  temporary: '临时外出就医',
};

const SETTINGS: Readonly<Record<string, string>> = {
  inpatient: '住院',
  'chronic-outpatient': '门诊慢特病',
  outpatient: '门诊',
  'specific-drug': '特药',
};

const DISEASES: Readonly<Record<string, string>> = { hypertension: '高血压', diabetes: '糖尿病' };

const FIELDS: Readonly<Record<string, string>> = {
  name: '姓名',
  phone: '手机号',
  address: '住址',
  communityId: '社区',
  householdId: '户号',
  category: '参保类别',
};

const named = (table: Readonly<Record<string, string>>, key: string) => table[key] ?? key;

export const ZH_CN_TEMPLATES: Templates = {
  'resident-enrolled': (f, c) =>
    `${c.name}您好，您已在${c.station}登记参加${f.year}年度城乡居民基本医疗保险。`,
  'contribution-paid': (f, c) =>
    `${c.name}您好，已收到您${f.year}年度医保缴费${c.yuan(f.amountFen)}元（收据号${f.receiptNumber}），` +
    (f.outstandingFen > 0
      ? `本年度已缴${c.yuan(f.paidFen)}元，尚需缴纳${c.yuan(f.outstandingFen)}元。`
      : `本年度已缴清${c.yuan(f.paidFen)}元，医保待遇已生效。`),
  'information-changed': (f, c) =>
    `${c.name}您好，您的参保信息（${f.fields.map((x) => named(FIELDS, x)).join('、')}）已在${c.station}变更。如非本人办理，请致电12393。`,
  'employee-enrolled': (f, c) =>
    `${c.name}您好，${f.employerName}已为您办理职工基本医疗保险参保，${f.joinedOn}起生效。`,
  'employee-left': (f, c) =>
    `${c.name}您好，您在${f.employerName}的职工医保已于${f.leftOn}停保，可到就近服务站办理城乡居民医保参保。`,
  'offsite-filed': (f, c) =>
    `${c.name}您好，您的${named(FILING_TYPES, f.filingType)}备案已办结：就医地${f.destinationRegion}，有效期${f.validFrom}至${f.validTo ?? '长期'}。`,
  'qualification-approved': (f, c) =>
    `${c.name}您好，您的门诊慢特病（${named(DISEASES, f.disease)}）资格已认定通过。`,
  'qualification-rejected': (f, c) =>
    `${c.name}您好，您的门诊慢特病（${named(DISEASES, f.disease)}）资格认定未通过：${bare(f.reason)}。`,
  'transfer-completed': (_f, c) => `${c.name}您好，您的医保关系转移已办结。`,
  'transfer-refused': (f, c) => `${c.name}您好，您的医保关系转移未能办理：${bare(f.reason)}。`,
  'claim-rejected': (f, c) =>
    `${c.name}您好，您的报销申请（受理号${f.claimId}）未通过审核：${bare(f.reason)}。`,
  'claim-settled': (f, c) =>
    `${c.name}您好，您的报销申请（受理号${f.claimId}）已结算：医疗费用${c.yuan(f.totalFen)}元，基金支付${c.yuan(f.fundFen)}元，个人负担${c.yuan(f.personalFen)}元。`,
  'bill-settled': (f, c) =>
    `${c.name}您好，您${f.date}在${c.station}的${named(SETTINGS, f.setting)}费用${c.yuan(f.totalFen)}元已结算：医保基金支付${c.yuan(f.fundFen)}元，个人支付${c.yuan(f.personalFen)}元。`,
  'settlement-reversed': (f, c) =>
    `${c.name}您好，您在${c.station}的${c.yuan(f.totalFen)}元费用结算已撤销（${bare(f.reason)}）：原医保基金支付${c.yuan(f.fundFen)}元、个人支付${c.yuan(f.personalFen)}元，已用的年度待遇额度已退回。`,
  'turn-near': (f, c) =>
    f.position <= 1
      ? `您在${c.station}的${f.ticketNumber}号即将叫号，请到窗口前等候。`
      : `您在${c.station}的${f.ticketNumber}号前面还有${f.position - 1}位，请回到大厅等候叫号。`,
};
