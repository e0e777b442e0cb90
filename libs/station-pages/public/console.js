// The clerk console: sign in, take a counter, call and serve residents, live from the station.
document.addEventListener('alpine:init', () => {
  const { api, auth, describeError } = window.Circle;
  const DESK_KEY = 'circle.console';
  const OUTCOMES = ['done', 'documents-missing', 'referred'];
  const KEYS = {
    n: 'callNext',
    r: 'recall',
    s: 'start',
    t: 'transfer',
    c: 'complete',
    x: 'noShow',
  };

  window.Alpine.data('clerkConsole', () => ({
    phase: 'login',
    username: '',
    password: '',
    claims: null,
    station: null,
    counterId: null,
    counterState: 'closed',
    current: null,
    queue: [],
    message: { kind: '', text: '' },
    dialog: null,
    outcomes: OUTCOMES,
    completeForm: { outcome: 'done', recordId: '' },
    transferForm: { toBusiness: '', toCounterId: '', toStationId: '' },
    liveState: 'reconnecting',
    stream: null,
    busy: false,
    now: Date.now(),

    init() {
      setInterval(() => (this.now = Date.now()), 30_000);
      this.claims = auth.claims();
      if (this.claims) this.enter();
    },

    get stationId() {
      return this.claims && this.claims.stationId;
    },
    get counters() {
      const count = this.station ? this.station.counters : 0;
      return Array.from({ length: count }, (_, i) => String(i + 1));
    },

    async logIn() {
      this.say('', '');
      try {
        this.claims = await auth.logIn(this.username, this.password);
        this.password = '';
        await this.enter();
      } catch (error) {
        this.fail(error);
      }
    },

    logOut() {
      if (this.stream) this.stream.close();
      auth.logOut();
      sessionStorage.removeItem(DESK_KEY);
      Object.assign(this, { claims: null, station: null, counterId: null, current: null });
      this.queue = [];
      this.phase = 'login';
    },

    async enter() {
      if (!this.stationId) {
        auth.logOut();
        this.claims = null;
        this.say('error', this.$t('login.notClerk'));
        return;
      }
      try {
        this.station = await api(`/api/stations/${encodeURIComponent(this.stationId)}`);
      } catch (error) {
        return this.fail(error);
      }
      const desk = JSON.parse(sessionStorage.getItem(DESK_KEY) || 'null');
      if (desk && desk.stationId === this.stationId && desk.counterId) {
        this.current = desk.current || null;
        await this.openCounter(desk.counterId);
      } else this.phase = 'counter';
    },

    async openCounter(counterId) {
      this.counterId = counterId;
      if (await this.setCounter('open')) {
        this.phase = 'work';
        this.keep();
        this.listen();
        await this.refreshQueue();
      }
    },

    async setCounter(action) {
      try {
        await api(`${this.counterPath()}/${action}`, { method: 'POST' });
        this.counterState = { open: 'open', pause: 'paused', close: 'closed' }[action];
        if (action === 'close') this.leaveCounter();
        return true;
      } catch (error) {
        this.fail(error);
        return false;
      }
    },

    leaveCounter() {
      if (this.stream) this.stream.close();
      this.stream = null;
      this.counterId = null;
      sessionStorage.removeItem(DESK_KEY);
      this.phase = 'counter';
    },

    can(action) {
      if (this.busy || this.dialog) return false;
      const status = this.current && this.current.status;
      switch (action) {
        case 'callNext':
          return this.counterState === 'open' && !this.current;
        case 'recall':
        case 'noShow':
        case 'start':
          return status === 'called';
        case 'transfer':
          return Boolean(status);
        case 'complete':
          return status === 'serving';
      }
      return false;
    },

    async callNext() {
      const reply = await this.act(`${this.counterPath()}/call-next`);
      if (reply === undefined) return;
      if (reply === null) return this.say('info', this.$t('console.nobodyWaiting'));
      const ticket = reply.ticket || reply;
      this.current = { ...ticket, status: 'called', recalls: 0 };
      this.say('info', this.$t('console.called', { number: ticket.number }));
      this.keep();
      await this.refreshQueue();
    },

    async recall() {
      if ((await this.act(this.ticketPath('recall'))) === undefined) return;
      this.current.recalls += 1;
      this.keep();
    },

    async start() {
      if ((await this.act(this.ticketPath('start'))) === undefined) return;
      this.current.status = 'serving';
      this.keep();
    },

    async noShow() {
      if ((await this.act(this.ticketPath('no-show'))) === undefined) return;
      this.finish('console.noShowDone');
    },

    async complete() {
      const body = { outcome: this.completeForm.outcome };
      if (this.completeForm.recordId.trim()) body.recordId = this.completeForm.recordId.trim();
      this.dialog = null;
      if ((await this.act(this.ticketPath('complete'), body)) === undefined) return;
      this.finish('console.completed');
    },

    async transfer() {
      const body = {};
      for (const [key, value] of Object.entries(this.transferForm))
        if (value.trim()) body[key] = value.trim();
      this.dialog = null;
      if ((await this.act(this.ticketPath('transfer'), body)) === undefined) return;
      this.finish('console.transferred');
    },

    finish(key) {
      this.say('info', this.$t(key, { number: this.current.number }));
      this.current = null;
      this.keep();
      this.refreshQueue();
    },

    openDialog(name) {
      if (!this.can(name)) return;
      this.completeForm = { outcome: 'done', recordId: '' };
      this.transferForm = { toBusiness: '', toCounterId: '', toStationId: '' };
      this.dialog = name;
      this.$nextTick(() => {
        const first = document.querySelector(
          '.dialog:not([style*="none"]) input, .dialog:not([style*="none"]) select',
        );
        if (first) first.focus();
      });
    },

    /** undefined when the API refused (the message is shown), null for 204, else the body. */
    async act(path, body) {
      this.busy = true;
      this.say('', '');
      try {
        return await api(path, { method: 'POST', body });
      } catch (error) {
        this.fail(error);
        return undefined;
      } finally {
        this.busy = false;
      }
    },

    shortcut(event) {
      if (event.ctrlKey || event.metaKey || event.altKey || this.phase !== 'work') return;
      if (this.dialog) {
        if (event.key === 'Escape') this.dialog = null;
        const index = Number(event.key) - 1;
        if (this.dialog === 'complete' && OUTCOMES[index]) {
          this.completeForm.outcome = OUTCOMES[index];
          event.preventDefault();
        }
        return;
      }
      if (['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName)) return;
      const action = KEYS[event.key.toLowerCase()];
      if (!action || !this.can(action)) return;
      event.preventDefault();
      if (action === 'transfer' || action === 'complete') this.openDialog(action);
      else this[action]();
    },

    async refreshQueue() {
      if (!this.counterId) return;
      try {
        const reply = await api(`${this.counterPath()}/queue`);
        this.queue = Array.isArray(reply) ? reply : reply.tickets || [];
      } catch (error) {
        if (error.status === 401) this.fail(error);
      }
    },

    listen() {
      if (this.stream) this.stream.close();
      this.stream = window.Circle.live(
        `/api/stations/${encodeURIComponent(this.stationId)}/events`,
        {
          onState: (state) => (this.liveState = state),
          onEvent: () => this.refreshQueue(),
        },
      );
    },

    minutesSince(iso) {
      return iso ? Math.max(0, Math.floor((this.now - Date.parse(iso)) / 60_000)) : 0;
    },

    counterPath() {
      return `/api/stations/${encodeURIComponent(this.stationId)}/counters/${encodeURIComponent(this.counterId)}`;
    },
    ticketPath(action) {
      return `/api/tickets/${encodeURIComponent(this.current.ticketId)}/${action}`;
    },

    // A reload or a lost tab must bring the clerk back to the same counter and resident.
    keep() {
      const desk = { stationId: this.stationId, counterId: this.counterId, current: this.current };
      sessionStorage.setItem(DESK_KEY, JSON.stringify(desk));
    },

    say(kind, text) {
      this.message = { kind, text };
    },

    fail(error) {
      this.say('error', describeError(error, this.$t));
      if (error.status === 401) this.logOut();
    },
  }));
});
