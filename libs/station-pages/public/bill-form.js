// What the business screens share: money typed in yuan kept exact in fen, resident IDs checked
// as the API checks them, today in Asia/Shanghai, and the API's refusals put on their fields.
(() => {
  // GB 11643-1999 (ISO 7064 MOD 11-2): weights of the 17 body digits; the check character for
  // each remainder of the weighted sum modulo 11, ten written as the Roman X.
  const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const CHECK_CHARACTERS = '10X98765432';
  // Eleven digits of yuan stay below the API's ceiling of 9e12 fen and far inside 2^53.
  const YUAN = /^(\d{1,11})(?:\.(\d{1,2}))?$/;
  const ADMISSION = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
  // The national platform's settlement output fields, in the order a statement lists them.
  const NATIONAL_FIELDS = [
    'medfee_sumamt',
    'inscp_scp_amt',
    'act_pay_dedc',
    'hifp_pay',
    'hifmi_pay',
    'hifob_pay',
    'maf_pay',
    'psn_cash_pay',
  ];
  // The choices a bill offers; resident categories come from the served catalogue instead.
  const CHOICES = {
    regions: ['taibai-lake', 'shizhong-zaozhuang'],
    schemes: ['resident', 'employee'],
    settings: ['inpatient', 'chronic-outpatient', 'outpatient', 'specific-drug'],
    diseases: ['hypertension', 'diabetes'],
  };
  // The API names money in fen (`inScopeFen`, `lines[1].inScopeFen`); the clerk typed yuan.
  const IN_YUAN = /(totalFen|inScopeFen)$/;

  /**
   * '26000.5' → {fen: 2600050}: the digits are joined, never multiplied as a float, so what
   * the clerk typed is exactly what is sent. Otherwise {problem} names what is wrong.
   */
  function yuanToFen(text) {
    const typed = String(text ?? '').trim();
    if (!typed) return { problem: 'required' };
    if (/^\d+\.\d{3,}$/.test(typed)) return { problem: 'decimals' };
    const match = YUAN.exec(typed);
    if (!match) return { problem: 'amount' };
    return { fen: Number(`${match[1]}${(match[2] || '').padEnd(2, '0')}`) };
  }

  /** 2600050 → '26,000.50', by integer arithmetic. */
  function formatYuan(fen) {
    if (!Number.isSafeInteger(fen)) return '';
    const abs = Math.abs(fen);
    const cents = abs % 100;
    const whole = (abs - cents) / 100;
    return `${fen < 0 ? '-' : ''}${whole.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
  }

  function validDay(year, month, day) {
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1;
  }

  /** The API's own order of checks, so the clerk hears the same reason before sending. */
  function residentIdProblem(raw, today) {
    const id = String(raw ?? '')
      .trim()
      .replace(/x$/, 'X');
    if (!id) return 'required';
    if (id.length !== 18) return 'idLength';
    if (!/^\d{17}[\dX]$/.test(id)) return 'idCharacters';
    const [year, month, day] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number);
    const born = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
    if (year < 1900 || !validDay(year, month, day) || born > today) return 'idBirthDate';
    const total = WEIGHTS.reduce((sum, weight, i) => sum + weight * Number(id[i]), 0);
    if (CHECK_CHARACTERS[total % 11] !== id[17]) return 'idCheckDigit';
    return null;
  }

  function normalResidentId(raw) {
    return String(raw ?? '')
      .trim()
      .replace(/x$/, 'X');
  }

  /** A printed statement shows only the last four characters of the ID. */
  function maskResidentId(id) {
    const text = String(id ?? '');
    return '*'.repeat(Math.max(0, text.length - 4)) + text.slice(-4);
  }

  function admissionProblem(raw, required) {
    const text = String(raw ?? '').trim();
    if (!text) return required ? 'required' : null;
    return ADMISSION.test(text) ? null : 'admission';
  }

  /** The day in Asia/Shanghai, where the district is, whatever the browser's own zone. */
  function shanghaiToday(now = new Date()) {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
  }

  /**
   * The API's `fields` as {formField: problem}; fields the form has no place for are left out.
   * `hasField` is the form's field names, or a test of a name (for numbered lines).
   */
  function fieldProblems(error, hasField) {
    const known = Array.isArray(hasField) ? (name) => hasField.includes(name) : hasField;
    const problems = {};
    for (const { field, problem } of (error && error.fields) || []) {
      const name = field.replace(IN_YUAN, (money) => (money === 'totalFen' ? 'total' : 'inScope'));
      if (known(name) && !problems[name]) problems[name] = problem;
    }
    return problems;
  }

  /**
   * One Idempotency-Key per piece of work: a double click or a retry after a lost answer sends
   * the same body with the same key and gets the first answer; a corrected body gets a new key.
   */
  function keyKeeper() {
    let kept = null;
    return (body) => {
      const text = JSON.stringify(body);
      if (!kept || kept.body !== text) kept = { body: text, key: crypto.randomUUID() };
      return kept.key;
    };
  }

  const SHANGHAI_CLOCK = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

  /**
   * An API time as the clerk reads it, `2026-12-18 23:59` in Asia/Shanghai: records write
   * `+08:00`, the lists' database times come back in UTC, and both must read the same.
   */
  function shanghaiTime(iso) {
    const at = new Date(iso);
    if (!iso || Number.isNaN(at.getTime())) return '';
    const part = {};
    for (const { type, value } of SHANGHAI_CLOCK.formatToParts(at)) part[type] = value;
    return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
  }

  window.CircleForms = {
    NATIONAL_FIELDS,
    CHOICES,
    yuanToFen,
    formatYuan,
    residentIdProblem,
    normalResidentId,
    maskResidentId,
    admissionProblem,
    shanghaiToday,
    fieldProblems,
    keyKeeper,
    shanghaiTime,
  };

  document.addEventListener('alpine:init', () => {
    window.Alpine.magic('yuan', () => formatYuan);
  });
})();
