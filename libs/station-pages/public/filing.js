// The off-site treatment filing beside a started OFFSITE_FILING ticket: the resident by ID, the
// filings already on their file, the new filing checked as the API checks it, and the ticket
// completed with the filing as its record. Hospital stations file referrals only: the API's
// refusal of another type lands on the type.
document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;
  const forms = window.CircleForms;
  const items = window.CirclePersonItems;
  const BUSINESS = 'OFFSITE_FILING';
  const TYPES = ['referral', 'relocated', 'long-term-elsewhere', 'temporary'];
  const SCOPES = ['out-of-province', 'in-province'];
  const FIELDS = [
    'residentId',
    'filingType',
    'destinationScope',
    'destinationRegion',
    'destinationHospital',
    'validFrom',
    'validTo',
  ];
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  // Refusals that name no field: a hospital filing other than a referral is the type's fault,
  // an unknown person the ID's.
  const ON_FIELD = {
    business_not_handled_here: { field: 'filingType', key: 'filing.problem.referralOnly' },
    404: { field: 'residentId', key: 'check.notOnRecord' },
  };

  const emptyFiling = () => ({
    filingType: 'referral',
    destinationScope: 'out-of-province',
    destinationRegion: '',
    destinationHospital: '',
    validFrom: forms.shanghaiToday(),
    validTo: '',
  });

  window.CircleScreens.register(BUSINESS, 'filing');

  window.Alpine.data('filingPanel', () => ({
    TYPES,
    SCOPES,
    filingFor: null,
    residentId: '',
    file: null,
    filing: emptyFiling(),
    errors: {},
    problem: '',
    filed: null,
    working: false,
    filingKey: forms.keyKeeper(),

    init() {
      this.$watch('screenTicket', (ticket) => this.followFiling(ticket));
      this.followFiling(this.screenTicket);
    },

    filingShown() {
      return this.view === 'desk' && this.screen === 'filing';
    },
    awaitingFilingCompletion() {
      const ticket = this.current;
      return Boolean(
        this.filed && ticket && ticket.ticketId === this.filingFor && ticket.status === 'serving',
      );
    },

    followFiling(ticket) {
      const mine = ticket && ticket.business === BUSINESS;
      if (mine && ticket.ticketId === this.filingFor) return;
      this.resetFiling();
      this.filingFor = mine ? ticket.ticketId : null;
      if (!mine) return;
      this.residentId = ticket.residentId || '';
      if (this.residentId) this.lookUpFiler();
      else this.focusFiling('residentId');
    },

    resetFiling() {
      Object.assign(this, { residentId: '', file: null, errors: {}, problem: '', filed: null });
      this.filing = emptyFiling();
      this.filingKey = forms.keyKeeper();
    },

    word(found) {
      return items.wordOf(found, (key, vars) => this.$t(key, vars));
    },

    async lookUpFiler() {
      if (this.working) return;
      const { id, problem } = items.residentIdOf(this.residentId);
      Object.assign(this, { errors: problem ? { residentId: problem } : {}, problem: '' });
      this.file = null;
      if (problem) return this.focusFiling('residentId');
      this.residentId = id;
      this.working = true;
      try {
        this.file = await items.fileOf(id);
        this.focusFiling('filingType');
      } catch (error) {
        this.refusedFiling(error);
      } finally {
        this.working = false;
      }
    },

    async pickFiler() {
      if (!this.canPickFiler() || this.working) return;
      const person = await this.findPerson();
      if (!person) return this.focusFiling('residentId');
      this.residentId = person.residentId;
      await this.lookUpFiler();
    },

    canPickFiler() {
      return typeof this.findPerson === 'function' && !this.filed && !this.dialog;
    },

    /** The API's rules, in its order, so the clerk hears the reason before anything is sent. */
    checkFiling() {
      const f = this.filing;
      const errors = {};
      if (!TYPES.includes(f.filingType)) errors.filingType = 'choice';
      if (!SCOPES.includes(f.destinationScope)) errors.destinationScope = 'choice';
      const region = f.destinationRegion.trim();
      if (!region) errors.destinationRegion = 'required';
      else if ([...region].length > 100) errors.destinationRegion = 'tooLong';
      const hospital = f.destinationHospital.trim();
      if ([...hospital].length > 200) errors.destinationHospital = 'tooLong';
      else if (f.filingType === 'referral' && !hospital)
        errors.destinationHospital = { key: 'filing.problem.hospitalRequired' };
      const from = f.validFrom.trim();
      const to = f.validTo.trim();
      if (!DATE.test(from) || !realDay(from)) errors.validFrom = 'date';
      if (to && (!DATE.test(to) || !realDay(to))) errors.validTo = 'date';
      else if (to && !errors.validFrom && to < from)
        errors.validTo = { key: 'filing.problem.toBeforeFrom' };
      else if (!to && f.filingType === 'temporary')
        errors.validTo = { key: 'filing.problem.toRequired' };
      return errors;
    },

    bodyOf() {
      const f = this.filing;
      const body = {
        filingType: f.filingType,
        destinationRegion: f.destinationRegion.trim(),
        destinationScope: f.destinationScope,
        validFrom: f.validFrom.trim(),
      };
      if (f.destinationHospital.trim()) body.destinationHospital = f.destinationHospital.trim();
      if (f.validTo.trim()) body.validTo = f.validTo.trim();
      return body;
    },

    async submitFiling() {
      if (this.working || !this.file || this.filed) return;
      this.errors = this.checkFiling();
      this.problem = '';
      const first = FIELDS.find((f) => this.errors[f]);
      if (first) return this.focusFiling(first);
      const body = this.bodyOf();
      this.working = true;
      try {
        const path = `/api/residents/${encodeURIComponent(this.residentId)}/filings`;
        this.filed = await api(path, {
          method: 'POST',
          body,
          idempotencyKey: this.filingKey(body),
        });
        const file = await items.fileOf(this.residentId).catch(() => this.file);
        this.file = items.withMade(file, 'filings', 'filingId', this.filed);
      } catch (error) {
        return this.refusedFiling(error);
      } finally {
        this.working = false;
      }
      await this.finishFiling();
    },

    /** The ticket completes as done with the filing as its record. */
    async finishFiling() {
      if (!this.awaitingFilingCompletion() || this.busy) return;
      await this.finishWithRecord(this.filed.filingId, 'filing');
    },

    refusedFiling(error) {
      this.errors = items.refusalOf(error, FIELDS, ON_FIELD);
      const first = FIELDS.find((f) => this.errors[f]);
      if (first) this.focusFiling(first);
      else this.problem = describeError(error, this.$store.i18n);
    },

    typeWords(type) {
      return this.$t(`filing.type.${type}`);
    },

    focusFiling(name) {
      items.focusIn('.filing', name);
    },

    // Enter submits the form it is typed in (the browser's own); P finds the person; F
    // completes a filed ticket the console could not complete at once; Esc leaves a field,
    // then the finished screen.
    filingKeyDown(event) {
      if (!this.filingShown() || this.dialog || this.phase !== 'work') return;
      const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName);
      if (event.key === 'Escape' && typing) return event.target.blur();
      if (event.key === 'Enter' && event.target.tagName === 'SELECT') {
        event.preventDefault();
        return this.file ? this.submitFiling() : this.lookUpFiler();
      }
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape' && (!this.screenTicket || !this.current))
        return this.closeScreen();
      const key = event.key.toLowerCase();
      if (key === 'p' && this.canPickFiler()) {
        event.preventDefault();
        return this.pickFiler();
      }
      if (key === 'f' && this.awaitingFilingCompletion()) {
        event.preventDefault();
        this.finishFiling();
      }
    },
  }));

  function realDay(text) {
    const [year, month, day] = text.split('-').map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1;
  }
});
