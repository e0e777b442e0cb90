// The printed settlement statement. It is filled from the stored record (GET), not from the
// screen, so the paper says what the fund recorded; the print stylesheet shows only this sheet.
document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;

  window.Alpine.store('statement', {
    record: null,
    problem: '',

    async load(settlementId) {
      this.problem = '';
      try {
        this.record = await api(`/api/settlements/${encodeURIComponent(settlementId)}`);
      } catch (error) {
        this.record = null;
        this.problem = describeError(error, window.Alpine.store('i18n'));
      }
      return this.record;
    },

    async print(settlementId) {
      if (!this.record || this.record.settlementId !== settlementId) await this.load(settlementId);
      if (this.record) window.print();
    },

    clear() {
      this.record = null;
      this.problem = '';
    },
  });

  window.Alpine.data('statementSheet', () => ({
    get record() {
      return this.$store.statement.record;
    },
    get stationName() {
      const i18n = this.$store.i18n;
      const station = i18n.stations.find((s) => s.stationId === this.record.stationId);
      return station ? i18n.stationName(station) : this.record.stationId;
    },
    get maskedId() {
      return window.CircleForms.maskResidentId(this.record.residentId);
    },
    settledAt(iso) {
      return window.CircleForms.shanghaiTime(iso);
    },
  }));
});
