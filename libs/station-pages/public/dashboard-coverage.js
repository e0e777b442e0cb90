// The district map and the coverage figures of one business item, inside the dashboard.
document.addEventListener('alpine:init', () => {
  const { api } = window.Circle;
  const MINUTES = 15;
  // The coverage projection recomputes after a counter opens or closes, a moment behind the
  // live stream; the figures are read again a few times after such a change, and now and then.
  const AFTER_CHANGE_MS = [1_000, 4_000, 10_000];
  const REFRESH_MS = 60_000;
  const GEOGRAPHY_RETRY_MS = 5_000;

  async function optional(path) {
    try {
      return await api(path);
    } catch (error) {
      // 404 until the coverage engine has a geography (coverage_not_ready).
      if (error.status === 404) return null;
      throw error;
    }
  }

  window.Alpine.data('coverageMap', () => ({
    business: 'ENROLL_RESIDENT',
    minutes: MINUTES,
    // open: counters open now; staffed: counters skilled for the item, open or not.
    basis: 'open',
    coverage: null,
    geography: null,
    drawing: null,
    timers: [],
    legend: window.CircleMap.legend(),

    init() {
      this.$watch('stations', () => this.drawMap());
      this.$watch('counterRevision', () => this.reloadSoon());
      if (this.stations.length) this.drawMap();
      setInterval(() => this.phase === 'board' && this.loadCoverage(), REFRESH_MS);
    },

    async drawMap() {
      if (!this.stations.length) return;
      try {
        if (!this.geography) {
          const [communities, roads] = await Promise.all([
            optional('/api/coverage/geography/communities'),
            optional('/api/coverage/geography/roads'),
          ]);
          this.geography = { communities, roads };
        }
      } catch (error) {
        // Drawn without communities for now, and asked for again in a moment.
        this.fail(error);
        this.geography = null;
        setTimeout(() => this.drawMap(), GEOGRAPHY_RETRY_MS);
      }
      const { communities, roads } = this.geography || {};
      this.drawing = window.CircleMap.draw(this.$refs.map, {
        stations: this.stations,
        communities,
        roads,
      });
      await this.loadCoverage();
    },

    async loadCoverage() {
      const business = this.business;
      const item = `business=${encodeURIComponent(business)}&basis=${this.basis}`;
      try {
        const [coverage, communities] = await Promise.all([
          optional(`/api/coverage?${item}&minutes=${this.minutes}`),
          optional(`/api/coverage/communities?${item}`),
        ]);
        if (business !== this.business) return;
        this.coverage = coverage;
        if (communities && this.drawing && this.geography)
          this.drawing.shade(
            Object.fromEntries(
              communities.features.map((f) => [f.properties.communityId, f.properties.minutes]),
            ),
          );
      } catch (error) {
        this.fail(error);
      }
    },

    reloadSoon() {
      for (const timer of this.timers) clearTimeout(timer);
      this.timers = AFTER_CHANGE_MS.map((ms) => setTimeout(() => this.loadCoverage(), ms));
    },

    /** Which stations can take the item now: handled, with an open counter skilled for it. */
    stationStates() {
      return Object.fromEntries(
        this.stations.map((s) => {
          if (!s.businesses.includes(this.business)) return [s.stationId, 'none'];
          const card = this.cards[s.stationId];
          const open =
            card &&
            card.counters.some(
              (c) =>
                (this.basis === 'staffed' || c.status === 'open') &&
                c.skills.includes(this.business),
            );
          return [s.stationId, open ? 'capable' : 'closed'];
        }),
      );
    },

    paint() {
      if (!this.drawing) return;
      this.drawing.markStations(this.stationStates());
      const names = Object.fromEntries(
        this.stations.map((s) => [s.stationId, this.$store.i18n.stationName(s)]),
      );
      this.drawing.nameStations((id) => names[id] || id);
    },

    /** Coordinates or population made up for the demo must say so on the map. */
    get synthetic() {
      return (
        this.stations.some((s) => s.location && s.location.synthetic) ||
        Boolean(this.coverage && this.coverage.synthetic)
      );
    },

    percent(share) {
      return `${(share * 100).toFixed(1)}%`;
    },

    legendLabel(entry) {
      if (entry.noRoad) return this.$t('map.legend.noRoad');
      if (entry.to === null) return this.$t('map.legend.over', { from: entry.from });
      return this.$t('map.legend.minutes', { from: entry.from, to: entry.to });
    },
  }));
});
