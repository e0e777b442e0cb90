// The monthly report tab: one month's figures in the press release's order, and its CSV.
document.addEventListener('alpine:init', () => {
  const { api, auth, ApiError } = window.Circle;
  const { formatYuan, shanghaiToday } = window.CircleForms;

  window.Alpine.data('monthlyReport', () => ({
    month: shanghaiToday().slice(0, 7),
    report: null,
    loading: false,

    init() {
      this.$watch('tab', (tab) => tab === 'report' && this.load());
      if (this.tab === 'report') this.load();
    },

    async load() {
      if (!/^\d{4}-\d{2}$/.test(this.month)) return;
      const month = this.month;
      this.loading = true;
      try {
        const report = await api(`/api/reports/monthly?month=${month}`);
        if (month === this.month) this.report = report;
      } catch (error) {
        this.fail(error);
      } finally {
        this.loading = false;
      }
    },

    /** The CSV needs the bearer token, so it is fetched here and handed over as a file. */
    async downloadCsv() {
      const response = await fetch(`/api/reports/monthly.csv?month=${this.month}`, {
        headers: { authorization: `Bearer ${auth.token()}` },
      });
      if (!response.ok) return this.fail(new ApiError(response.status, await response.json()));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = `monthly-report-${this.month}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    },

    get totals() {
      const lines = this.report ? this.report.treatments : [];
      const sum = (field) => lines.reduce((s, t) => s + t[field], 0);
      return {
        treatments: sum('treatments'),
        fundFen: sum('fundFen'),
        assistedTreatments: sum('assistedTreatments'),
        assistanceFen: sum('assistanceFen'),
      };
    },

    line(setting) {
      return this.report.treatments.find((t) => t.setting === setting);
    },

    get summary() {
      if (!this.report) return '';
      const [inpatient, chronic, outpatient] = [
        'inpatient',
        'chronic-outpatient',
        'outpatient',
      ].map((s) => this.line(s));
      return this.$t('report.summary', {
        month: this.month,
        inpatient: inpatient.treatments,
        inpatientFund: formatYuan(inpatient.fundFen),
        chronic: chronic.treatments,
        chronicFund: formatYuan(chronic.fundFen),
        outpatient: outpatient.treatments,
        outpatientFund: formatYuan(outpatient.fundFen),
      });
    },

    stationName(stationId) {
      const station = this.stations.find((s) => s.stationId === stationId);
      return station ? this.$store.i18n.stationName(station) : stationId;
    },

    yuan(fen) {
      return formatYuan(fen);
    },
  }));
});
