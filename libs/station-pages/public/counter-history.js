// The counter's day for its clerks (H): each ticket it finished, how, with what record, when
// and how long. Read when the panel opens, from the station's own queue, so the ticket just
// completed is in it.
document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;
  const forms = window.CircleForms;

  window.Alpine.data('counterHistory', () => ({
    day: null,
    historyProblem: '',
    historyLoading: false,

    init() {
      this.$watch('dialog', (name) => {
        if (name === 'history') this.loadHistory();
      });
    },

    get historyShown() {
      return this.dialog === 'history';
    },

    async loadHistory() {
      this.historyLoading = true;
      this.historyProblem = '';
      try {
        this.day = await api(`${this.counterPath()}/history`);
      } catch (error) {
        this.historyProblem = describeError(error, this.$store.i18n);
      } finally {
        this.historyLoading = false;
      }
      this.$nextTick(() => {
        const close = document.querySelector('.history-panel button[data-action=close-history]');
        if (close) close.focus();
      });
    },

    /** What the ticket came to: the outcome and its reason, or how it left the counter. */
    historyOutcome(ticket) {
      if (ticket.status !== 'done') return this.$t(`history.status.${ticket.status}`);
      const outcome = this.$t(`console.outcome.${ticket.outcome}`);
      if (ticket.outcome !== 'not-handled') return outcome;
      const reason = this.$t(`console.reason.${ticket.reason}`);
      return `${outcome}：${reason}${ticket.note ? `（${ticket.note}）` : ''}`;
    },

    historyTimes(ticket) {
      const clock = (iso) => (iso ? forms.shanghaiTime(iso).slice(11) : '');
      return `${clock(ticket.startedAt || ticket.calledAt)}–${clock(ticket.finishedAt)}`;
    },

    historyMinutes(seconds) {
      return this.$t('history.minutesValue', { minutes: (seconds / 60).toFixed(1) });
    },
  }));
});
