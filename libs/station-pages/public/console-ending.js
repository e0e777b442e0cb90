// How a ticket at the counter ends: the complete dialog (1–4 the outcome, A–F the reason of a
// not-handled one), its own check before anything is sent, and a screen's finishWithRecord.
// Methods of the clerk console (console.js), which spreads them into itself.
(() => {
  const OUTCOMES = ['done', 'documents-missing', 'referred', 'not-handled'];
  // The reasons are picked with letters in the dialog, as the digits pick the outcome.
  const REASONS = [
    'documents-missing',
    'not-eligible',
    'resident-left',
    'referred',
    'system-unavailable',
    'other',
  ];
  const REASON_KEYS = 'abcdef';
  // Dialogs that are panels of their own: they take their own keys, the console only Esc.
  const PANELS = ['history', 'person'];

  window.CircleConsoleParts = window.CircleConsoleParts || {};
  window.CircleConsoleParts.ending = {
    outcomes: OUTCOMES,
    reasons: REASONS,
    reasonKeys: REASON_KEYS,

    /** True when the ticket was completed; a refusal is shown and answers false. */
    async complete() {
      const form = this.completeForm;
      if (this.dialog === 'complete' && !this.completeFormReady()) return false;
      const body = { outcome: form.outcome };
      const recordId = (form.recordId || '').trim();
      if (recordId) body.recordId = recordId;
      if (recordId && form.recordKind) body.recordKind = form.recordKind;
      if (form.outcome === 'not-handled') body.reason = form.reason;
      if (form.outcome === 'not-handled' && (form.note || '').trim()) body.note = form.note.trim();
      this.dialog = null;
      if (!(await this.act(this.ticketPath('complete'), body))) return false;
      if (body.outcome === 'not-handled')
        this.finish('console.notHandledDone', { reason: { t: `console.reason.${body.reason}` } });
      else if (body.recordKind)
        this.finish('console.completedWith', {
          record: { t: `record.${body.recordKind}`, after: ` ${body.recordId}` },
        });
      else this.finish('console.completed');
      return true;
    },

    /** The dialog's own check, before anything is sent: a reason, and words for "other". */
    completeFormReady() {
      const form = this.completeForm;
      this.completeProblem = '';
      if (form.outcome !== 'not-handled') return true;
      if (!form.reason) this.completeProblem = 'console.reasonRequired';
      else if (form.reason === 'other' && !(form.note || '').trim())
        this.completeProblem = 'console.noteRequired';
      if (!this.completeProblem) return true;
      this.$nextTick(() => {
        const field = form.reason ? 'note' : 'reason';
        const input = document.querySelector(`.dialog[data-dialog=complete] [name=${field}]`);
        if (input) input.focus();
      });
      return false;
    },

    /** "Resident 3708…1234": a ticket's record as the clerk reads it. */
    recordLabel({ recordId, recordKind }) {
      if (!recordId) return this.$t('record.none');
      return recordKind ? `${this.$t(`record.${recordKind}`)} ${recordId}` : recordId;
    },

    /** A screen's end: the ticket completes as done with the record it made as its outcome. */
    async finishWithRecord(recordId, recordKind) {
      if (!this.can('complete')) return false;
      this.ticketRecord = recordId;
      this.completeForm = { outcome: 'done', recordId, recordKind };
      return this.complete();
    },

    // In a dialog: 1–4 pick the outcome and A–F the reason (unless typing), Enter confirms,
    // Esc leaves. The panels (history, person) take their own keys but Esc.
    dialogKey(event) {
      if (event.key === 'Escape') return this.closePanel();
      if (PANELS.includes(this.dialog)) return;
      const typing = event.target.tagName === 'INPUT' && event.target.type === 'text';
      const outcome = OUTCOMES[Number(event.key) - 1];
      const reason = REASONS[REASON_KEYS.indexOf(event.key.toLowerCase())];
      if (event.key === 'Enter' && event.target.tagName !== 'BUTTON') {
        event.preventDefault();
        this[this.dialog]();
      } else if (this.dialog === 'complete' && outcome && !typing) {
        event.preventDefault();
        this.completeForm.outcome = outcome;
        this.completeProblem = '';
      } else if (this.dialog === 'complete' && reason && !typing && event.key.length === 1) {
        event.preventDefault();
        Object.assign(this.completeForm, { outcome: 'not-handled', reason });
        this.completeProblem = '';
        if (reason === 'other') this.$nextTick(() => this.focusNote());
      }
    },

    focusNote() {
      const note = document.querySelector('.dialog[data-dialog=complete] [name=note]');
      if (note) note.focus();
    },
  };
})();
