// The coverage transfer beside a started TRANSFER ticket (the hall only): the resident's
// transfers with the open one's clock (15 working days, as time left or overdue), a new
// request, and the open one completed or refused with its reason. A transfer completed days
// later is reached again through the resident: their next TRANSFER ticket shows it open here.
document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;
  const forms = window.CircleForms;
  const items = window.CirclePersonItems;
  const BUSINESS = 'TRANSFER';
  const FIELDS = ['residentId', 'direction', 'otherRegion', 'closing', 'reason'];
  const DIRECTIONS = ['out', 'in'];
  const CLOSINGS = ['complete', 'refuse'];
  const ON_FIELD = {
    transfer_pending: { field: 'otherRegion', key: 'transfer.problem.pending' },
    already_closed: { field: 'closing', key: 'transfer.problem.closed' },
    business_not_handled_here: { field: 'residentId', key: 'transfer.problem.hallOnly' },
    not_enrolled: { field: 'residentId', key: 'items.problem.notEnrolled' },
    404: { field: 'residentId', key: 'check.notOnRecord' },
  };

  window.CircleScreens.register(BUSINESS, 'transfer');

  window.Alpine.data('transferPanel', () => ({
    DIRECTIONS,
    CLOSINGS,
    transferFor: null,
    residentId: '',
    file: null,
    direction: 'out',
    otherRegion: '',
    closing: 'complete',
    reason: '',
    made: null,
    closed: false,
    stationOpen: [],
    errors: {},
    problem: '',
    working: false,
    now: Date.now(),
    requestKey: forms.keyKeeper(),
    closeKey: forms.keyKeeper(),

    init() {
      this.$watch('screenTicket', (ticket) => this.followTransfer(ticket));
      this.$watch('screen', (screen) => {
        if (screen === 'transfer' && !this.screenTicket) this.openWithoutTicket();
      });
      this.followTransfer(this.screenTicket);
      setInterval(() => (this.now = Date.now()), 30_000);
    },

    transferShown() {
      return this.view === 'desk' && this.screen === 'transfer';
    },
    awaitingTransferCompletion() {
      const ticket = this.current;
      return Boolean(
        this.made && ticket && ticket.ticketId === this.transferFor && ticket.status === 'serving',
      );
    },
    /** A person has at most one open transfer: the API refuses a second. */
    open() {
      return (this.file && this.file.transfers.find((t) => t.status === 'pending')) || null;
    },

    /**
     * Opened from the header (Y) with no ticket: the station's open list, to decide what
     * was received earlier; nothing completes, and Esc closes it.
     */
    openWithoutTicket() {
      this.resetTransfer();
      this.transferFor = null;
      this.loadStationOpen();
      this.focusTransfer('residentId');
    },

    canOpenWithoutTicket() {
      const kind = this.station && this.station.kind;
      return ['hall'].includes(kind) && !this.screen && !this.dialog;
    },

    followTransfer(ticket) {
      const mine = ticket && ticket.business === BUSINESS;
      if (mine && ticket.ticketId === this.transferFor) return;
      this.resetTransfer();
      this.transferFor = mine ? ticket.ticketId : null;
      if (!mine) return;
      this.loadStationOpen();
      this.residentId = ticket.residentId || '';
      if (this.residentId) this.lookUpMover();
      else this.focusTransfer('residentId');
    },

    resetTransfer() {
      Object.assign(this, { residentId: '', file: null, errors: {}, problem: '' });
      Object.assign(this, { made: null, closed: false, reason: '', otherRegion: '' });
      Object.assign(this, { direction: 'out', closing: 'complete' });
      this.requestKey = forms.keyKeeper();
      this.closeKey = forms.keyKeeper();
    },

    word(found) {
      return items.wordOf(found, (key, vars) => this.$t(key, vars));
    },
    clock(deadline) {
      return items.clockWords(deadline, this.now, (key, vars) => this.$t(key, vars));
    },
    late(deadline) {
      return items.clockOf(deadline, this.now).overdue;
    },
    dueAt(iso) {
      return forms.shanghaiTime(iso);
    },
    regionWords(region) {
      const key = `region.${region}`;
      return this.$store.i18n.has(key) ? this.$t(key) : region;
    },

    async lookUpMover() {
      if (this.working) return;
      const { id, problem } = items.residentIdOf(this.residentId);
      Object.assign(this, { errors: problem ? { residentId: problem } : {}, problem: '' });
      this.file = null;
      if (problem) return this.focusTransfer('residentId');
      this.residentId = id;
      this.working = true;
      try {
        await this.reload();
        this.focusTransfer(this.open() ? 'closing' : 'direction');
      } catch (error) {
        this.refusedTransfer(error);
      } finally {
        this.working = false;
      }
    },

    async loadStationOpen() {
      this.stationOpen = await items.openAtStation('transfer');
      this.now = Date.now();
    },

    /** A transfer from the hall's open list: its resident looked up, the transfer to close. */
    async pickOpen(item) {
      if (!item || this.made || this.working) return;
      this.residentId = item.residentId;
      await this.lookUpMover();
    },

    focusStationOpen(index = 0) {
      const rows = document.querySelectorAll('.transfer .station-open button');
      if (rows[index]) rows[index].focus();
    },

    async reload() {
      this.file = await items.fileOf(this.residentId);
      this.now = Date.now();
    },

    async pickMover() {
      if (!this.canPickMover() || this.working) return;
      const person = await this.findPerson();
      if (!person) return this.focusTransfer('residentId');
      this.residentId = person.residentId;
      await this.lookUpMover();
    },

    canPickMover() {
      return typeof this.findPerson === 'function' && !this.made && !this.dialog;
    },

    async requestTransfer() {
      if (this.working || !this.file || this.open()) return;
      const region = this.otherRegion.trim();
      const errors = {};
      if (!DIRECTIONS.includes(this.direction)) errors.direction = 'choice';
      if (!region) errors.otherRegion = 'required';
      else if ([...region].length > 100) errors.otherRegion = 'tooLong';
      else if (region === this.file.region)
        errors.otherRegion = { key: 'transfer.problem.sameRegion' };
      Object.assign(this, { errors, problem: '' });
      const first = FIELDS.find((f) => errors[f]);
      if (first) return this.focusTransfer(first);
      const body = { direction: this.direction, otherRegion: region };
      this.working = true;
      try {
        const path = `/api/residents/${encodeURIComponent(this.residentId)}/transfers`;
        this.made = await api(path, {
          method: 'POST',
          body,
          idempotencyKey: this.requestKey(body),
        });
        await this.reload().catch(() => undefined);
        this.file = items.withMade(this.file, 'transfers', 'transferId', this.made);
      } catch (error) {
        return this.refusedTransfer(error);
      } finally {
        this.working = false;
      }
      await this.finishTransfer();
    },

    async closeTransfer() {
      const open = this.open();
      if (this.working || !open || this.closed) return;
      const reason = this.reason.trim();
      const errors = {};
      if (!CLOSINGS.includes(this.closing)) errors.closing = 'choice';
      if (this.closing === 'refuse' && !reason) errors.reason = 'required';
      else if ([...reason].length > 500) errors.reason = 'tooLong';
      Object.assign(this, { errors, problem: '' });
      const first = FIELDS.find((f) => errors[f]);
      if (first) return this.focusTransfer(first);
      const body = reason ? { reason } : {};
      this.working = true;
      try {
        const path = `/api/residents/${encodeURIComponent(this.residentId)}/transfers/${encodeURIComponent(open.transferId)}/${this.closing}`;
        this.made = await api(path, {
          method: 'POST',
          body,
          idempotencyKey: this.closeKey({ path, body }),
        });
        this.closed = true;
        this.loadStationOpen();
        await this.reload().catch(() => undefined);
        this.file = items.withMade(this.file, 'transfers', 'transferId', this.made);
      } catch (error) {
        return this.refusedTransfer(error);
      } finally {
        this.working = false;
      }
      await this.finishTransfer();
    },

    /** The ticket completes as done with the transfer requested or closed as its record. */
    async finishTransfer() {
      if (!this.awaitingTransferCompletion() || this.busy) return;
      await this.finishWithRecord(this.made.transferId, 'transfer');
    },

    refusedTransfer(error) {
      this.errors = items.refusalOf(error, FIELDS, ON_FIELD);
      const first = FIELDS.find((f) => this.errors[f]);
      if (first) this.focusTransfer(first);
      else this.problem = describeError(error, this.$store.i18n);
    },

    chooseClosing(closing) {
      this.closing = closing;
      this.errors = {};
      this.focusTransfer('reason');
    },

    focusTransfer(name) {
      items.focusIn('.transfer', name);
    },

    statusWords(t) {
      if (t.status !== 'pending') return this.$t(`transfer.status.${t.status}`);
      return `${this.$t('transfer.status.pending')} · ${this.clock(t.deadline)}`;
    },

    // Enter submits the form it is typed in; A completes and D refuses the open transfer (then
    // the reason, Enter closes it); P finds the person; F completes the ticket.
    transferKeyDown(event) {
      if (this.phase !== 'work' || this.view !== 'desk' || this.dialog) return;
      const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName);
      const bare = !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (bare && event.key.toLowerCase() === 'y' && this.canOpenWithoutTicket()) {
        event.preventDefault();
        return this.openScreen('transfer');
      }
      if (!this.transferShown()) return;
      if (bare && event.key === 'Escape' && (!this.screenTicket || !this.current))
        return this.closeScreen();
      if (event.key === 'Escape' && typing) return event.target.blur();
      if (event.key === 'ArrowDown' && event.target.name === 'residentId' && !this.file) {
        event.preventDefault();
        return this.focusStationOpen();
      }
      if (event.key === 'Enter' && event.target.tagName === 'SELECT') {
        event.preventDefault();
        if (!this.file) return this.lookUpMover();
        return event.target.name === 'direction' ? this.requestTransfer() : this.closeTransfer();
      }
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      const closable = this.open() && !this.made;
      const listed = /^[1-9]$/.test(key) && !this.file && this.stationOpen[Number(key) - 1];
      let act = null;
      if (listed) act = () => this.pickOpen(listed);
      else if (key === 'p' && this.canPickMover()) act = () => this.pickMover();
      else if (key === 'a' && closable) act = () => this.chooseClosing('complete');
      else if (key === 'd' && closable) act = () => this.chooseClosing('refuse');
      else if (key === 'f' && this.awaitingTransferCompletion()) act = () => this.finishTransfer();
      if (!act) return;
      event.preventDefault();
      act();
    },
  }));
});
