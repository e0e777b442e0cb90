// The hall clerk takes in a reimbursement claim (manual, maternity, medical assistance) for the
// resident at the counter: the bill, its lines and the documents' references. Submitting it
// completes the ticket with the claim id as its record; the review happens in the review list.
document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;
  const forms = window.CircleForms;
  const KIND_OF = {
    MANUAL_REIMBURSEMENT: 'manual',
    MATERNITY: 'maternity',
    ASSISTANCE_REIMBURSEMENT: 'assistance',
  };
  const FIELDS = [
    'residentId',
    'region',
    'scheme',
    'insuredCategory',
    'setting',
    'disease',
    'tier',
    'date',
    'treatmentRegion',
    'admissionId',
    'payeeAccount',
    'lines',
  ];
  const ACCOUNT = /^[0-9A-Z]{8,34}$/;
  const isClaimField = (name) =>
    FIELDS.includes(name) || /^(lines|attachments)\[\d+\]\./.test(name);

  const emptyLine = () => ({ description: '', total: '', inScope: '' });
  const emptyAttachment = () => ({ reference: '', description: '' });
  const emptyClaim = (residentId = '') => ({
    residentId,
    region: 'taibai-lake',
    scheme: 'resident',
    insuredCategory: 'general',
    setting: 'inpatient',
    disease: '',
    tier: '2',
    date: forms.shanghaiToday(),
    treatmentRegion: '',
    admissionId: '',
    payeeAccount: '',
    lines: [emptyLine()],
    attachments: [emptyAttachment()],
  });

  window.Alpine.data('claimPanel', () => ({
    claim: emptyClaim(),
    claimErrors: {},
    claimProblem: '',
    claimFor: null,
    claimKind: null,
    submitted: null,
    claimWorking: false,
    claimKey: forms.keyKeeper(),
    claimChoices: { ...forms.CHOICES, categories: ['general'] },

    init() {
      window.Circle.catalog().then(({ categories }) => {
        this.claimChoices = { ...this.claimChoices, categories };
      });
      this.$watch('current', (ticket) => this.followClaim(ticket));
      this.followClaim(this.current);
    },

    get claimShown() {
      return this.view === 'desk' && this.screen === 'claim';
    },
    get awaitingClaimCompletion() {
      return Boolean(this.submitted && this.current && this.current.ticketId === this.claimFor);
    },
    get claimTotals() {
      const sum = (key) =>
        this.claim.lines.reduce((fen, line) => fen + (forms.yuanToFen(line[key]).fen || 0), 0);
      return { totalFen: sum('total'), inScopeFen: sum('inScope') };
    },

    /** Opens on a started claim ticket; a submitted claim stays up until the next call. */
    followClaim(ticket) {
      const serving = ticket && KIND_OF[ticket.business] && ticket.status === 'serving';
      if (serving && ticket.ticketId !== this.claimFor) return this.beginClaim(ticket);
      if (serving || (!ticket && this.submitted)) return;
      if (this.screen === 'claim') this.screen = null;
      this.claimFor = null;
    },

    beginClaim(ticket) {
      this.claim = emptyClaim(ticket.residentId || '');
      this.claimKind = KIND_OF[ticket.business];
      if (this.claimKind === 'assistance') this.claim.insuredCategory = 'low-income';
      Object.assign(this, { claimErrors: {}, claimProblem: '', submitted: null });
      this.claimKey = forms.keyKeeper();
      this.claimFor = ticket.ticketId;
      this.screen = 'claim';
      this.focusClaim('residentId');
    },

    closeClaim() {
      this.screen = null;
      this.claimFor = null;
      this.submitted = null;
    },

    addLine() {
      this.claim.lines.push(emptyLine());
      this.focusClaim(`lines[${this.claim.lines.length - 1}].description`);
    },
    removeLine(index) {
      if (this.claim.lines.length > 1) this.claim.lines.splice(index, 1);
      this.claimErrors = {};
    },
    addAttachment() {
      this.claim.attachments.push(emptyAttachment());
      this.focusClaim(`attachments[${this.claim.attachments.length - 1}].reference`);
    },
    removeAttachment(index) {
      this.claim.attachments.splice(index, 1);
      this.claimErrors = {};
    },

    claimEdited(field) {
      if (this.claimErrors[field]) this.claimErrors = { ...this.claimErrors, [field]: '' };
      this.claimProblem = '';
    },

    /** The claim as the API takes it, or null with every problem on its field. */
    readClaim() {
      const t = (key) => this.$t(`bill.problem.${key}`);
      const c = this.claim;
      const errors = {};
      const residentId = forms.normalResidentId(c.residentId);
      const idProblem = forms.residentIdProblem(residentId, forms.shanghaiToday());
      if (idProblem) errors.residentId = t(idProblem);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(c.date)) errors.date = t('date');
      else if (c.date > forms.shanghaiToday()) errors.date = t('future');
      if (c.setting === 'chronic-outpatient' && !c.disease) errors.disease = t('disease');
      const admission = forms.admissionProblem(c.admissionId, false);
      if (admission) errors.admissionId = t(admission);
      if (c.payeeAccount.trim() && !ACCOUNT.test(c.payeeAccount.trim()))
        errors.payeeAccount = t('account');
      const lines = c.lines.map((line, i) => {
        const at = `lines[${i}]`;
        const total = forms.yuanToFen(line.total);
        const inScope = forms.yuanToFen(line.inScope);
        if (!line.description.trim()) errors[`${at}.description`] = t('required');
        if (total.problem) errors[`${at}.total`] = t(total.problem);
        if (inScope.problem) errors[`${at}.inScope`] = t(inScope.problem);
        else if (!total.problem && inScope.fen > total.fen)
          errors[`${at}.inScope`] = t('inScopeAboveTotal');
        return {
          description: line.description.trim(),
          totalFen: total.fen,
          inScopeFen: inScope.fen,
        };
      });
      const attachments = c.attachments
        .filter((a) => a.reference.trim() || a.description.trim())
        .map((a) => ({ reference: a.reference.trim(), description: a.description.trim() }));
      c.attachments.forEach((a, i) => {
        if (a.description.trim() && !a.reference.trim())
          errors[`attachments[${i}].reference`] = t('required');
      });
      this.claimErrors = errors;
      const first = Object.keys(errors)[0];
      if (first) {
        this.focusClaim(first);
        return null;
      }
      const body = {
        kind: this.claimKind,
        residentId,
        region: c.region,
        scheme: c.scheme,
        insuredCategory: c.insuredCategory,
        setting: this.claimKind === 'maternity' ? 'inpatient' : c.setting,
        tier: Number(c.tier),
        date: c.date,
        lines,
        attachments: attachments.map((a) => (a.description ? a : { reference: a.reference })),
      };
      if (body.setting === 'chronic-outpatient') body.disease = c.disease;
      if (c.treatmentRegion) body.treatmentRegion = c.treatmentRegion;
      if (c.admissionId.trim()) body.admissionId = c.admissionId.trim();
      if (c.payeeAccount.trim()) body.payeeAccount = c.payeeAccount.trim();
      return body;
    },

    async submitClaim() {
      if (this.claimWorking || this.submitted) return;
      this.claimProblem = '';
      const body = this.readClaim();
      if (!body) return;
      this.claimWorking = true;
      try {
        this.submitted = await api('/api/claims', {
          method: 'POST',
          body,
          idempotencyKey: this.claimKey(body),
        });
        this.ticketRecord = this.submitted.claimId;
      } catch (error) {
        return this.claimRefused(error);
      } finally {
        this.claimWorking = false;
      }
      await this.completeClaimTicket();
    },

    /** The console's own completion, with the claim id as the ticket's record. */
    async completeClaimTicket() {
      if (!this.awaitingClaimCompletion) return;
      this.completeForm = { outcome: 'done', recordId: this.submitted.claimId };
      await this.complete();
    },

    claimRefused(error) {
      const problems = forms.fieldProblems(error, isClaimField);
      if (error.status === 404 && !problems.residentId) problems.residentId = error.message;
      this.claimErrors = problems;
      const first = Object.keys(problems)[0];
      if (first) this.focusClaim(first);
      else this.claimProblem = describeError(error, this.$store.i18n);
    },

    /** Waits a few frames for a field that is about to be shown. */
    focusClaim(field, frames = 10) {
      this.$nextTick(() => {
        const input = document.querySelector(`.claim-screen [name="${field}"]`);
        if (!input || input.disabled) return;
        if (input.offsetParent) input.focus();
        else if (frames > 0) requestAnimationFrame(() => this.focusClaim(field, frames - 1));
      });
    },

    // Ctrl+Enter submits; Enter in a line's last amount adds the next line.
    claimKeys(event) {
      if (!this.claimShown || this.dialog || this.phase !== 'work') return;
      if (event.key !== 'Enter' || event.target.tagName === 'BUTTON') return;
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        return this.submitClaim();
      }
      const name = event.target.getAttribute('name') || '';
      if (!this.submitted && /^lines\[\d+\]\.inScope$/.test(name)) {
        event.preventDefault();
        this.addLine();
      }
    },
  }));
});
