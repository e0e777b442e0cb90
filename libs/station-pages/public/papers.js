// The papers a resident takes home from an enrollment or an enquiry: the contribution receipt
// (from the payment's answer) and the coverage certificate (from the API, with its verification
// code). Only the paper being printed shows on the page (papers.css); the screen never does.
document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;

  /** Which paper the print stylesheet shows; the dialog closing gives the page back. */
  function mark(kind) {
    document.body.dataset.paper = kind;
  }
  window.addEventListener('afterprint', () => delete document.body.dataset.paper);

  window.Alpine.store('papers', {
    receipt: null,
    certificate: null,
    problem: '',

    keepReceipt(facts) {
      this.receipt = facts;
    },

    print(kind) {
      if (!this[kind]) return;
      mark(kind);
      // Alpine paints the sheet on its next tick; print once it is on the page.
      requestAnimationFrame(() => window.print());
    },

    /** Asks the API each time: the code seals the facts of the day it is printed. */
    async printCertificate(residentId, year) {
      this.problem = '';
      const query = year ? `?year=${encodeURIComponent(year)}` : '';
      try {
        this.certificate = await api(
          `/api/residents/${encodeURIComponent(residentId)}/certificate${query}`,
        );
      } catch (error) {
        this.certificate = null;
        this.problem = describeError(error, window.Alpine.store('i18n'));
        return null;
      }
      this.print('certificate');
      return this.certificate;
    },

    clear() {
      Object.assign(this, { receipt: null, certificate: null, problem: '' });
      delete document.body.dataset.paper;
    },
  });

  window.Alpine.data('paperSheet', () => ({
    stationName(stationId) {
      const i18n = this.$store.i18n;
      const station = i18n.stations.find((s) => s.stationId === stationId);
      return station ? i18n.stationName(station) : stationId;
    },
    time(iso) {
      return window.CircleForms.shanghaiTime(iso);
    },
    get verifyAt() {
      return `${location.origin}/verify`;
    },
  }));
});
