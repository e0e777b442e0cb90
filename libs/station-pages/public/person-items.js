// What the filing, qualification and transfer screens share: a resident looked up by ID with
// the items on their file, the clock of a pending item read as time left or overdue, and the
// API's refusal turned into words on the field it names.
(() => {
  const MINUTE = 60_000;

  /** {overdue, minutes}: how far the deadline is from now, whole minutes either way. */
  function clockOf(deadline, now = Date.now()) {
    const left = Math.floor((new Date(deadline).getTime() - now) / MINUTE);
    return { overdue: left < 0, minutes: Math.abs(left) };
  }

  /** The clock as the clerk reads it: "剩 5 小时 12 分" or "已超时 2 天 3 小时". */
  function clockWords(deadline, now, t) {
    if (!deadline) return '';
    const { overdue, minutes } = clockOf(deadline, now);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const time =
      days > 0
        ? t('items.days', { days, hours })
        : hours > 0
          ? t('items.hours', { hours, minutes: minutes % 60 })
          : t('items.minutes', { minutes });
    return t(overdue ? 'items.overdue' : 'items.left', { time });
  }

  /**
   * The API's words for a field's problem, matched to the screens' own words; an unknown one
   * is shown as the API wrote it rather than hidden.
   */
  const KNOWN = [
    [/^must be a date written|is not a real date/, 'check.date'],
    [/^has no enrollment/, 'items.problem.notEnrolled'],
    [/^must be one of/, 'check.choice'],
    [/^is required/, 'check.required'],
    [/^must not be before validFrom/, 'filing.problem.toBeforeFrom'],
    [/^no filing is needed/, 'filing.problem.notNeeded'],
    [/^must differ from/, 'transfer.problem.sameRegion'],
  ];

  function problemWords(text) {
    const known = KNOWN.find(([pattern]) => pattern.test(text));
    return known ? { key: known[1] } : { text };
  }

  /**
   * A refusal as {field: problem}. The fields the API names come first; a refusal that names no
   * field lands where the screen says it belongs (`onField`: code or status → field and word).
   */
  function refusalOf(error, fields, onField = {}) {
    const problems = {};
    for (const { field, problem } of error.fields || [])
      if (fields.includes(field) && !problems[field]) problems[field] = problemWords(problem);
    if (Object.keys(problems).length) return problems;
    const placed = onField[error.error] || onField[error.status];
    if (placed) problems[placed.field] = { key: placed.key };
    return problems;
  }

  /** An ID checked as the API checks it: the problem's key, or null with the ID written right. */
  function residentIdOf(raw) {
    const forms = window.CircleForms;
    const id = forms.normalResidentId(raw);
    return { id, problem: forms.residentIdProblem(id, forms.shanghaiToday()) };
  }

  /**
   * The person's file as the coverage view has it: years, qualifications, filings, transfers.
   * A hospital station may not read it (coverage enquiry is not its business): the screen then
   * works on what it makes itself, and the API checks the person when the work is sent.
   */
  async function fileOf(residentId) {
    try {
      return await window.Circle.api(`/api/residents/${encodeURIComponent(residentId)}/coverage`);
    } catch (error) {
      if (error.status !== 403) throw error;
      return { residentId, unreadable: true, qualifications: [], filings: [], transfers: [] };
    }
  }

  /** The station's pending qualifications or transfers, the most urgent first ([] if unread). */
  function openAtStation(kind) {
    return window.Circle.api(`/api/${kind}s/open`).catch(() => []);
  }

  /** A record this screen made, kept in view where the file itself cannot be read. */
  function withMade(file, list, idField, record) {
    if (!file.unreadable) return file;
    const others = file[list].filter((r) => r[idField] !== record[idField]);
    return { ...file, [list]: [...others, record] };
  }

  /** The words of a field's problem: a check key, {key, vars}, or the API's own {text}. */
  function wordOf(found, t) {
    if (!found) return '';
    if (typeof found === 'string') return t(`check.${found}`);
    return found.key ? t(found.key, found.vars) : found.text;
  }

  function focusIn(selector, name, frames = 10) {
    const input = document.querySelector(`${selector} [name=${name}]`);
    if (input && input.offsetParent && !input.disabled) input.focus();
    else if (frames > 0) requestAnimationFrame(() => focusIn(selector, name, frames - 1));
  }

  window.CirclePersonItems = {
    clockOf,
    clockWords,
    problemWords,
    refusalOf,
    residentIdOf,
    fileOf,
    withMade,
    openAtStation,
    wordOf,
    focusIn,
  };
})();
