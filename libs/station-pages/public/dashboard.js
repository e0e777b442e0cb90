// The supervisor's dashboard: every station's card, live; breaches of the time limits; the map
// and the monthly report live in their own components inside it.
document.addEventListener('alpine:init', () => {
  const { api, auth, describeError, live } = window.Circle;
  const READERS = ['supervisor', 'admin'];
  const BREACHES_EVERY_MS = 60_000;

  const countersOf = (card) =>
    card.counters.map((c) => `${c.counterId}:${c.status}:${c.skills.join(',')}`).join(';');

  window.Alpine.data('dashboard', () => {
    // The chart lives outside Alpine's reactive data: uPlot keeps its own canvas and state.
    let chart = null;
    let chartLang = null;
    return {
      phase: 'login',
      tab: location.pathname.startsWith('/reports') ? 'report' : 'live',
      username: '',
      password: '',
      error: '',
      user: '',
      liveState: 'reconnecting',
      stations: [],
      cards: {},
      // Server time minus page time, so waits count on the server's clock.
      skewMs: 0,
      now: Date.now(),
      openStationId: null,
      clerks: [],
      breaches: { qualifications: [], claims: [], transfers: [], decidedLate: 0 },
      stream: null,
      breachTimer: null,
      chartStationId: '',
      // Counted up whenever a counter opens, closes or changes skills: coverage may change.
      counterRevision: 0,

      init() {
        setInterval(() => (this.now = Date.now()), 1000);
        window.addEventListener('popstate', () => this.tabFromPath());
        const claims = auth.claims();
        if (claims && READERS.includes(claims.role)) this.start(claims);
        else auth.logOut();
      },

      tabFromPath() {
        this.tab = location.pathname.startsWith('/reports') ? 'report' : 'live';
      },

      show(tab) {
        this.tab = tab;
        history.pushState(null, '', tab === 'report' ? '/reports' : '/dashboard');
      },

      async logIn() {
        this.error = '';
        try {
          const claims = await auth.logIn(this.username, this.password);
          this.password = '';
          if (!READERS.includes(claims.role)) {
            auth.logOut();
            this.error = this.$t('dash.notSupervisor');
            return;
          }
          await this.start(claims);
        } catch (error) {
          this.fail(error);
        }
      },

      logOut() {
        if (this.stream) this.stream.close();
        auth.logOut();
        this.phase = 'login';
        this.cards = {};
      },

      async start(claims) {
        this.user = claims.sub;
        this.phase = 'board';
        this.stream = live('/api/dashboard/events', {
          onState: (state) => {
            if (state === 'signed-out') this.fail(new window.Circle.ApiError(401, {}));
            else this.liveState = state;
          },
          onEvent: (event) => this.apply(event),
        });
        try {
          this.stations = await api('/api/stations');
        } catch (error) {
          return this.fail(error);
        }
        this.loadBreaches();
        clearInterval(this.breachTimer);
        this.breachTimer = setInterval(
          () => this.phase === 'board' && this.loadBreaches(),
          BREACHES_EVERY_MS,
        );
      },

      apply(event) {
        if (event.at) this.skewMs = Date.parse(event.at) - Date.now();
        if (event.type === 'Snapshot') {
          const cards = { ...this.cards };
          for (const card of event.cards) if (this.newer(card)) cards[card.stationId] = card;
          this.cards = cards;
          // A User Timing mark, so the page's own speed can be read in any browser's tools.
          if (!performance.getEntriesByName('dashboard-cards').length)
            this.$nextTick(() => performance.mark('dashboard-cards'));
        } else if (event.type === 'StationCard' && this.newer(event.card)) {
          const before = this.cards[event.card.stationId];
          if (!before || countersOf(before) !== countersOf(event.card)) this.counterRevision += 1;
          this.cards = { ...this.cards, [event.card.stationId]: event.card };
          if (event.card.stationId === this.openStationId) this.loadClerks();
        }
      },

      /** Two answers may cross on the wire; the card worked out later wins. */
      newer(card) {
        const known = this.cards[card.stationId];
        return !known || Date.parse(card.at) >= Date.parse(known.at);
      },

      get cardList() {
        return this.stations
          .filter((s) => this.cards[s.stationId])
          .map((s) => ({ station: s, card: this.cards[s.stationId] }));
      },

      get districtHours() {
        return window.CircleChart.sumHours(Object.values(this.cards));
      },

      longestWait(card) {
        if (!card.longestWaitingSince) return null;
        const serverNow = this.now + this.skewMs;
        return Math.max(0, Math.round((serverNow - Date.parse(card.longestWaitingSince)) / 1000));
      },

      duration(seconds) {
        if (seconds === null || seconds === undefined) return this.$t('card.none');
        if (seconds < 60) return this.$t('duration.seconds', { s: seconds });
        const minutes = Math.floor(seconds / 60);
        if (minutes < 60) return this.$t('duration.minutes', { m: minutes });
        return this.$t('duration.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
      },

      kindOf(station) {
        return this.$t(`kind.${station.kind}`);
      },

      async openStation(stationId) {
        this.openStationId = stationId;
        this.clerks = [];
        await this.loadClerks();
      },

      closeStation() {
        this.openStationId = null;
      },

      get openCard() {
        return this.openStationId ? this.cards[this.openStationId] : null;
      },

      get openStationProfile() {
        return this.stations.find((s) => s.stationId === this.openStationId) || null;
      },

      async loadClerks() {
        const stationId = this.openStationId;
        try {
          const clerks = await api(`/api/stations/${encodeURIComponent(stationId)}/today/clerks`);
          if (stationId === this.openStationId) this.clerks = clerks;
        } catch (error) {
          this.fail(error);
        }
      },

      async loadBreaches() {
        try {
          const [qualifications, claims, transfers] = await Promise.all([
            api('/api/qualifications/overdue?withinMinutes=0'),
            api('/api/claims/overdue'),
            api('/api/transfers/overdue?withinMinutes=0'),
          ]);
          const open = claims.filter((c) => c.overdue);
          this.breaches = {
            qualifications: qualifications.filter((q) => q.overdue),
            claims: open,
            transfers: transfers.filter((t) => t.overdue),
            decidedLate: claims.length - open.length,
          };
        } catch (error) {
          this.fail(error);
        }
      },

      get breachCount() {
        const b = this.breaches;
        return b.qualifications.length + b.claims.length + b.transfers.length;
      },

      lateBy(deadline) {
        return this.duration(
          Math.max(0, Math.round((this.now + this.skewMs - Date.parse(deadline)) / 1000)),
        );
      },

      chartWords() {
        return {
          hour: this.$t('chart.hour'),
          arrivals: this.$t('chart.arrivals'),
          served: this.$t('chart.served'),
        };
      },

      mountChart(target) {
        chart = window.CircleChart.hourlyChart(target, this.chartWords());
        chartLang = this.$store.i18n.lang;
      },

      /** Runs again whenever the cards, the chosen station or the language change. */
      drawChart() {
        const card = this.chartStationId && this.cards[this.chartStationId];
        const hours = card ? card.hourly : this.districtHours;
        const lang = this.$store.i18n.lang;
        // A hidden chart has no width to draw in; it is drawn when the tab shows again.
        if (!chart || this.phase !== 'board' || this.tab !== 'live') return;
        if (lang !== chartLang) {
          chartLang = lang;
          chart.relabel(this.chartWords());
        }
        chart.show(hours);
      },

      fail(error) {
        this.error = describeError(error, this.$store.i18n);
        if (error.status === 401) {
          if (this.stream) this.stream.close();
          auth.logOut();
          this.phase = 'login';
        }
      },
    };
  });
});
