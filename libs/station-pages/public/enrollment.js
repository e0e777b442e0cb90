// Resident enrollment beside a started ENROLL_RESIDENT ticket: the form with the year's
// contribution quoted live beside it, the enrollment, the payment with its printed receipt, the
// coverage certificate, and the ticket completed with the resident as its record.
window.CircleScreens.register('ENROLL_RESIDENT', 'enrollment');

document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;
  const forms = window.CircleForms;
  const FIELDS = ['residentId', 'name', 'phone', 'category', 'region', 'address', 'communityId'];
  const PAY_FIELDS = ['amount', 'method', 'reference'];
  const MOBILE = /^1\d{10}$/;
  // Refusals without a field name the person: they go on the ID the clerk typed.
  const CONFLICT_FIELDS = {
    already_enrolled: 'residentId',
    insured_as_employee: 'residentId',
    already_paid: 'amount',
  };

  const emptyResident = (residentId = '') => ({
    residentId,
    name: '',
    phone: '',
    category: 'general',
    region: 'taibai-lake',
    address: '',
    communityId: '',
  });
  const emptyPayment = () => ({ amount: '', method: 'cash', reference: '' });

  window.Alpine.data('enrollmentPanel', () => ({
    enrollingFor: null,
    enrollingNumber: '',
    resident: emptyResident(),
    errors: {},
    problem: '',
    quote: null,
    quoteFor: '',
    quoteTimer: null,
    enrolled: null,
    payment: emptyPayment(),
    payErrors: {},
    paid: null,
    completedAs: null,
    working: false,
    enrolKey: forms.keyKeeper(),
    payKey: forms.keyKeeper(),
    categories: ['general'],
    regions: forms.CHOICES.regions,
    methods: ['cash', 'bank', 'app'],

    init() {
      window.Circle.catalog().then(({ categories }) => (this.categories = categories));
      this.$watch('screenTicket', (ticket) => this.followEnrollment(ticket));
      this.followEnrollment(this.screenTicket);
    },

    get enrollmentShown() {
      return this.view === 'desk' && this.screen === 'enrollment';
    },
    get year() {
      return Number(forms.shanghaiToday().slice(0, 4));
    },
    get awaitingEnrollmentCompletion() {
      return Boolean(
        this.enrolled &&
        (this.paid || this.enrolled.outstandingFen === 0) &&
        this.current &&
        this.current.ticketId === this.enrollingFor,
      );
    },
    /** What the year's cover stands at: after the payment, or as enrolled. */
    get standing() {
      return (this.paid && this.paid.coverage) || this.enrolled;
    },

    /** The console opens the screen for a started ticket and lets go of it at the next call. */
    followEnrollment(ticket) {
      const mine = ticket && this.screen === 'enrollment';
      if (mine && ticket.ticketId !== this.enrollingFor) return this.beginEnrollment(ticket);
      if (!mine) this.closeEnrollment();
    },

    beginEnrollment(ticket) {
      this.resetEnrollment(ticket.residentId || '');
      this.enrollingFor = ticket.ticketId;
      this.enrollingNumber = ticket.number;
      this.focusIn('residentId');
      this.requote();
    },

    closeEnrollment() {
      // Another screen's ticket: nothing of this one to put away, and its papers are not ours.
      if (!this.enrollingFor && !this.enrolled) return;
      if (this.screen === 'enrollment') this.screen = null;
      this.enrollingFor = null;
      this.resetEnrollment();
    },

    resetEnrollment(residentId = '') {
      clearTimeout(this.quoteTimer);
      Object.assign(this, { resident: emptyResident(residentId), errors: {}, problem: '' });
      Object.assign(this, { quote: null, quoteFor: '', enrolled: null, paid: null });
      Object.assign(this, { payment: emptyPayment(), payErrors: {}, completedAs: null });
      this.enrolKey = forms.keyKeeper();
      this.payKey = forms.keyKeeper();
      this.$store.papers.clear();
    },

    edited(field) {
      if (this.errors[field]) this.errors = { ...this.errors, [field]: '' };
      this.problem = '';
      if (['residentId', 'category', 'region'].includes(field)) this.requote();
    },

    paymentEdited(field) {
      if (this.payErrors[field]) this.payErrors = { ...this.payErrors, [field]: '' };
      this.problem = '';
    },

    /** The quote follows the form as it changes: the ID gives the birth date, the rest the price. */
    requote() {
      clearTimeout(this.quoteTimer);
      this.quoteTimer = setTimeout(() => this.fetchQuote(), 200);
    },

    quoteQuestion() {
      const id = forms.normalResidentId(this.resident.residentId);
      if (forms.residentIdProblem(id, forms.shanghaiToday())) return null;
      const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
      const { region, category } = this.resident;
      return { region, year: this.year, category, birthDate };
    },

    async fetchQuote() {
      if (this.enrolled) return;
      const question = this.quoteQuestion();
      if (!question) {
        this.quote = null;
        this.quoteFor = '';
        return;
      }
      const asked = JSON.stringify(question);
      if (asked === this.quoteFor && this.quote) return;
      this.quoteFor = asked;
      try {
        // A quote stores nothing, so it needs no Idempotency-Key.
        const answer = await api('/api/contributions/quote', {
          method: 'POST',
          body: question,
          idempotent: false,
        });
        if (this.quoteFor === asked) this.quote = answer;
      } catch (error) {
        if (this.quoteFor !== asked) return;
        this.quote = null;
        const problems = this.refusal(error, FIELDS);
        this.errors = { ...this.errors, ...problems };
      }
    },

    /** The form as the API takes it, or null with every problem shown on its field. */
    readResident() {
      const r = this.resident;
      const errors = {};
      const id = forms.normalResidentId(r.residentId);
      const idProblem = forms.residentIdProblem(id, forms.shanghaiToday());
      if (idProblem) errors.residentId = { key: `bill.problem.${idProblem}` };
      const name = r.name.trim();
      if (!name) errors.name = { key: 'bill.problem.required' };
      else if (name.length > 50) errors.name = { key: 'enrol.problem.long', vars: { max: 50 } };
      const phone = r.phone.trim();
      if (phone && !MOBILE.test(phone)) errors.phone = { key: 'enrol.problem.phone' };
      if (r.address.trim().length > 200)
        errors.address = { key: 'enrol.problem.long', vars: { max: 200 } };
      if (r.communityId.trim().length > 64)
        errors.communityId = { key: 'enrol.problem.long', vars: { max: 64 } };
      this.errors = errors;
      const first = FIELDS.find((f) => errors[f]);
      if (first) {
        this.focusIn(first);
        return null;
      }
      const body = { residentId: id, name, category: r.category, region: r.region };
      body.year = this.year;
      if (phone) body.phone = phone;
      if (r.address.trim()) body.address = r.address.trim();
      if (r.communityId.trim()) body.communityId = r.communityId.trim();
      return body;
    },

    async enrol() {
      if (this.working || this.enrolled) return;
      this.problem = '';
      const body = this.readResident();
      if (!body) return;
      // A clerk quicker than the quote still sees it beside a refusal.
      clearTimeout(this.quoteTimer);
      this.fetchQuote();
      this.working = true;
      try {
        this.enrolled = await api('/api/residents', {
          method: 'POST',
          body,
          idempotencyKey: this.enrolKey(body),
        });
        this.enrolled.name = body.name;
        this.ticketRecord = this.enrolled.residentId;
        this.payment = { ...emptyPayment(), amount: this.yuan(this.enrolled.outstandingFen) };
      } catch (error) {
        return this.refused(error, FIELDS, 'errors');
      } finally {
        this.working = false;
      }
      // A share the government pays in full leaves nothing to take: cover starts now.
      if (this.enrolled.outstandingFen === 0) await this.completeEnrollment();
      else this.focusIn('amount');
    },

    async pay() {
      if (this.working || !this.enrolled || this.paid) return;
      this.problem = '';
      const errors = {};
      const amount = forms.yuanToFen(this.payment.amount);
      if (amount.problem) errors.amount = { key: `bill.problem.${amount.problem}` };
      else if (amount.fen <= 0) errors.amount = { key: 'enrol.problem.positive' };
      else if (amount.fen > this.enrolled.outstandingFen)
        errors.amount = {
          key: 'enrol.problem.aboveOutstanding',
          vars: { amount: this.yuan(this.enrolled.outstandingFen) },
        };
      const reference = this.payment.reference.trim();
      if (reference.length > 64)
        errors.reference = { key: 'enrol.problem.long', vars: { max: 64 } };
      this.payErrors = errors;
      const first = PAY_FIELDS.find((f) => errors[f]);
      if (first) return this.focusIn(first);
      const body = { amountFen: amount.fen, method: this.payment.method };
      if (reference && this.payment.method !== 'cash') body.reference = reference;
      const { residentId, year } = this.enrolled;
      this.working = true;
      try {
        const answer = await api(
          `/api/residents/${encodeURIComponent(residentId)}/contributions/${year}/payments`,
          { method: 'POST', body, idempotencyKey: this.payKey(body) },
        );
        this.paid = { ...answer, method: body.method, at: new Date().toISOString() };
        this.$store.papers.keepReceipt(this.receiptFacts());
      } catch (error) {
        return this.refused(error, PAY_FIELDS, 'payErrors');
      } finally {
        this.working = false;
      }
      await this.completeEnrollment();
    },

    receiptFacts() {
      return {
        receiptNumber: this.paid.receiptNumber,
        amountFen: this.paid.amountFen,
        method: this.paid.method,
        at: this.paid.at,
        residentId: this.enrolled.residentId,
        name: this.enrolled.name,
        stationId: this.stationId,
        coverage: this.paid.coverage,
      };
    },

    /** The ticket completes as done with the resident as its record. */
    async completeEnrollment() {
      if (!this.awaitingEnrollmentCompletion || this.busy) return;
      const residentId = this.enrolled.residentId;
      // Set first: the screen stays up when the console lets go of the completed ticket.
      this.completedAs = { number: this.enrollingNumber, residentId };
      if (!(await this.finishWithRecord(residentId, 'resident'))) this.completedAs = null;
    },

    printReceipt() {
      if (this.paid) this.$store.papers.print('receipt');
    },

    printCertificate() {
      if (this.enrolled)
        this.$store.papers.printCertificate(this.enrolled.residentId, this.enrolled.year);
    },

    /** The API's refusal on the fields it names, in the reader's words where they are known. */
    refusal(error, fields) {
      const problems = {};
      for (const { field, problem } of error.fields || []) {
        const name = field === 'amountFen' ? 'amount' : field;
        if (fields.includes(name) && !problems[name])
          problems[name] = this.serverWords(name, problem);
      }
      const conflict = CONFLICT_FIELDS[error.error];
      if (conflict && fields.includes(conflict))
        problems[conflict] = {
          key: `enrol.api.${error.error}`,
          vars: { year: this.year, message: error.message },
        };
      return problems;
    },

    /** The API checks an ID as the form does, so the form's own words name its problem. */
    serverWords(field, problem) {
      if (field === 'residentId') {
        const found = forms.residentIdProblem(this.resident.residentId, forms.shanghaiToday());
        if (found) return { key: `bill.problem.${found}` };
      }
      return { key: 'enrol.problem.server', vars: { problem } };
    },

    refused(error, fields, into) {
      const problems = this.refusal(error, fields);
      this[into] = problems;
      const first = fields.find((f) => problems[f]);
      if (first) this.focusIn(first);
      else this.problem = describeError(error, this.$store.i18n);
    },

    /** A problem kept as its words' key, so it follows the language switch. */
    word(problem) {
      return problem ? this.$t(problem.key, problem.vars) : '';
    },

    yuan(fen) {
      return forms.formatYuan(fen).replace(/,/g, '');
    },

    /** Waits a few frames for a section about to be shown: a hidden field takes no focus. */
    focusIn(name, frames = 10) {
      const input = document.querySelector(`.enrollment [name=${name}]`);
      if (input && input.offsetParent && !input.disabled) input.focus();
      else if (frames > 0) requestAnimationFrame(() => this.focusIn(name, frames - 1));
    },

    // Enter submits the form it is typed in (the forms do that); P prints the receipt, E the
    // certificate; F completes the ticket if it is still open; Esc leaves a field, then the screen.
    enrollmentKey(event) {
      if (!this.enrollmentShown || this.dialog || this.phase !== 'work') return;
      const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName);
      if (event.key === 'Escape') {
        if (typing) return event.target.blur();
        if (this.completedAs && !this.current) this.closeScreen();
        return;
      }
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      const act = { p: 'printReceipt', e: 'printCertificate', f: 'completeEnrollment' }[key];
      if (!act) return;
      event.preventDefault();
      this[act]();
    },
  }));
});
