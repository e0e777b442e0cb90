// The certificate check anyone may use without an account: the facts as printed on a coverage
// certificate and its code, answered by POST /api/certificates/verify as matching or not.
document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;
  const forms = window.CircleForms;
  const FIELDS = ['code', 'residentId', 'name', 'year', 'issuedOn', 'stationId'];

  window.Alpine.data('certificateCheck', () => ({
    facts: {
      code: '',
      residentId: '',
      name: '',
      year: forms.shanghaiToday().slice(0, 4),
      issuedOn: '',
      scheme: 'resident',
      status: 'active',
      region: 'taibai-lake',
      stationId: '',
    },
    regions: forms.CHOICES.regions,
    errors: {},
    verdict: null,
    problem: '',
    working: false,

    init() {
      this.$nextTick(() => document.querySelector('.verify [name=code]').focus());
    },

    edited(field) {
      if (this.errors[field]) this.errors = { ...this.errors, [field]: null };
      this.verdict = null;
      this.problem = '';
    },

    word(problem) {
      return problem ? this.$t(problem.key, problem.vars) : '';
    },

    readFacts() {
      const f = this.facts;
      const errors = {};
      const required = { key: 'bill.problem.required' };
      if (!f.code.trim()) errors.code = required;
      const id = forms.normalResidentId(f.residentId);
      const idProblem = forms.residentIdProblem(id, forms.shanghaiToday());
      if (idProblem) errors.residentId = { key: `bill.problem.${idProblem}` };
      if (!f.name.trim()) errors.name = required;
      if (!/^\d{4}$/.test(String(f.year).trim())) errors.year = { key: 'verify.problem.year' };
      if (!/^\d{4}-\d{2}-\d{2}$/.test(f.issuedOn)) errors.issuedOn = { key: 'bill.problem.date' };
      if (!f.stationId) errors.stationId = required;
      this.errors = errors;
      const first = FIELDS.find((name) => errors[name]);
      if (first) {
        document.querySelector(`.verify [name=${first}]`).focus();
        return null;
      }
      return {
        ...f,
        residentId: id,
        name: f.name.trim(),
        year: Number(f.year),
        code: f.code.trim(),
      };
    },

    async check() {
      if (this.working) return;
      const body = this.readFacts();
      if (!body) return;
      this.working = true;
      try {
        // A check stores nothing and needs no sign-in.
        const answer = await api('/api/certificates/verify', {
          method: 'POST',
          body,
          anonymous: true,
          idempotent: false,
        });
        this.verdict = answer.valid;
      } catch (error) {
        const problems = {};
        for (const { field, problem } of error.fields || [])
          if (FIELDS.includes(field) && !problems[field])
            problems[field] = { key: 'enrol.problem.server', vars: { problem } };
        this.errors = problems;
        if (!Object.keys(problems).length) this.problem = describeError(error, this.$store.i18n);
      } finally {
        this.working = false;
      }
    },
  }));
});
