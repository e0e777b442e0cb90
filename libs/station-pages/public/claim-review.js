// The hall's review list of reimbursement claims, oldest first with their due time: open one,
// then approve it (settled by the calculator, its statement printable), adjust its lines with a
// reason, or reject it with a reason.
document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;
  const forms = window.CircleForms;
  const STATUSES = ['submitted', 'adjusted', 'approved', 'settled', 'rejected'];
  const typingIn = (event) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName);

  window.Alpine.data('claimReview', () => ({
    statuses: STATUSES,
    reviewStatus: 'submitted',
    reviewList: [],
    reviewIndex: 0,
    opened: null,
    // The settlement of an approved claim, for the shared result part.
    result: null,
    deciding: null,
    adjustLines: [],
    reason: '',
    reviewErrors: {},
    reviewProblem: '',
    reviewWorking: false,
    decisionKey: forms.keyKeeper(),

    init() {
      this.$watch('view', (view) => view === 'review' && this.loadClaims());
    },

    get reviewShown() {
      return this.view === 'review';
    },

    async loadClaims() {
      this.reviewProblem = '';
      try {
        const status = encodeURIComponent(this.reviewStatus);
        this.reviewList = await api(`/api/claims?status=${status}`);
        this.reviewIndex = Math.min(this.reviewIndex, Math.max(0, this.reviewList.length - 1));
      } catch (error) {
        this.reviewProblem = describeError(error, this.$store.i18n);
      }
    },

    async openClaim(claimId) {
      this.reviewProblem = '';
      try {
        this.showClaim(await api(`/api/claims/${encodeURIComponent(claimId)}`));
      } catch (error) {
        this.reviewProblem = describeError(error, this.$store.i18n);
      }
    },

    showClaim(claim) {
      Object.assign(this, { opened: claim, deciding: null, reviewErrors: {}, result: null });
      this.decisionKey = forms.keyKeeper();
      // The statement is the settlement record itself: every layer, as the resident gets it.
      if (claim.settlement)
        this.$store.statement
          .load(claim.settlement.settlementId)
          .then((record) => (this.result = record));
      else this.$store.statement.clear();
    },

    backToList() {
      Object.assign(this, { opened: null, deciding: null, result: null, reviewProblem: '' });
      this.loadClaims();
    },

    get canDecide() {
      return Boolean(this.opened) && !this.reviewWorking && !this.deciding;
    },
    get mayReview() {
      return this.opened && ['submitted', 'adjusted'].includes(this.opened.status);
    },
    get mayApprove() {
      return this.opened && ['submitted', 'adjusted', 'approved'].includes(this.opened.status);
    },

    startAdjust() {
      if (!this.canDecide || !this.mayReview) return;
      this.adjustLines = this.opened.lines.map((line) => ({
        description: line.description,
        total: forms.formatYuan(line.totalFen).replaceAll(',', ''),
        inScope: forms.formatYuan(line.inScopeFen).replaceAll(',', ''),
      }));
      Object.assign(this, { deciding: 'adjust', reason: '', reviewErrors: {} });
      this.focusReview('adjust[0].total');
    },

    startReject() {
      if (!this.canDecide || !this.mayReview) return;
      Object.assign(this, { deciding: 'reject', reason: '', reviewErrors: {} });
      this.focusReview('reason');
    },

    approve() {
      if (this.canDecide && this.mayApprove) this.decide('approve', {});
    },

    saveDecision() {
      const t = (key) => this.$t(`bill.problem.${key}`);
      const errors = {};
      if (!this.reason.trim()) errors.reason = t('required');
      const lines = this.adjustLines.map((line, i) => {
        const total = forms.yuanToFen(line.total);
        const inScope = forms.yuanToFen(line.inScope);
        if (total.problem) errors[`lines[${i}].total`] = t(total.problem);
        if (inScope.problem) errors[`lines[${i}].inScope`] = t(inScope.problem);
        else if (!total.problem && inScope.fen > total.fen)
          errors[`lines[${i}].inScope`] = t('inScopeAboveTotal');
        return { description: line.description, totalFen: total.fen, inScopeFen: inScope.fen };
      });
      this.reviewErrors = errors;
      if (Object.keys(errors).length) return;
      if (this.deciding === 'adjust') this.decide('adjust', { lines, reason: this.reason.trim() });
      else this.decide('reject', { reason: this.reason.trim() });
    },

    async decide(action, body) {
      this.reviewWorking = true;
      this.reviewProblem = '';
      try {
        const claim = await api(
          `/api/claims/${encodeURIComponent(this.opened.claimId)}/${action}`,
          { method: 'POST', body, idempotencyKey: this.decisionKey({ action, ...body }) },
        );
        this.showClaim(claim);
        this.loadClaims();
      } catch (error) {
        const known = (name) => name === 'reason' || /^lines\[\d+\]\./.test(name);
        this.reviewErrors = forms.fieldProblems(error, known);
        if (!Object.keys(this.reviewErrors).length)
          this.reviewProblem = describeError(error, this.$store.i18n);
      } finally {
        this.reviewWorking = false;
      }
    },

    printClaimStatement() {
      if (this.opened && this.opened.settlement)
        this.$store.statement.print(this.opened.settlement.settlementId);
    },

    focusReview(name) {
      setTimeout(() => {
        const input = document.querySelector(`.review [name="${name}"]`);
        if (input) input.focus();
      });
    },

    // List: ↑ ↓ choose, Enter opens. A claim: A approve, E adjust, R reject, P print, Esc back.
    reviewKeys(event) {
      if (!this.reviewShown || event.altKey || event.metaKey) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        return this.deciding ? (this.deciding = null) : this.opened && this.backToList();
      }
      if (event.key === 'Enter' && event.ctrlKey && this.deciding) {
        event.preventDefault();
        return this.saveDecision();
      }
      if (typingIn(event) || event.ctrlKey) return;
      if (!this.opened) return this.listKey(event);
      const action = { a: 'approve', e: 'startAdjust', r: 'startReject', p: 'printClaimStatement' }[
        event.key.toLowerCase()
      ];
      if (!action || this.deciding) return;
      event.preventDefault();
      this[action]();
    },

    listKey(event) {
      const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
      if (step) {
        event.preventDefault();
        const last = this.reviewList.length - 1;
        this.reviewIndex = Math.max(0, Math.min(last, this.reviewIndex + step));
      } else if (event.key === 'Enter' && this.reviewList[this.reviewIndex]) {
        event.preventDefault();
        this.openClaim(this.reviewList[this.reviewIndex].claimId);
      }
    },
  }));
});
