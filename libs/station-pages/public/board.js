// The hall's display board: who is called to which counter, the last few calls, how many wait.
// It shows and never sounds; announcements are the hall's own system.
document.addEventListener('alpine:init', () => {
  const { api, auth, deviceAccountProblem, describeError, live, stationIdFromPath } = window.Circle;
  const RECENT = 5;
  const FLASH_MS = 2500;

  window.Alpine.data('board', () => ({
    stationId: stationIdFromPath(),
    station: null,
    phase: 'login',
    username: '',
    password: '',
    error: '',
    calls: [],
    waiting: 0,
    liveState: 'reconnecting',
    flash: false,
    clock: '',
    stream: null,
    flashTimer: null,

    init() {
      this.tick();
      setInterval(() => this.tick(), 10_000);
      if (this.signedInHere()) this.show();
    },

    // A token left in the tab by another account is dropped rather than used here.
    signedInHere() {
      const problem = deviceAccountProblem(auth.claims(), this.stationId, this.$store.i18n);
      if (problem) auth.logOut();
      return Boolean(auth.token());
    },

    tick() {
      this.clock = new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });
    },

    get latest() {
      return this.calls[0] || null;
    },
    get earlier() {
      return this.calls.slice(1, RECENT + 1);
    },

    async logIn() {
      this.error = '';
      try {
        const claims = await auth.logIn(this.username, this.password);
        this.password = '';
        const problem = deviceAccountProblem(claims, this.stationId, this.$store.i18n);
        if (problem) {
          auth.logOut();
          this.error = problem;
          return;
        }
        await this.show();
      } catch (error) {
        this.fail(error);
      }
    },

    async show() {
      try {
        this.station = await api(`/api/stations/${encodeURIComponent(this.stationId)}`);
      } catch (error) {
        return this.fail(error);
      }
      this.phase = 'board';
      this.error = '';
      this.stream = live(`/api/stations/${encodeURIComponent(this.stationId)}/events`, {
        onState: (state) => {
          if (state === 'signed-out') this.fail(new window.Circle.ApiError(401, {}));
          else this.liveState = state;
        },
        onEvent: (event) => this.apply(event),
      });
    },

    apply(event) {
      if (typeof event.waiting === 'number') this.waiting = event.waiting;
      if (event.type === 'Snapshot')
        this.calls = (event.lastCalls || []).map((call) => ({ ...call, key: keyOf(call) }));
      if (event.type !== 'TicketCalled' && event.type !== 'TicketRecalled') return;
      const call = { ...event, key: keyOf(event) };
      // A recall moves the call back to the top instead of listing the same ticket twice.
      this.calls = [call, ...this.calls.filter((c) => c.ticketId !== call.ticketId)].slice(0, 20);
      this.flash = true;
      clearTimeout(this.flashTimer);
      this.flashTimer = setTimeout(() => (this.flash = false), FLASH_MS);
    },

    fail(error) {
      this.error = describeError(error, this.$store.i18n);
      if (error.status === 401) {
        if (this.stream) this.stream.close();
        this.phase = 'login';
      }
    },
  }));

  function keyOf(call) {
    return `${call.ticketId}:${call.at}`;
  }
});
