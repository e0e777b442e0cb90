// Employer and employee enrollment beside a started ENROLL_EMPLOYEE ticket: the employer by its
// unified social credit code (looked up, or registered when it is not on record), its employees
// one by one or from a CSV roll, and the ticket completed with the employer's code as its record.
document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;
  const forms = window.CircleForms;
  const check = window.CircleEmployerForm;
  const BUSINESS = 'ENROLL_EMPLOYEE';
  const EMPLOYER_FIELDS = ['creditCode', 'name', 'region', 'address', 'contactPhone'];
  const EMPLOYEE_FIELDS = ['residentId', 'name', 'phone', 'joinedOn'];
  // Refusals the dictionaries word by their code, shown on the field they concern.
  const CONFLICT_FIELDS = {
    employer_registered: 'creditCode',
    already_employed: 'residentId',
    employed_elsewhere: 'residentId',
  };

  const emptyEmployer = () => ({ name: '', region: 'taibai-lake', address: '', contactPhone: '' });
  const emptyEmployee = () => ({
    residentId: '',
    name: '',
    phone: '',
    joinedOn: forms.shanghaiToday(),
  });

  window.CircleScreens.register(BUSINESS, 'employer');

  window.Alpine.data('employerPanel', () => ({
    enrollingFor: null,
    creditCode: '',
    employer: null,
    registering: false,
    draft: emptyEmployer(),
    errors: {},
    employee: emptyEmployee(),
    employeeErrors: {},
    enrolledHere: [],
    problem: '',
    working: false,
    regions: forms.CHOICES.regions,
    registerKey: forms.keyKeeper(),
    employeeKey: forms.keyKeeper(),
    ...window.CircleEmployeeRoll.part(),

    init() {
      this.$watch('screenTicket', (ticket) => this.followEmployer(ticket));
      this.followEmployer(this.screenTicket);
    },

    /** Work is done for the ticket being served; once it completes the screen only shows. */
    ticketOpen() {
      const ticket = this.current;
      return Boolean(
        ticket && ticket.ticketId === this.enrollingFor && ticket.status === 'serving',
      );
    },
    employerShown() {
      return this.view === 'desk' && this.screen === 'employer';
    },
    awaitingEmployerCompletion() {
      return Boolean(this.employer && this.ticketOpen());
    },

    /** The console opens the screen on a started ticket; a new call (null here) resets it. */
    followEmployer(ticket) {
      const mine = ticket && ticket.business === BUSINESS;
      if (mine && ticket.ticketId === this.enrollingFor) return;
      this.resetEmployer();
      this.enrollingFor = mine ? ticket.ticketId : null;
      if (mine) this.focusIn('creditCode');
    },

    resetEmployer() {
      Object.assign(this, {
        creditCode: '',
        employer: null,
        registering: false,
        draft: emptyEmployer(),
        errors: {},
        employee: emptyEmployee(),
        employeeErrors: {},
        enrolledHere: [],
        problem: '',
      });
      this.registerKey = forms.keyKeeper();
      this.employeeKey = forms.keyKeeper();
      this.resetRoll();
    },

    /** A problem as the reader's words: a dictionary key with its values, or the API's text. */
    word(found) {
      if (!found) return '';
      if (typeof found === 'string') return this.$t(`check.${found}`);
      return found.key ? this.$t(`check.${found.key}`, found.vars) : found.text;
    },

    /** The API's refusal as problems on the fields it names, in the fields the form has. */
    refusal(error, fields) {
      const problems = {};
      for (const { field, problem } of error.fields || [])
        if (fields.includes(field) && !problems[field])
          problems[field] = check.serverProblem(field, problem);
      const conflict = CONFLICT_FIELDS[error.error];
      // The API names the other employer at the end of its message; the words are ours.
      const employer = /employee of (.+)$/.exec(error.message || '');
      if (conflict && fields.includes(conflict))
        problems[conflict] = { key: error.error, vars: { employer: employer ? employer[1] : '' } };
      return problems;
    },

    async lookUp() {
      if (this.working) return;
      const found = check.creditCodeProblem(this.creditCode);
      this.errors = found ? { creditCode: found } : {};
      this.problem = '';
      if (found) return this.focusIn('creditCode');
      const code = check.normalCreditCode(this.creditCode);
      this.creditCode = code;
      this.working = true;
      try {
        this.employer = await api(`/api/employers/${encodeURIComponent(code)}`);
        this.registering = false;
        this.ticketRecord = code;
        this.focusIn('residentId');
      } catch (error) {
        this.employer = null;
        if (error.status === 404) {
          this.registering = true;
          this.focusIn('employerName');
        } else this.employerRefused(error, EMPLOYER_FIELDS);
      } finally {
        this.working = false;
      }
    },

    async register() {
      if (this.working || !this.registering) return;
      const d = this.draft;
      const errors = {};
      const code = check.creditCodeProblem(this.creditCode);
      if (code) errors.creditCode = code;
      const name = check.textProblem(d.name, 100, true);
      if (name) errors.name = name;
      const address = check.textProblem(d.address, 200, false);
      if (address) errors.address = address;
      const phone = check.textProblem(d.contactPhone, 32, false);
      if (phone) errors.contactPhone = phone;
      this.errors = errors;
      this.problem = '';
      const first = EMPLOYER_FIELDS.find((f) => errors[f]);
      if (first) return this.focusIn(first === 'name' ? 'employerName' : first);
      const body = {
        creditCode: check.normalCreditCode(this.creditCode),
        name: d.name.trim(),
        region: d.region,
      };
      if (d.address.trim()) body.address = d.address.trim();
      if (d.contactPhone.trim()) body.contactPhone = d.contactPhone.trim();
      this.working = true;
      try {
        await api('/api/employers', {
          method: 'POST',
          body,
          idempotencyKey: this.registerKey(body),
        });
        this.registering = false;
        this.working = false;
        await this.lookUp();
      } catch (error) {
        this.employerRefused(error, EMPLOYER_FIELDS);
      } finally {
        this.working = false;
      }
    },

    employerRefused(error, fields) {
      const problems = this.refusal(error, fields);
      this.errors = problems;
      const first = fields.find((f) => problems[f]);
      if (first) this.focusIn(first === 'name' ? 'employerName' : first);
      else this.problem = describeError(error, this.$store.i18n);
    },

    async enrolOne() {
      if (this.working || !this.employer) return;
      const { body, problems } = check.checkEmployee(this.employee, forms.shanghaiToday());
      this.employeeErrors = problems;
      this.problem = '';
      const first = EMPLOYEE_FIELDS.find((f) => problems[f]);
      if (first) return this.focusIn(first === 'name' ? 'employeeName' : first);
      this.working = true;
      try {
        const answer = await this.sendEmployee(body, this.employeeKey(body));
        this.enrolledHere.push(answer.residentId);
        this.employee = emptyEmployee();
        this.employeeKey = forms.keyKeeper();
        await this.reloadEmployer();
        this.focusIn('residentId');
      } catch (error) {
        const refused = this.refusal(error, EMPLOYEE_FIELDS);
        this.employeeErrors = refused;
        const field = EMPLOYEE_FIELDS.find((f) => refused[f]);
        if (field) this.focusIn(field === 'name' ? 'employeeName' : field);
        else this.problem = describeError(error, this.$store.i18n);
      } finally {
        this.working = false;
      }
    },

    sendEmployee(body, idempotencyKey) {
      const code = encodeURIComponent(this.employer.employer.creditCode);
      return api(`/api/employers/${code}/employees`, { method: 'POST', body, idempotencyKey });
    },

    async reloadEmployer() {
      const code = encodeURIComponent(this.employer.employer.creditCode);
      this.employer = await api(`/api/employers/${code}`).catch(() => this.employer);
    },

    /** The ticket completes as done with the employer, whose roll holds who joined, as its record. */
    async finishEmployer() {
      if (!this.awaitingEmployerCompletion() || this.busy) return;
      await this.finishWithRecord(this.employer.employer.creditCode, 'employer');
    },

    onRollNow(residentId) {
      return Boolean(
        this.employer &&
        this.employer.employees.some((e) => e.residentId === residentId && !e.leftOn),
      );
    },

    /** Waits a few frames for a section about to be shown: a hidden field takes no focus. */
    focusIn(name, frames = 10) {
      const input = document.querySelector(`.employer [name=${name}]`);
      if (input && input.offsetParent && !input.disabled) input.focus();
      else if (frames > 0) requestAnimationFrame(() => this.focusIn(name, frames - 1));
    },

    // Enter submits the form it is typed in (the forms do that); Ctrl+Enter in the roll checks
    // it; F completes the ticket; Esc leaves a field, then the registration.
    employerKey(event) {
      if (!this.employerShown() || this.dialog || this.phase !== 'work') return;
      const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName);
      if (event.key === 'Escape') {
        if (typing) return event.target.blur();
        if (this.registering) {
          this.registering = false;
          return this.focusIn('creditCode');
        }
        return;
      }
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        if (event.target.name !== 'roll') return;
        event.preventDefault();
        return this.checkRoll();
      }
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'f' && this.awaitingEmployerCompletion()) {
        event.preventDefault();
        this.finishEmployer();
      } else if (key === 'l' && this.employer) {
        event.preventDefault();
        this.chooseRollFile();
      }
    },
  }));
});
