// The hospital clerk's discharge settlement, beside the ticket being served: the bill, its quote
// layer by layer, the settlement, its printed statement, and the ticket completed with the
// settlement id as its record. Lives inside the console and uses its ticket and messages.
document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;
  const forms = window.CircleForms;
  // The hospital's desk settles a discharge and a general outpatient visit the same way.
  const SETTINGS_OF = { DISCHARGE_SETTLEMENT: 'inpatient', OUTPATIENT_SETTLEMENT: 'outpatient' };
  const FIELDS = [
    'residentId',
    'admissionId',
    'date',
    'region',
    'scheme',
    'insuredCategory',
    'setting',
    'disease',
    'total',
    'inScope',
    'tier',
  ];

  const emptyBill = (residentId = '', setting = 'inpatient') => ({
    residentId,
    admissionId: '',
    date: forms.shanghaiToday(),
    region: 'taibai-lake',
    scheme: 'resident',
    insuredCategory: 'general',
    setting,
    disease: '',
    total: '',
    inScope: '',
  });

  window.Alpine.data('settlementPanel', () => ({
    bill: emptyBill(),
    billErrors: {},
    billProblem: '',
    settlingFor: null,
    settlingBusiness: null,
    quoted: null,
    result: null,
    settled: null,
    working: false,
    settleKey: forms.keyKeeper(),
    choices: { ...forms.CHOICES, categories: ['general'] },

    init() {
      window.Circle.catalog().then(({ categories }) => {
        this.choices = { ...this.choices, categories };
      });
      this.$watch('current', (ticket) => this.follow(ticket));
      this.follow(this.current);
    },

    get today() {
      return forms.shanghaiToday();
    },
    get shown() {
      return this.view === 'desk' && this.screen === 'settlement';
    },
    /** The quote on screen is for exactly the bill in the form (the admission aside). */
    get quoteCurrent() {
      return Boolean(this.quoted && this.quoted.form === this.formKey());
    },
    get canSettle() {
      return !this.working && !this.settled && this.quoteCurrent;
    },
    get awaitingCompletion() {
      return Boolean(this.settled && this.current && this.current.ticketId === this.settlingFor);
    },

    /** Opens on a started discharge ticket; a settled bill stays up until the next call. */
    follow(ticket) {
      const serving = ticket && SETTINGS_OF[ticket.business] && ticket.status === 'serving';
      if (serving && ticket.ticketId !== this.settlingFor) return this.begin(ticket);
      if (serving || (!ticket && this.settled)) return;
      this.closeSettlement();
    },

    begin(ticket) {
      this.resetSettlement(ticket.residentId || '', SETTINGS_OF[ticket.business]);
      this.settlingFor = ticket.ticketId;
      this.settlingBusiness = ticket.business;
      this.screen = 'settlement';
      this.focusField('residentId');
    },

    closeSettlement() {
      if (this.screen === 'settlement') this.screen = null;
      this.settlingFor = null;
      this.resetSettlement();
    },

    resetSettlement(residentId = '', setting = 'inpatient') {
      Object.assign(this, {
        bill: emptyBill(residentId, setting),
        billErrors: {},
        billProblem: '',
      });
      Object.assign(this, { quoted: null, result: null, settled: null });
      this.settleKey = forms.keyKeeper();
      this.$store.statement.clear();
    },

    formKey() {
      const { admissionId, ...rest } = this.bill;
      void admissionId;
      return JSON.stringify(rest);
    },

    edited(field) {
      if (this.billErrors[field]) this.billErrors = { ...this.billErrors, [field]: '' };
      this.billProblem = '';
    },

    /** The bill as the API takes it, or null with every problem shown on its field. */
    readBill(forSettlement) {
      const t = (key) => this.$t(`bill.problem.${key}`);
      const b = this.bill;
      const errors = {};
      const residentId = forms.normalResidentId(b.residentId);
      if (residentId || forSettlement) {
        const problem = forms.residentIdProblem(residentId, this.today);
        if (problem) errors.residentId = t(problem);
      }
      const admission = forms.admissionProblem(b.admissionId, forSettlement);
      if (admission) errors.admissionId = t(admission);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(b.date)) errors.date = t('date');
      else if (b.date > this.today) errors.date = t('future');
      if (b.setting === 'chronic-outpatient' && !b.disease) errors.disease = t('disease');
      const total = forms.yuanToFen(b.total);
      const inScope = forms.yuanToFen(b.inScope);
      if (total.problem) errors.total = t(total.problem);
      if (inScope.problem) errors.inScope = t(inScope.problem);
      else if (!total.problem && inScope.fen > total.fen) errors.inScope = t('inScopeAboveTotal');
      if (!this.station || !this.station.tier) errors.tier = t('tier');
      this.billErrors = errors;
      const first = FIELDS.find((f) => errors[f]);
      if (first) {
        this.focusField(first);
        return null;
      }
      const body = {
        region: b.region,
        date: b.date,
        scheme: b.scheme,
        insuredCategory: b.insuredCategory,
        setting: b.setting,
        tier: this.station.tier,
        totalFen: total.fen,
        inScopeFen: inScope.fen,
      };
      if (b.setting === 'chronic-outpatient') body.disease = b.disease;
      if (residentId) body.residentId = residentId;
      if (forSettlement) body.admissionId = b.admissionId.trim();
      return body;
    },

    async quote() {
      if (this.working || this.settled) return;
      this.billProblem = '';
      const body = this.readBill(false);
      if (!body) return;
      this.working = true;
      try {
        // A quote stores nothing, so it needs no Idempotency-Key.
        const answer = await api('/api/settlements/quote', {
          method: 'POST',
          body,
          idempotent: false,
        });
        this.quoted = { form: this.formKey(), answer };
        this.result = answer;
        this.showResult();
      } catch (error) {
        this.refused(error);
      } finally {
        this.working = false;
      }
    },

    async settle() {
      if (!this.canSettle) return;
      this.billProblem = '';
      const body = this.readBill(true);
      if (!body) return;
      this.working = true;
      try {
        const record = await api('/api/settlements', {
          method: 'POST',
          body,
          // One key per bill: a double click gets the first settlement back.
          idempotencyKey: this.settleKey(body),
        });
        this.settled = record;
        this.result = record;
        this.ticketRecord = record.settlementId;
        this.$store.statement.load(record.settlementId);
        this.showResult();
      } catch (error) {
        return this.refused(error);
      } finally {
        this.working = false;
      }
      await this.completeSettled();
    },

    /** The reused console completion: outcome done, the settlement id as the ticket's record. */
    async completeSettled() {
      if (!this.awaitingCompletion) return;
      this.completeForm = { outcome: 'done', recordId: this.settled.settlementId };
      await this.complete();
    },

    showResult() {
      this.$nextTick(() => {
        const result = document.querySelector('.settlement .settlement-result');
        if (result) result.scrollIntoView({ block: 'nearest' });
      });
    },

    printStatement() {
      if (this.settled) this.$store.statement.print(this.settled.settlementId);
    },

    refused(error) {
      const problems = forms.fieldProblems(error, FIELDS);
      // A settlement looks up nobody but the resident: a 404 is theirs.
      if (error.status === 404 && !problems.residentId) problems.residentId = error.message;
      this.billErrors = problems;
      const first = FIELDS.find((f) => problems[f]);
      if (first) this.focusField(first);
      else this.billProblem = describeError(error, this.$store.i18n);
    },

    /** Waits a few frames for a panel that is about to be shown: a hidden field takes no focus. */
    focusField(field, frames = 10) {
      const input = document.querySelector(`.settlement [name=${field}]`);
      if (!input || input.disabled) return;
      if (input.offsetParent) input.focus();
      else if (frames > 0) requestAnimationFrame(() => this.focusField(field, frames - 1));
    },

    // Enter in the form quotes; Q outside it; Ctrl+Enter settles; P prints once settled.
    settlementKey(event) {
      if (!this.shown || this.dialog || this.phase !== 'work') return;
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        return this.settle();
      }
      const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName);
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'q' && !this.settled) {
        event.preventDefault();
        this.quote();
      } else if (key === 'p' && this.settled) {
        event.preventDefault();
        this.printStatement();
      }
    },
  }));
});
