// What the employer and information-change screens check before sending: credit codes as
// GB 32100 checks them, mobiles and dates as the API does, and an employer's CSV roll of
// employees, each bad row named by its line and field. Problems are dictionary keys.
(() => {
  // GB 32100-2015: 31 characters without I, O, S, V, Z; a character's value is its place here.
  const CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const MOBILE = /^1\d{10}$/;
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  // Anything the API refuses in text: controls, bidirectional and zero-width characters.
  // eslint-disable-next-line no-control-regex
  const HIDDEN =
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069\u061c\ufeff]/;
  // A roll bigger than this is a batch job for the employer's own system, not a counter.
  const MAX_ROWS = 500;
  // Column headings the roll may use, as employers' spreadsheets write them.
  const COLUMNS = {
    residentId: ['residentid', '身份证号', '身份证号码', '公民身份号码', 'id'],
    name: ['name', '姓名'],
    phone: ['phone', '手机号', '手机号码', '联系电话', 'mobile'],
    joinedOn: ['joinedon', '参保日期', '入职日期', 'joined'],
  };
  const REQUIRED_COLUMNS = ['residentId', 'name', 'joinedOn'];

  function normalCreditCode(raw) {
    return String(raw ?? '')
      .trim()
      .toUpperCase();
  }

  /** The API's order of checks, so the clerk hears the same reason before sending. */
  function creditCodeProblem(raw) {
    const code = normalCreditCode(raw);
    if (!code) return 'required';
    if (code.length !== 18) return 'codeLength';
    if ([...code].some((c) => !CODE_CHARACTERS.includes(c))) return 'codeCharacters';
    if (!/^\d{6}$/.test(code.slice(2, 8))) return 'codeArea';
    const total = CODE_WEIGHTS.reduce(
      (sum, weight, i) => sum + weight * CODE_CHARACTERS.indexOf(code[i]),
      0,
    );
    return CODE_CHARACTERS[(31 - (total % 31)) % 31] === code[17] ? null : 'codeCheck';
  }

  function mobileProblem(raw, required = false) {
    const text = String(raw ?? '').trim();
    if (!text) return required ? 'required' : null;
    return MOBILE.test(text) ? null : 'mobile';
  }

  function dateProblem(raw) {
    const text = String(raw ?? '').trim();
    if (!text) return 'required';
    if (!DATE.test(text)) return 'date';
    const [y, m, d] = text.split('-').map(Number);
    const day = new Date(Date.UTC(y, m - 1, d));
    return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d
      ? null
      : 'date';
  }

  /** Free text the API takes: required or not, within its length, nothing hidden in it. */
  function textProblem(raw, max, required) {
    const text = String(raw ?? '').trim();
    if (!text) return required ? 'required' : null;
    if (HIDDEN.test(text)) return 'hidden';
    return [...text].length > max ? 'tooLong' : null;
  }

  /** One employee as the API takes them, with the problems of each field. */
  function checkEmployee(raw, today) {
    const forms = window.CircleForms;
    const employee = {
      residentId: forms.normalResidentId(raw.residentId),
      name: String(raw.name ?? '').trim(),
      phone: String(raw.phone ?? '').trim(),
      joinedOn: String(raw.joinedOn ?? '').trim(),
    };
    const problems = {};
    const id = forms.residentIdProblem(employee.residentId, today);
    if (id) problems.residentId = id;
    const name = textProblem(employee.name, 50, true);
    if (name) problems.name = name;
    const phone = mobileProblem(employee.phone);
    if (phone) problems.phone = phone;
    const joined = dateProblem(employee.joinedOn);
    if (joined) problems.joinedOn = joined;
    else if (!id && employee.joinedOn < birthDate(employee.residentId))
      problems.joinedOn = 'beforeBirth';
    const body = {
      residentId: employee.residentId,
      name: employee.name,
      joinedOn: employee.joinedOn,
    };
    if (employee.phone) body.phone = employee.phone;
    return { body, problems };
  }

  function birthDate(residentId) {
    return `${residentId.slice(6, 10)}-${residentId.slice(10, 12)}-${residentId.slice(12, 14)}`;
  }

  function columnOf(heading) {
    const name = String(heading ?? '')
      .replace(/^\ufeff/, '')
      .replace(/\s+/g, '')
      .toLowerCase();
    return Object.keys(COLUMNS).find((column) => COLUMNS[column].includes(name)) || null;
  }

  /** The line each parsed row starts on: quoted fields may span lines, so count, not index. */
  function rowsWithLines(text) {
    const rows = [];
    let start = 0;
    window.Papa.parse(text, {
      skipEmptyLines: false,
      step: ({ data, meta }) => {
        const line = 1 + (text.slice(0, start).match(/\r\n|\r|\n/g) || []).length;
        rows.push({ line, cells: data });
        start = meta.cursor;
      },
    });
    return rows;
  }

  /**
   * An employer's roll: a heading line naming the columns, then one employee a line.
   * Returns the employees to send and every problem, `{line, field, problem}`; blank lines are
   * passed over, and an ID twice on the roll is named on its second line.
   */
  function readRoll(text, today) {
    const source = String(text ?? '').replace(/^\ufeff/, '');
    const [heading, ...lines] = rowsWithLines(source).filter((row) =>
      row.cells.some((cell) => String(cell).trim()),
    );
    if (!heading)
      return { employees: [], problems: [{ line: 1, field: 'roll', problem: 'empty' }] };
    const columns = heading.cells.map(columnOf);
    const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
    if (missing.length)
      return {
        employees: [],
        problems: missing.map((field) => ({ line: heading.line, field, problem: 'missingColumn' })),
      };
    if (lines.length > MAX_ROWS)
      return {
        employees: [],
        problems: [{ line: lines[MAX_ROWS].line, field: 'roll', problem: 'tooManyRows' }],
      };
    const employees = [];
    const problems = [];
    const seen = new Map();
    for (const { line, cells } of lines) {
      const raw = {};
      columns.forEach((column, i) => {
        if (column && raw[column] === undefined) raw[column] = cells[i] ?? '';
      });
      const { body, problems: found } = checkEmployee(raw, today);
      if (!found.residentId && seen.has(body.residentId))
        found.residentId = { problem: 'twiceOnRoll', vars: { line: seen.get(body.residentId) } };
      if (!seen.has(body.residentId)) seen.set(body.residentId, line);
      for (const field of ['residentId', 'name', 'phone', 'joinedOn'])
        if (found[field]) {
          const { problem, vars } =
            typeof found[field] === 'string' ? { problem: found[field] } : found[field];
          problems.push({ line, field, problem, ...(vars ? { vars } : {}) });
        }
      employees.push({ line, body, bad: Object.keys(found).length > 0 });
    }
    if (!employees.length)
      problems.push({ line: heading.line + 1, field: 'roll', problem: 'empty' });
    return { employees, problems };
  }

  // The API's field problems in English, read back into dictionary keys where they are known.
  const SERVER_PROBLEMS = {
    creditCode: [
      [/has 18 characters/, 'codeLength'],
      [/cannot appear/, 'codeCharacters'],
      [/area code/, 'codeArea'],
      [/check character/, 'codeCheck'],
    ],
    residentId: [
      [/has 18 characters/, 'idLength'],
      [/must all be digits|must be a digit or X/, 'idCharacters'],
      [/area code/, 'idArea'],
      [/birth|born|date/i, 'idBirthDate'],
      [/check character/, 'idCheckDigit'],
    ],
    joinedOn: [
      [/birth date/, 'beforeBirth'],
      [/YYYY-MM-DD|not a real date/, 'date'],
    ],
    phone: [[/11-digit mobile/, 'mobile']],
    contactPhone: [[/11-digit mobile/, 'mobile']],
    category: [[/must be one of/, 'choice']],
    region: [[/region/, 'region']],
  };

  /** `{key}` for a problem the dictionaries word, otherwise `{text}` as the API said it. */
  function serverProblem(field, text) {
    const known = (SERVER_PROBLEMS[field] || []).find(([pattern]) => pattern.test(text));
    return known ? { key: known[1] } : { text };
  }

  window.CircleEmployerForm = {
    COLUMNS,
    normalCreditCode,
    creditCodeProblem,
    mobileProblem,
    dateProblem,
    textProblem,
    checkEmployee,
    readRoll,
    serverProblem,
  };
})();
