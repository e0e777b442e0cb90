// The self-service kiosk: choose a business, optionally leave a phone, take a ticket.
// It signs in once with the station's kiosk account, which can issue tickets and nothing else.
document.addEventListener('alpine:init', () => {
  const { api, auth, deviceAccountProblem, describeError, stationIdFromPath } = window.Circle;
  const IDLE_RETURN_MS = 30_000;
  const MOBILE = /^1\d{10}$/;

  window.Alpine.data('kiosk', () => ({
    stationId: stationIdFromPath(),
    station: null,
    step: 'login',
    username: '',
    password: '',
    error: '',
    busy: false,
    business: null,
    phone: '',
    ticket: null,
    elsewhere: null,
    clock: '',
    idleTimer: null,

    init() {
      this.tick();
      setInterval(() => this.tick(), 10_000);
      if (this.signedInHere()) this.ready();
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

    get items() {
      return this.$store.i18n.items;
    },
    get handled() {
      const codes = this.station ? this.station.businesses : [];
      return this.items.filter((item) => codes.includes(item.code));
    },
    get others() {
      const codes = this.station ? this.station.businesses : [];
      return this.items.filter((item) => !codes.includes(item.code));
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
        await this.ready();
      } catch (error) {
        this.fail(error);
      }
    },

    async ready() {
      try {
        this.station = await api(`/api/stations/${encodeURIComponent(this.stationId)}`);
        this.restart();
      } catch (error) {
        this.fail(error);
      }
    },

    restart() {
      clearTimeout(this.idleTimer);
      this.business = null;
      this.phone = '';
      this.ticket = null;
      this.elsewhere = null;
      this.error = '';
      this.step = auth.token() ? 'choose' : 'login';
    },

    // A resident who walks away mid-way must not leave their choice for the next one.
    idleReturn() {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => this.restart(), IDLE_RETURN_MS);
    },

    choose(code) {
      this.business = code;
      this.phone = '';
      this.error = '';
      this.step = 'phone';
      this.idleReturn();
    },

    press(digit) {
      if (this.phone.length < 11) this.phone += digit;
      this.error = '';
      this.idleReturn();
    },

    async take(withPhone) {
      if (withPhone && !MOBILE.test(this.phone)) {
        this.error = this.$store.i18n.t('kiosk.phoneInvalid');
        return;
      }
      await this.issue(this.business, withPhone ? this.phone : undefined);
    },

    askElsewhere(code) {
      return this.issue(code, undefined);
    },

    async issue(business, phone) {
      this.busy = true;
      this.error = '';
      try {
        const body = phone ? { business, phone } : { business };
        const ticket = await api(`/api/stations/${encodeURIComponent(this.stationId)}/tickets`, {
          method: 'POST',
          body,
        });
        this.ticket = { ...ticket, phone: phone ? maskPhone(phone) : '' };
        this.step = 'ticket';
      } catch (error) {
        if (error.status === 422 && nearestOf(error.body).length) {
          this.elsewhere = { business, stations: nearestOf(error.body), message: error.message };
          this.step = 'elsewhere';
        } else this.fail(error);
      } finally {
        this.busy = false;
        this.idleReturn();
      }
    },

    waitText(ticket) {
      const wait = ticket.estimatedWait || {};
      if (wait.maxMinutes === undefined) return '';
      if (wait.maxMinutes === 0 && ticket.position <= 1)
        return this.$store.i18n.t('kiosk.waitNone');
      // Someone ahead is never "no wait", however quick the recent services were.
      if (wait.maxMinutes === 0) return this.$store.i18n.t('kiosk.waitShort', { max: 1 });
      if (!wait.minMinutes) return this.$store.i18n.t('kiosk.waitShort', { max: wait.maxMinutes });
      return this.$store.i18n.t('kiosk.wait', { min: wait.minMinutes, max: wait.maxMinutes });
    },

    fail(error) {
      this.error = describeError(error, this.$store.i18n);
      if (error.status === 401) this.step = 'login';
    },
  }));

  function maskPhone(phone) {
    return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  }

  // The wrong-station answer names the nearest stations that handle the business.
  function nearestOf(body) {
    const list = (body && (body.nearest || body.nearestStations || body.stations)) || [];
    return list.map((place) => ({
      stationId: place.stationId,
      name: place.name,
      nameEn: place.nameEn,
      minutes: place.minutes ?? place.travelMinutes,
    }));
  }
});
