import { monthlyReportCsv, yuanOf } from './monthly-report.csv';
import { MonthlyReport, stationLines, treatmentLines } from './monthly-report';
import { monthOf, reportMonth } from './report-month';

describe('the monthly report', () => {
  it('counts an instant in its Asia/Shanghai month', () => {
    expect(monthOf('2022-10-31T15:59:59.999Z')).toBe('2022-10');
    expect(monthOf('2022-10-31T16:00:00.000Z')).toBe('2022-11');
    expect(monthOf('2022-11-01T00:00:00+08:00')).toBe('2022-11');
  });

  it('takes a month as YYYY-MM and refuses anything else naming month', () => {
    expect(reportMonth('2022-10')).toBe('2022-10');
    for (const bad of [undefined, '', '2022-13', '2022-00', '2022-1', '202210', '2022-10-01'])
      expect(() => reportMonth(bad)).toThrow(
        expect.objectContaining({
          kind: 'invalid',
          fields: [expect.objectContaining({ field: 'month' })],
        }),
      );
  });

  it('has a line for every setting in the press release order, zeros where nothing happened', () => {
    const lines = treatmentLines([
      {
        setting: 'outpatient',
        treatments: 2,
        totalFen: 10_000,
        fundFen: 5_000,
        assistedTreatments: 0,
        assistanceFen: 0,
      },
    ]);
    expect(lines.map((l) => [l.setting, l.treatments])).toEqual([
      ['inpatient', 0],
      ['chronic-outpatient', 0],
      ['outpatient', 2],
      ['specific-drug', 0],
    ]);
  });

  it('groups services by station, busiest station and business first', () => {
    expect(
      stationLines([
        { stationId: 'town-1', business: 'ENROLL_RESIDENT', served: 2 },
        { stationId: 'hall', business: 'TRANSFER', served: 1 },
        { stationId: 'town-1', business: 'CHANGE_INFO', served: 5 },
      ]),
    ).toEqual([
      {
        stationId: 'town-1',
        served: 7,
        businesses: [
          { business: 'CHANGE_INFO', served: 5 },
          { business: 'ENROLL_RESIDENT', served: 2 },
        ],
      },
      { stationId: 'hall', served: 1, businesses: [{ business: 'TRANSFER', served: 1 }] },
    ]);
  });

  it('writes fen as yuan digit for digit', () => {
    expect(yuanOf(0)).toBe('0.00');
    expect(yuanOf(5)).toBe('0.05');
    expect(yuanOf(5_126_780_000)).toBe('51267800.00');
    expect(yuanOf(-1_999)).toBe('-19.99');
    expect(yuanOf(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });

  it('writes one figure per CSV row, UTF-8 with a byte order mark for Excel', () => {
    const report: MonthlyReport = {
      month: '2022-10',
      region: null,
      treatments: treatmentLines([
        {
          setting: 'inpatient',
          treatments: 3,
          totalFen: 9_000_000,
          fundFen: 5_760_000,
          assistedTreatments: 1,
          assistanceFen: 476_000,
        },
      ]),
      reversals: { count: 1, fundFen: 1_920_000 },
      contributions: {
        payments: 2,
        paidFen: 64_000,
        coverageActivated: 3,
        subsidyFen: 183_000,
        waivedPeople: 1,
        waivedFen: 32_000,
      },
      stations: [
        {
          stationId: 'town-1',
          served: 2,
          businesses: [{ business: 'ENROLL_RESIDENT', served: 2 }],
        },
      ],
    };
    const csv = monthlyReportCsv(report);
    expect(
      csv.startsWith('\uFEFFsection,item,station_id,label_zh,count,amount_fen,amount_yuan\r\n'),
    ).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toContain('treatments,inpatient,,住院待遇享受人次及基金支付,3,5760000,57600.00');
    expect(rows).toContain('assistance,inpatient,,住院医疗救助人次及救助金额,1,476000,4760.00');
    expect(rows).toContain('contributions,subsidy,,本月参保生效人数及财政补助,3,183000,1830.00');
    expect(rows).toContain('reversals,settlements,,本月冲正结算笔数及基金金额,1,1920000,19200.00');
    expect(rows).toContain('business,ENROLL_RESIDENT,town-1,服务站办理业务量,2,,');
    expect(rows).toHaveLength(1 + 8 + 1 + 3 + 1);
  });
});
