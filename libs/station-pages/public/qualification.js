// The chronic-disease qualification beside a started CHRONIC_QUALIFICATION ticket: the
// resident's qualifications with each pending one's clock (one working day, as time left or
// overdue), a new application, and the decision with its reason. An application decided later
// is reached again through the resident: their next ticket of this business lists it here.
document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;
  const forms = window.CircleForms;
  const items = window.CirclePersonItems;
  const BUSINESS = 'CHRONIC_QUALIFICATION';
  const FIELDS = ['residentId', 'disease', 'decision', 'reason'];
  const DECISIONS = ['approve', 'reject'];
  const ON_FIELD = {
    already_applied: { field: 'disease', key: 'qual.problem.alreadyApplied' },
    already_decided: { field: 'decision', key: 'qual.problem.alreadyDecided' },
    not_enrolled: { field: 'residentId', key: 'items.problem.notEnrolled' },
    404: { field: 'residentId', key: 'check.notOnRecord' },
  };

  window.CircleScreens.register(BUSINESS, 'qualification');

  window.Alpine.data('qualificationPanel', () => ({
    DISEASES: forms.CHOICES.diseases,
    DECISIONS,
    qualifyingFor: null,
    residentId: '',
    file: null,
    disease: forms.CHOICES.diseases[0],
    decision: 'approve',
    reason: '',
    chosenId: null,
    stationOpen: [],
    made: null,
    decided: false,
    errors: {},
    problem: '',
    working: false,
    now: Date.now(),
    applyKey: forms.keyKeeper(),
    decideKey: forms.keyKeeper(),

    init() {
      this.$watch('screenTicket', (ticket) => this.followQualification(ticket));
      this.$watch('screen', (screen) => {
        if (screen === 'qualification' && !this.screenTicket) this.openWithoutTicket();
      });
      this.followQualification(this.screenTicket);
      // The clocks move while the clerk works.
      setInterval(() => (this.now = Date.now()), 30_000);
    },

    qualificationShown() {
      return this.view === 'desk' && this.screen === 'qualification';
    },
    awaitingQualificationCompletion() {
      const ticket = this.current;
      return Boolean(
        this.made &&
        ticket &&
        ticket.ticketId === this.qualifyingFor &&
        ticket.status === 'serving',
      );
    },
    pending() {
      return this.file ? this.file.qualifications.filter((q) => q.status === 'pending') : [];
    },
    chosen() {
      return this.pending().find((q) => q.qualificationId === this.chosenId) || null;
    },

    /**
     * Opened from the header (Q) with no ticket: the station's open list, to decide what
     * was received earlier; nothing completes, and Esc closes it.
     */
    openWithoutTicket() {
      this.resetQualification();
      this.qualifyingFor = null;
      this.loadStationOpen();
      this.focusQualification('residentId');
    },

    canOpenWithoutTicket() {
      const kind = this.station && this.station.kind;
      return ['hall', 'township', 'hospital'].includes(kind) && !this.screen && !this.dialog;
    },

    followQualification(ticket) {
      const mine = ticket && ticket.business === BUSINESS;
      if (mine && ticket.ticketId === this.qualifyingFor) return;
      this.resetQualification();
      this.qualifyingFor = mine ? ticket.ticketId : null;
      if (!mine) return;
      this.loadStationOpen();
      this.residentId = ticket.residentId || '';
      if (this.residentId) this.lookUpApplicant();
      else this.focusQualification('residentId');
    },

    resetQualification() {
      Object.assign(this, { residentId: '', file: null, errors: {}, problem: '' });
      Object.assign(this, { made: null, decided: false, chosenId: null, reason: '' });
      Object.assign(this, { disease: this.DISEASES[0], decision: 'approve' });
      this.applyKey = forms.keyKeeper();
      this.decideKey = forms.keyKeeper();
    },

    word(found) {
      return items.wordOf(found, (key, vars) => this.$t(key, vars));
    },
    clock(deadline) {
      return items.clockWords(deadline, this.now, (key, vars) => this.$t(key, vars));
    },
    dueAt(iso) {
      return forms.shanghaiTime(iso);
    },
    late(deadline) {
      return items.clockOf(deadline, this.now).overdue;
    },

    async lookUpApplicant() {
      if (this.working) return;
      const { id, problem } = items.residentIdOf(this.residentId);
      Object.assign(this, { errors: problem ? { residentId: problem } : {}, problem: '' });
      this.file = null;
      if (problem) return this.focusQualification('residentId');
      this.residentId = id;
      this.working = true;
      try {
        await this.reload();
        const first = this.pending()[0];
        this.chosenId = first ? first.qualificationId : null;
        this.focusQualification(first ? 'decision' : 'disease');
      } catch (error) {
        this.refusedQualification(error);
      } finally {
        this.working = false;
      }
    },

    async loadStationOpen() {
      this.stationOpen = await items.openAtStation('qualification');
      this.now = Date.now();
    },

    /**
     * An application from the station's open list: its resident looked up and the application
     * chosen for a decision (kept in view where the station may not read the file).
     */
    async pickOpen(item) {
      if (!item || this.made || this.working) return;
      this.residentId = item.residentId;
      await this.lookUpApplicant();
      if (!this.file) return;
      const pending = {
        qualificationId: item.id,
        disease: item.what,
        year: '',
        status: 'pending',
        deadline: item.deadline,
      };
      if (this.file.unreadable)
        this.file = items.withMade(this.file, 'qualifications', 'qualificationId', pending);
      this.chosenId = item.id;
      this.focusQualification('decision');
    },

    focusStationOpen(index = 0) {
      const rows = document.querySelectorAll('.qualification .station-open button');
      if (rows[index]) rows[index].focus();
    },

    async reload() {
      this.file = await items.fileOf(this.residentId);
      this.now = Date.now();
    },

    async pickApplicant() {
      if (!this.canPickApplicant() || this.working) return;
      const person = await this.findPerson();
      if (!person) return this.focusQualification('residentId');
      this.residentId = person.residentId;
      await this.lookUpApplicant();
    },

    canPickApplicant() {
      return typeof this.findPerson === 'function' && !this.made && !this.dialog;
    },

    async apply() {
      if (this.working || !this.file || this.decided) return;
      this.errors = this.DISEASES.includes(this.disease) ? {} : { disease: 'choice' };
      this.problem = '';
      if (this.errors.disease) return this.focusQualification('disease');
      const body = { disease: this.disease };
      this.working = true;
      try {
        const path = `/api/residents/${encodeURIComponent(this.residentId)}/qualifications`;
        const applied = await api(path, {
          method: 'POST',
          body,
          idempotencyKey: this.applyKey(body),
        });
        this.made = applied;
        await this.reload().catch(() => undefined);
        this.file = items.withMade(this.file, 'qualifications', 'qualificationId', applied);
        this.chosenId = applied.qualificationId;
        this.focusQualification('decision');
      } catch (error) {
        this.refusedQualification(error);
      } finally {
        this.working = false;
      }
    },

    async decide() {
      const chosen = this.chosen();
      if (this.working || !chosen || this.decided) return;
      const reason = this.reason.trim();
      const errors = {};
      if (!DECISIONS.includes(this.decision)) errors.decision = 'choice';
      if (this.decision === 'reject' && !reason) errors.reason = 'required';
      else if ([...reason].length > 500) errors.reason = 'tooLong';
      Object.assign(this, { errors, problem: '' });
      const first = FIELDS.find((f) => errors[f]);
      if (first) return this.focusQualification(first);
      const body = reason ? { reason } : {};
      this.working = true;
      try {
        const path = `/api/residents/${encodeURIComponent(this.residentId)}/qualifications/${encodeURIComponent(chosen.qualificationId)}/${this.decision}`;
        this.made = await api(path, {
          method: 'POST',
          body,
          idempotencyKey: this.decideKey({ path, body }),
        });
        this.decided = true;
        this.loadStationOpen();
        await this.reload().catch(() => undefined);
        this.file = items.withMade(this.file, 'qualifications', 'qualificationId', this.made);
      } catch (error) {
        return this.refusedQualification(error);
      } finally {
        this.working = false;
      }
      await this.finishQualification();
    },

    /** The ticket completes as done with the qualification applied for or decided. */
    async finishQualification() {
      if (!this.awaitingQualificationCompletion() || this.busy) return;
      await this.finishWithRecord(this.made.qualificationId, 'qualification');
    },

    refusedQualification(error) {
      this.errors = items.refusalOf(error, FIELDS, ON_FIELD);
      const first = FIELDS.find((f) => this.errors[f]);
      if (first) this.focusQualification(first);
      else this.problem = describeError(error, this.$store.i18n);
    },

    choose(decision) {
      this.decision = decision;
      this.errors = {};
      this.focusQualification('reason');
    },

    focusQualification(name) {
      items.focusIn('.qualification', name);
    },

    statusWords(q) {
      if (q.status !== 'pending') return this.$t(`qual.status.${q.status}`);
      return `${this.$t('qual.status.pending')} · ${this.clock(q.deadline)}`;
    },

    // Enter submits the form it is typed in; 1–9 choose a pending application, A approve and
    // D reject (then the reason, Enter decides); P finds the person; F completes the ticket.
    qualificationKeyDown(event) {
      if (this.phase !== 'work' || this.view !== 'desk' || this.dialog) return;
      const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName);
      const bare = !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (bare && event.key.toLowerCase() === 'q' && this.canOpenWithoutTicket()) {
        event.preventDefault();
        return this.openScreen('qualification');
      }
      if (!this.qualificationShown()) return;
      if (bare && event.key === 'Escape' && (!this.screenTicket || !this.current))
        return this.closeScreen();
      if (event.key === 'Escape' && typing) return event.target.blur();
      if (event.key === 'ArrowDown' && event.target.name === 'residentId' && !this.file) {
        event.preventDefault();
        return this.focusStationOpen();
      }
      if (event.key === 'Enter' && event.target.tagName === 'SELECT') {
        event.preventDefault();
        if (!this.file) return this.lookUpApplicant();
        return event.target.name === 'disease' ? this.apply() : this.decide();
      }
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      const numbered = /^[1-9]$/.test(key) && this.pending()[Number(key) - 1];
      const listed = /^[1-9]$/.test(key) && !this.file && this.stationOpen[Number(key) - 1];
      let act = null;
      if (listed) act = () => this.pickOpen(listed);
      else if (numbered && !this.decided) act = () => (this.chosenId = numbered.qualificationId);
      else if (key === 'p' && this.canPickApplicant()) act = () => this.pickApplicant();
      else if (key === 'a' && this.chosen() && !this.decided) act = () => this.choose('approve');
      else if (key === 'd' && this.chosen() && !this.decided) act = () => this.choose('reject');
      else if (key === 'f' && this.awaitingQualificationCompletion())
        act = () => this.finishQualification();
      if (!act) return;
      event.preventDefault();
      act();
    },
  }));
});
