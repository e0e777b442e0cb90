// The district map and the coverage figures of one business item, inside the dashboard.
document.addEventListener('alpine:init', () => {
  const { api } = window.Circle;
  const MINUTES = 15;

  /** Minutes per community: the map's own answer when there is one, else what coverage names. */
  function minutesFrom(coverage, perCommunity, communities) {
    if (perCommunity)
      return Object.fromEntries(perCommunity.map((c) => [c.communityId, c.minutes]));
    const beyond = Object.fromEntries(coverage.uncovered.map((c) => [c.communityId, c.minutes]));
    // Within the circle but minutes unknown: drawn in its band's colour at the limit.
    const ids = communities ? communities.features.map((f) => f.properties.communityId) : [];
    return Object.fromEntries(ids.map((id) => [id, id in beyond ? beyond[id] : MINUTES]));
  }

  async function optional(path) {
    try {
      return await api(path);
    } catch (error) {
      if (error.status === 404) return null;
      throw error;
    }
  }

  window.Alpine.data('coverageMap', () => ({
    business: 'ENROLL_RESIDENT',
    minutes: MINUTES,
    coverage: null,
    geography: null,
    drawing: null,
    legend: window.CircleMap.legend(),

    init() {
      this.$watch('stations', () => this.drawMap());
      if (this.stations.length) this.drawMap();
    },

    async drawMap() {
      if (!this.stations.length) return;
      if (!this.geography) this.geography = (await this.loadGeography()) || {};
      this.drawing = window.CircleMap.draw(this.$refs.map, {
        stations: this.stations,
        communities: this.geography.communities,
        roads: this.geography.roads,
      });
      await this.loadCoverage();
    },

    async loadGeography() {
      try {
        return await optional('/api/coverage/geography');
      } catch (error) {
        this.fail(error);
        return null;
      }
    },

    async loadCoverage() {
      const business = this.business;
      const query = `business=${encodeURIComponent(business)}&minutes=${this.minutes}`;
      try {
        const [coverage, perCommunity] = await Promise.all([
          optional(`/api/coverage?${query}`),
          optional(`/api/coverage/communities?${query}`),
        ]);
        if (business !== this.business) return;
        this.coverage = coverage;
        if (coverage && this.drawing)
          this.drawing.shade(minutesFrom(coverage, perCommunity, this.geography.communities));
      } catch (error) {
        this.fail(error);
      }
    },

    choose(business) {
      this.business = business;
      this.loadCoverage();
    },

    /** Which stations can take the item now: handled, with an open counter skilled for it. */
    stationStates() {
      return Object.fromEntries(
        this.stations.map((s) => {
          if (!s.businesses.includes(this.business)) return [s.stationId, 'none'];
          const card = this.cards[s.stationId];
          const open =
            card &&
            card.counters.some((c) => c.status === 'open' && c.skills.includes(this.business));
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
