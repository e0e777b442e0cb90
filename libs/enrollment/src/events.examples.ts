import type { EmployerEvent, InsuredPersonEvent, Notice } from './domain';

type EnrollmentEvent = InsuredPersonEvent | EmployerEvent;

/** An event as the log stores it: data and schema version tied to its type by the domain. */
type Example<E extends EnrollmentEvent = EnrollmentEvent> = E extends EnrollmentEvent
  ? {
      readonly type: E['type'];
      readonly schemaVersion: E['schemaVersion'];
      readonly data: E['data'];
    }
  : never;

const WANG = { residentId: '370811198503120411', phone: '13905371234', maskedName: '王**' };
const LIU = { residentId: '370811199211230269', phone: '15053712876', maskedName: '刘**' };

function noticeTo(
  person: { readonly phone: string; readonly maskedName: string },
  summary: string,
  amountsFen: Record<string, number> = {},
): Notice {
  return { phone: person.phone, maskedName: person.maskedName, summary, amountsFen };
}

/**
 * One realistic event of each type the enrollment context emits. Typed with the domain's event
 * types so that a change to an event's data or schema version fails to compile here, and the
 * contract test then holds the AsyncAPI document to the same shape.
 */
export const EVENT_EXAMPLES: readonly Example[] = [
  {
    type: 'enrollment.ResidentEnrolled',
    schemaVersion: 1,
    data: {
      residentId: WANG.residentId,
      stationId: 'town-1',
      at: '2022-01-05T09:14:22.310+08:00',
      name: '王建国',
      phone: WANG.phone,
      address: '太白湖新区许庄街道荷花路18号',
      communityId: 'xuzhuang-3',
      householdId: null,
      birthDate: '1985-03-12',
      sex: 'male',
      category: 'general',
      region: 'taibai-lake',
      year: 2022,
      policyVersion: 'taibai-lake@2022#3f9a0c1d2b4e',
      notice: noticeTo(WANG, '您已登记参加2022年度城乡居民基本医疗保险（taibai-lake）。'),
    },
  },
  {
    type: 'enrollment.ContributionAssessed',
    schemaVersion: 1,
    data: {
      residentId: WANG.residentId,
      stationId: 'town-1',
      at: '2022-01-05T09:14:22.310+08:00',
      year: 2022,
      region: 'taibai-lake',
      category: 'general',
      policyVersion: 'taibai-lake@2022#3f9a0c1d2b4e',
      individualFen: 32000,
      subsidyFen: 61000,
      payableFen: 32000,
      waivedFen: 0,
      notice: noticeTo(WANG, '2022年度个人缴费320.00元，政府代缴0.00元，应缴320.00元。', {
        individualFen: 32000,
        waivedFen: 0,
        payableFen: 32000,
      }),
    },
  },
  {
    type: 'enrollment.ContributionPaid',
    schemaVersion: 1,
    data: {
      residentId: WANG.residentId,
      stationId: 'town-1',
      at: '2022-01-05T09:16:48.902+08:00',
      year: 2022,
      receiptNumber: '20220105-town-1-9C41E07B',
      method: 'app',
      reference: 'WX4200001587202201051234',
      amountFen: 32000,
      paidFen: 32000,
      outstandingFen: 0,
      notice: noticeTo(WANG, '已收到您2022年度医保缴费320.00元，收据号20220105-town-1-9C41E07B。', {
        amountFen: 32000,
        paidFen: 32000,
        outstandingFen: 0,
      }),
    },
  },
  {
    type: 'enrollment.CoverageActivated',
    schemaVersion: 1,
    data: {
      residentId: WANG.residentId,
      stationId: 'town-1',
      at: '2022-01-05T09:16:48.902+08:00',
      year: 2022,
      scheme: 'resident',
      region: 'taibai-lake',
      policyVersion: 'taibai-lake@2022#3f9a0c1d2b4e',
      activeFrom: '2022-01-01',
      activeTo: '2022-12-31',
      notice: noticeTo(WANG, '您2022年度城乡居民医保已生效（2022-01-01至2022-12-31）。', {
        paidFen: 32000,
      }),
    },
  },
  {
    type: 'enrollment.InsuredInformationChanged',
    schemaVersion: 1,
    data: {
      residentId: WANG.residentId,
      stationId: 'hall',
      at: '2022-02-21T14:03:37.115+08:00',
      changes: [
        { field: 'phone', from: WANG.phone, to: '15265379876' },
        { field: 'address', from: '太白湖新区许庄街道荷花路18号', to: '太白湖新区石桥镇南街7号' },
      ],
      reason: '搬家',
      notice: noticeTo(
        { phone: '15265379876', maskedName: WANG.maskedName },
        '您的参保信息已变更：phone、address。',
      ),
    },
  },
  {
    type: 'enrollment.EmployeeEnrolled',
    schemaVersion: 1,
    data: {
      residentId: LIU.residentId,
      stationId: 'hall',
      at: '2022-03-01T10:20:05.641+08:00',
      name: '刘晓梅',
      phone: LIU.phone,
      birthDate: '1992-11-23',
      sex: 'female',
      creditCode: '91370811MA3C7K2Q5K',
      employerName: '济宁太白湖新材料有限公司',
      region: 'taibai-lake',
      joinedOn: '2022-03-01',
      notice: noticeTo(
        LIU,
        '您已由济宁太白湖新材料有限公司办理职工基本医疗保险参保，2022-03-01起。',
      ),
    },
  },
  {
    type: 'enrollment.EmployeeLeft',
    schemaVersion: 1,
    data: {
      residentId: LIU.residentId,
      stationId: 'town-2',
      at: '2022-09-30T16:41:12.008+08:00',
      creditCode: '91370811MA3C7K2Q5K',
      employerName: '济宁太白湖新材料有限公司',
      leftOn: '2022-09-30',
      notice: noticeTo(
        LIU,
        '您在济宁太白湖新材料有限公司的职工医保已于2022-09-30停保，可办理居民医保参保。',
      ),
    },
  },
  {
    type: 'enrollment.OffsiteTreatmentFiled',
    schemaVersion: 1,
    data: {
      residentId: WANG.residentId,
      stationId: 'hosp-1',
      at: '2022-02-28T11:05:49.377+08:00',
      filingId: '5b8f2c1e-7d4a-4e93-9a61-2f0c8d3b7e15',
      filingType: 'referral',
      destinationRegion: '山东省济南市',
      destinationHospital: '山东大学齐鲁医院',
      validFrom: '2022-03-01',
      validTo: '2022-08-31',
      notice: noticeTo(
        WANG,
        '您的转诊转院备案已办结：就医地山东省济南市，有效期2022-03-01至2022-08-31。',
      ),
    },
  },
  {
    type: 'enrollment.ChronicQualificationApplied',
    schemaVersion: 1,
    data: {
      residentId: WANG.residentId,
      stationId: 'hosp-2',
      at: '2022-03-07T10:02:11.504+08:00',
      qualificationId: 'c3e9a7d2-41f6-4b0e-8c5d-96a1f2e47b30',
      disease: 'hypertension',
      diseaseName: '高血压 hypertension',
      region: 'taibai-lake',
      year: 2022,
      policyVersion: 'taibai-lake@2022#3f9a0c1d2b4e',
      deadline: '2022-03-08T23:59:59.999+08:00',
      notice: noticeTo(
        WANG,
        '您的门诊慢特病（高血压 hypertension）认定申请已受理，将于2022-03-08前办结。',
      ),
    },
  },
  {
    type: 'enrollment.ChronicQualificationApproved',
    schemaVersion: 1,
    data: {
      residentId: WANG.residentId,
      stationId: 'hosp-2',
      at: '2022-03-08T15:27:40.219+08:00',
      qualificationId: 'c3e9a7d2-41f6-4b0e-8c5d-96a1f2e47b30',
      disease: 'hypertension',
      deadline: '2022-03-08T23:59:59.999+08:00',
      withinDeadline: true,
      reason: null,
      notice: noticeTo(
        WANG,
        '您的门诊慢特病（高血压 hypertension）资格已认定通过，2022年度可享受门诊慢特病待遇。',
      ),
    },
  },
  {
    type: 'enrollment.ChronicQualificationRejected',
    schemaVersion: 1,
    data: {
      residentId: WANG.residentId,
      stationId: 'hall',
      at: '2022-03-10T09:12:03.950+08:00',
      qualificationId: '0f4d6b8a-2c1e-4a7f-b3d5-8e9c0a1b2d3f',
      disease: 'diabetes',
      deadline: '2022-03-09T23:59:59.999+08:00',
      withinDeadline: false,
      reason: '未提供二级及以上医院的诊断证明',
      notice: noticeTo(
        WANG,
        '您的门诊慢特病（糖尿病 diabetes）认定未通过：未提供二级及以上医院的诊断证明',
      ),
    },
  },
  {
    type: 'enrollment.CoverageTransferRequested',
    schemaVersion: 1,
    data: {
      residentId: WANG.residentId,
      stationId: 'hall',
      at: '2022-04-11T08:47:31.602+08:00',
      transferId: '9a2b7c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d',
      direction: 'out',
      fromRegion: 'taibai-lake',
      toRegion: 'shizhong-zaozhuang',
      deadline: '2022-04-29T23:59:59.999+08:00',
      notice: noticeTo(
        WANG,
        '您的医保关系转移（taibai-lake→shizhong-zaozhuang）申请已受理，将于2022-04-29前办结。',
      ),
    },
  },
  {
    type: 'enrollment.CoverageTransferCompleted',
    schemaVersion: 1,
    data: {
      residentId: WANG.residentId,
      stationId: 'hall',
      at: '2022-04-26T14:18:09.733+08:00',
      transferId: '9a2b7c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d',
      deadline: '2022-04-29T23:59:59.999+08:00',
      withinDeadline: true,
      notice: noticeTo(WANG, '您的医保关系转移（taibai-lake→shizhong-zaozhuang）已办结。'),
    },
  },
  {
    type: 'enrollment.CoverageTransferRefused',
    schemaVersion: 1,
    data: {
      residentId: LIU.residentId,
      stationId: 'hall',
      at: '2022-11-02T10:55:44.120+08:00',
      transferId: '1d3c5b7a-9e8f-4d6c-a2b1-3f4e5d6c7b8a',
      deadline: '2022-11-18T23:59:59.999+08:00',
      withinDeadline: true,
      reason: '转出地尚未出具参保凭证',
      notice: noticeTo(
        LIU,
        '您的医保关系转移（shizhong-zaozhuang→taibai-lake）未能办理：转出地尚未出具参保凭证',
      ),
    },
  },
  {
    type: 'enrollment.PersonErased',
    schemaVersion: 1,
    data: {
      residentId: LIU.residentId,
      stationId: 'hall',
      at: '2022-11-02T10:12:40.531+08:00',
    },
  },
  {
    type: 'enrollment.EmployerRegistered',
    schemaVersion: 1,
    data: {
      creditCode: '91370811MA3C7K2Q5K',
      name: '济宁太白湖新材料有限公司',
      region: 'taibai-lake',
      address: '太白湖新区荷花路266号',
      contactPhone: '0537-2345678',
      stationId: 'hall',
      at: '2022-02-25T09:30:15.288+08:00',
    },
  },
];
