import { BusinessCode, StationKind, businessesFor } from './business-catalog';

export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

export interface StationProfile {
  readonly stationId: string;
  readonly kind: StationKind;
  readonly name: string;
  readonly nameEn: string;
  readonly tier?: 1 | 2 | 3;
  readonly businesses: readonly BusinessCode[];
  readonly location: GeoPoint & { readonly synthetic: true };
  readonly counters: number;
}

// CONTRACT: hall 6 counters, township 3, hospital 2, village 1.
const COUNTERS: Record<StationKind, number> = { hall: 6, township: 3, hospital: 2, village: 1 };

function station(
  stationId: string,
  kind: StationKind,
  name: string,
  nameEn: string,
  lat: number,
  lon: number,
  tier?: 1 | 2 | 3,
): StationProfile {
  return {
    stationId,
    kind,
    name,
    nameEn,
    ...(tier ? { tier } : {}),
    businesses: businessesFor(kind),
    location: { lat, lon, synthetic: true },
    counters: COUNTERS[kind],
  };
}

/**
 * Taibai Lake New District as seed 000 describes it: one hall, two township stations,
 * three hospital stations, plus a handful of village points. Coordinates are synthetic.
 */
export const DEMO_DISTRICT: readonly StationProfile[] = [
  station('hall', 'hall', '太白湖新区医保经办大厅', 'District office hall', 35.383, 116.612),
  station('town-1', 'township', '许庄街道医保服务站', 'Xuzhuang street station', 35.361, 116.585),
  station('town-2', 'township', '石桥镇医保服务站', 'Shiqiao town station', 35.318, 116.655),
  station(
    'hosp-1',
    'hospital',
    '新区第一医院医保服务站',
    'First Hospital station (tier 3)',
    35.392,
    116.634,
    3,
  ),
  station(
    'hosp-2',
    'hospital',
    '新区中医院医保服务站',
    'TCM Hospital station (tier 2)',
    35.347,
    116.603,
    2,
  ),
  station(
    'hosp-3',
    'hospital',
    '石桥镇卫生院医保服务站',
    'Shiqiao Health Centre station (tier 1)',
    35.321,
    116.661,
    1,
  ),
  station('village-1', 'village', '王庄村医保服务点', 'Wangzhuang village point', 35.372, 116.561),
  station('village-2', 'village', '李营村医保服务点', 'Liying village point', 35.336, 116.572),
  station(
    'village-3',
    'village',
    '南阳湖社区医保服务点',
    'Nanyang Lake community point',
    35.301,
    116.628,
  ),
  station('village-4', 'village', '东湖村医保服务点', 'Donghu village point', 35.309, 116.689),
];

export function findStation(stationId: string): StationProfile | undefined {
  return DEMO_DISTRICT.find((s) => s.stationId === stationId);
}
