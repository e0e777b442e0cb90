import type { MonthlyReport } from './monthly-report';

const SETTING_ZH: Record<string, string> = {
  inpatient: '住院',
  'chronic-outpatient': '门诊慢特病',
  outpatient: '普通门诊',
  'specific-drug': '特药',
};

/** Fen as yuan with two decimals, digit for digit: no float ever touches the amount. */
export function yuanOf(fen: number): string {
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const sign = fen < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const HEADER = ['section', 'item', 'station_id', 'label_zh', 'count', 'amount_fen', 'amount_yuan'];

type Row = [string, string, string, string, number, number | null];

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function line([section, item, station, label, count, fen]: Row): string {
  const amount = fen === null ? ['', ''] : [String(fen), yuanOf(fen)];
  return [section, item, station, label, String(count), ...amount].map(cell).join(',');
}

/**
 * One figure per row, so a spreadsheet can filter and sum. The byte order mark lets Excel read
 * the Chinese labels as UTF-8, which it does not assume for a CSV file.
 */
export function monthlyReportCsv(report: MonthlyReport): string {
  const rows: Row[] = [];
  for (const t of report.treatments) {
    const zh = SETTING_ZH[t.setting] ?? t.setting;
    rows.push([
      'treatments',
      t.setting,
      '',
      `${zh}待遇享受人次及基金支付`,
      t.treatments,
      t.fundFen,
    ]);
    rows.push([
      'assistance',
      t.setting,
      '',
      `${zh}医疗救助人次及救助金额`,
      t.assistedTreatments,
      t.assistanceFen,
    ]);
  }
  const { reversals: r, contributions: c } = report;
  rows.push(['reversals', 'settlements', '', '本月冲正结算笔数及基金金额', r.count, r.fundFen]);
  rows.push(['contributions', 'paid', '', '居民个人缴费笔数及金额', c.payments, c.paidFen]);
  rows.push([
    'contributions',
    'subsidy',
    '',
    '本月参保生效人数及财政补助',
    c.coverageActivated,
    c.subsidyFen,
  ]);
  rows.push([
    'contributions',
    'waived',
    '',
    '政府代缴个人缴费人数及金额',
    c.waivedPeople,
    c.waivedFen,
  ]);
  for (const s of report.stations)
    for (const b of s.businesses)
      rows.push(['business', b.business, s.stationId, '服务站办理业务量', b.served, null]);
  return `\uFEFF${[HEADER.join(','), ...rows.map(line)].join('\r\n')}\r\n`;
}
