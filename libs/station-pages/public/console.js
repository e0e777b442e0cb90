// The clerk console: sign in, take a counter, call and serve residents, live from the station.
document.addEventListener('alpine:init', () => {
  const { api, auth, describeError, live } = window.Circle;
  const DESK_KEY = 'circle.console';
  const { ending, panels } = window.CircleConsoleParts;
  const KEYS = {
    n: 'callNext',
    r: 'recall',
    s: 'start',
    t: 'transfer',
    c: 'complete',
    x: 'noShow',
    h: 'history',
    '/': 'person',
    o: 'openHere',
    b: 'pauseHere',
    k: 'closeHere',
  };
  const COUNTER_STATE = { open: 'open', pause: 'paused', close: 'closed' };

  window.Alpine.data('clerkConsole', () => ({
    phase: 'login',
    username: '',
    password: '',
    claims: null,
    station: null,
    counters: [],
    counterId: null,
    counterState: 'closed',
    current: null,
    queue: [],
    message: { kind: '', text: '' },
    dialog: null,
    ...ending,
    ...panels,
    completeForm: { outcome: 'done', recordId: '', reason: '', note: '' },
    completeProblem: '',
    // Who asked the person finder for a person (a screen picking the resident), if anyone.
    personWanted: null,
    transferForm: { toBusiness: '', toCounterId: '', toStationId: '' },
    // The business screen beside the ticket, the ticket it opened for (it stays up after the
    // ticket completes, for a receipt, until the next call), the record it made, and desk or
    // claims review. See screen-registry.js.
    screen: null,
    screenTicket: null,
    ticketRecord: '',
    view: 'desk',
    liveState: 'reconnecting',
    stream: null,
    refreshTimer: null,
    busy: false,
    now: Date.now(),

    init() {
      setInterval(() => (this.now = Date.now()), 30_000);
      this.claims = auth.claims();
      this.$watch('current', (ticket) => this.followScreen(ticket));
      if (this.claims) this.enter();
    },

    get stationId() {
      return this.claims && this.claims.stationId;
    },
    /** A screen waits for the person the finder picks (a function is no x-show value). */
    get picking() {
      return Boolean(this.personWanted);
    },
    get otherCounters() {
      return this.counters.filter((c) => c.counterId !== this.counterId);
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
      this.stopListening();
      auth.logOut();
      sessionStorage.removeItem(DESK_KEY);
      Object.assign(this, { claims: null, station: null, counterId: null, current: null });
      this.view = 'desk';
      this.queue = [];
      this.phase = 'login';
    },

    async enter() {
      if (!this.stationId || this.claims.role !== 'clerk') {
        auth.logOut();
        this.claims = null;
        return this.say('error', this.$t('login.notClerk'));
      }
      try {
        this.station = await api(this.stationPath());
        this.counters = await api(`${this.stationPath()}/counters`);
      } catch (error) {
        return this.fail(error);
      }
      const desk = JSON.parse(sessionStorage.getItem(DESK_KEY) || 'null');
      if (desk && desk.stationId === this.stationId && desk.counterId)
        await this.openCounter(desk.counterId);
      else this.phase = 'counter';
    },

    async openCounter(counterId) {
      this.counterId = counterId;
      if (!(await this.setCounter('open'))) return;
      this.phase = 'work';
      // A reload brings the clerk back to the same counter; the station knows who is at it.
      sessionStorage.setItem(DESK_KEY, JSON.stringify({ stationId: this.stationId, counterId }));
      this.listen();
      await this.refresh();
    },

    async setCounter(action) {
      if ((await this.act(`${this.counterPath()}/${action}`)) === undefined) return false;
      this.counterState = COUNTER_STATE[action];
      if (action === 'close') this.leaveCounter();
      return true;
    },

    leaveCounter() {
      this.stopListening();
      this.counterId = null;
      this.current = null;
      sessionStorage.removeItem(DESK_KEY);
      this.phase = 'counter';
      api(`${this.stationPath()}/counters`).then((counters) => (this.counters = counters));
    },

    can(action) {
      if (this.busy || this.dialog) return false;
      if (action === 'history' || action === 'person') return this.phase === 'work';
      if (action === 'openHere') return this.counterState !== 'open';
      if (action === 'pauseHere') return this.counterState === 'open';
      if (action === 'closeHere') return true;
      const status = this.current && this.current.status;
      if (action === 'callNext') return this.counterState === 'open' && !this.current;
      if (action === 'complete') return status === 'serving';
      if (action === 'transfer') return status === 'called' || status === 'serving';
      return status === 'called';
    },

    async callNext() {
      const reply = await this.act(`${this.counterPath()}/call-next`);
      if (reply === undefined) return;
      if (reply === null) return this.say('info', 'console.nobodyWaiting', {});
      this.current = reply.ticket;
      this.say('info', 'console.called', { number: reply.ticket.number });
      await this.refresh();
    },

    async recall() {
      const ticket = await this.act(this.ticketPath('recall'));
      if (!ticket) return;
      this.current = ticket;
      // Recalls run out: the station then marks the resident a no-show by itself.
      if (ticket.status === 'no-show') this.finish('console.noShowDone');
    },

    async start() {
      const ticket = await this.act(this.ticketPath('start'));
      if (ticket) this.current = ticket;
    },

    async noShow() {
      if (await this.act(this.ticketPath('no-show'))) this.finish('console.noShowDone');
    },

    async transfer() {
      const body = {};
      for (const [key, value] of Object.entries(this.transferForm))
        if (value.trim()) body[key] = value.trim();
      this.dialog = null;
      const reply = await this.act(this.ticketPath('transfer'), body);
      if (reply) this.finish('console.transferred', { to: reply.ticket.number });
    },

    finish(key, vars = {}) {
      this.say('info', key, { number: this.current.number, ...vars });
      this.current = null;
      this.ticketRecord = '';
      this.refresh();
    },

    openDialog(name) {
      if (!this.can(name)) return;
      this.completeForm = { outcome: 'done', recordId: this.ticketRecord, reason: '', note: '' };
      this.completeProblem = '';
      this.transferForm = { toBusiness: '', toCounterId: '', toStationId: '' };
      this.dialog = name;
      this.$nextTick(() => {
        const first = document.querySelector(
          `.dialog[data-dialog=${name}] input, .dialog[data-dialog=${name}] select`,
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
        if (error.status === 409) this.refresh();
        return undefined;
      } finally {
        this.busy = false;
      }
    },

    shortcut(event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (this.phase === 'counter') return this.counterKey(event);
      if (this.phase !== 'work') return;
      if (this.view !== 'desk') return;
      if (this.dialog) return this.dialogKey(event);
      if (['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName)) return;
      const action = KEYS[event.key.toLowerCase()];
      if (!action || !this.can(action)) return;
      event.preventDefault();
      if (action === 'transfer' || action === 'complete') this.openDialog(action);
      else this[action]();
    },

    // Picking a counter: 1–9 take the first nine as listed.
    counterKey(event) {
      if (['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName)) return;
      const counter = /^[1-9]$/.test(event.key) && this.counters[Number(event.key) - 1];
      if (!counter || this.view !== 'desk') return;
      event.preventDefault();
      this.openCounter(counter.counterId);
    },

    /** The station is the truth: my queue, my counter's state and the resident at it. */
    async refresh() {
      if (!this.counterId) return;
      try {
        const live = await api(
          `${this.stationPath()}/queue?counterId=${encodeURIComponent(this.counterId)}`,
        );
        this.queue = live.waiting;
        this.counters = live.counters;
        const mine = live.counters.find((c) => c.counterId === this.counterId);
        if (!mine) return this.leaveCounter();
        this.counterState = mine.status;
        const at = mine.currentTicket;
        if (!at) this.current = null;
        else if (
          !this.current ||
          this.current.ticketId !== at.ticketId ||
          this.current.status !== at.status
        )
          this.current = await api(`/api/tickets/${encodeURIComponent(at.ticketId)}`);
      } catch (error) {
        if (error.status === 401 || error.status === 404) this.fail(error);
      }
    },

    // A call is several changes in a row; one refresh answers the burst.
    refreshSoon() {
      clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => this.refresh(), 150);
    },

    listen() {
      this.stopListening();
      this.stream = live(`${this.stationPath()}/events`, {
        onState: (state) => {
          if (state === 'signed-out') this.fail(new window.Circle.ApiError(401, {}));
          else this.liveState = state;
        },
        onEvent: () => this.refreshSoon(),
      });
    },

    stopListening() {
      if (this.stream) this.stream.close();
      this.stream = null;
    },

    minutesSince(iso) {
      return iso ? Math.max(0, Math.floor((this.now - Date.parse(iso)) / 60_000)) : 0;
    },

    stationPath() {
      return `/api/stations/${encodeURIComponent(this.stationId)}`;
    },
    counterPath() {
      return `${this.stationPath()}/counters/${encodeURIComponent(this.counterId)}`;
    },
    ticketPath(action) {
      return `/api/tickets/${encodeURIComponent(this.current.ticketId)}/${action}`;
    },

    // With words (vars given, text is their key) the message follows the language switch,
    // and so does a var given as {t: key, after}.
    say(kind, text, vars) {
      this.message = { kind, text, vars };
    },

    messageLine() {
      const { text, vars } = this.message;
      if (!vars) return text;
      const words = {};
      for (const [name, value] of Object.entries(vars))
        words[name] = value && value.t ? `${this.$t(value.t)}${value.after || ''}` : value;
      return this.$t(text, words);
    },

    fail(error) {
      this.say('error', describeError(error, this.$store.i18n));
      if (error.status === 401) this.logOut();
    },
  }));
});
