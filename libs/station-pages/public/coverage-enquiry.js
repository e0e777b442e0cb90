// The coverage enquiry beside a started COVERAGE_ENQUIRY ticket: the resident's cover as the
// station reads it (years, payments, qualifications, filings), the printed certificate with its
// verification code, and the ticket completed with the resident as its record.
window.CircleScreens.register('COVERAGE_ENQUIRY', 'coverage');

document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;
  const forms = window.CircleForms;

  window.Alpine.data('coveragePanel', () => ({
    enquiringFor: null,
    enquiringNumber: '',
    residentId: '',
    idProblem: null,
    problem: '',
    found: null,
    completedAs: null,
    working: false,

    init() {
      this.$watch('screenTicket', (ticket) => this.followEnquiry(ticket));
      this.followEnquiry(this.screenTicket);
    },

    get enquiryShown() {
      return this.view === 'desk' && this.screen === 'coverage';
    },
    get awaitingEnquiryCompletion() {
      return Boolean(this.found && this.current && this.current.ticketId === this.enquiringFor);
    },

    /** The console opens the screen for a started ticket and lets go of it at the next call. */
    followEnquiry(ticket) {
      const mine = ticket && this.screen === 'coverage';
      if (mine && ticket.ticketId !== this.enquiringFor) return this.beginEnquiry(ticket);
      if (!mine) this.closeEnquiry();
    },

    beginEnquiry(ticket) {
      this.resetEnquiry(ticket.residentId || '');
      this.enquiringFor = ticket.ticketId;
      this.enquiringNumber = ticket.number;
      this.focusId();
      if (ticket.residentId) this.look();
    },

    closeEnquiry() {
      // Another screen's ticket: nothing of this one to put away, and its papers are not ours.
      if (!this.enquiringFor && !this.found) return;
      if (this.screen === 'coverage') this.screen = null;
      this.enquiringFor = null;
      this.resetEnquiry();
    },

    resetEnquiry(residentId = '') {
      Object.assign(this, { residentId, idProblem: null, problem: '', found: null });
      this.completedAs = null;
      this.$store.papers.clear();
    },

    async look() {
      if (this.working) return;
      const id = forms.normalResidentId(this.residentId);
      const problem = forms.residentIdProblem(id, forms.shanghaiToday());
      this.idProblem = problem ? { key: `bill.problem.${problem}` } : null;
      this.problem = '';
      if (problem) return this.focusId();
      this.working = true;
      try {
        this.found = await api(`/api/residents/${encodeURIComponent(id)}/coverage`);
        this.ticketRecord = this.found.residentId;
      } catch (error) {
        this.found = null;
        if (error.status === 404) this.idProblem = { key: 'coverage.notOnRecord' };
        else if (error.fields.some((f) => f.field === 'residentId'))
          this.idProblem = {
            key: 'enrol.problem.server',
            vars: { problem: error.fields[0].problem },
          };
        else this.problem = describeError(error, this.$store.i18n);
        this.focusId();
      } finally {
        this.working = false;
      }
    },

    /** The console's person finder, for a resident without their ID card. */
    async pickPerson() {
      if (!this.canPickPerson || this.working) return;
      const person = await this.findPerson();
      if (!person) return this.focusId();
      this.residentId = person.residentId;
      await this.look();
    },

    get canPickPerson() {
      return typeof this.findPerson === 'function' && !this.completedAs && !this.dialog;
    },

    printCertificate() {
      if (this.found && this.found.status !== 'not-enrolled')
        this.$store.papers.printCertificate(this.found.residentId, this.found.year);
    },

    /** The ticket completes as done with the resident asked about as its record. */
    async completeEnquiry() {
      if (!this.awaitingEnquiryCompletion || this.busy) return;
      const residentId = this.found.residentId;
      this.completedAs = { number: this.enquiringNumber, residentId };
      if (!(await this.finishWithRecord(residentId, 'resident'))) this.completedAs = null;
    },

    /** A problem kept as its words' key, so it follows the language switch. */
    word(problem) {
      return problem ? this.$t(problem.key, problem.vars) : '';
    },

    focusId(frames = 10) {
      const input = document.querySelector('.coverage-enquiry [name=residentId]');
      if (input && input.offsetParent) input.focus();
      else if (frames > 0) requestAnimationFrame(() => this.focusId(frames - 1));
    },

    // Enter looks the ID up; P finds the person by name or phone; E prints the certificate; F
    // completes; Esc leaves a field, then the screen once the ticket is done.
    enquiryKey(event) {
      if (!this.enquiryShown || this.dialog || this.phase !== 'work') return;
      const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName);
      if (event.key === 'Escape') {
        if (typing) return event.target.blur();
        if (this.completedAs && !this.current) this.closeScreen();
        return;
      }
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      const act = { e: 'printCertificate', f: 'completeEnquiry', p: 'pickPerson' }[
        event.key.toLowerCase()
      ];
      if (!act) return;
      event.preventDefault();
      this[act]();
    },
  }));
});
