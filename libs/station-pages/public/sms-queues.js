// The admins' view of the SMS queues: each queue's jobs per state, and its failed jobs, which an
// admin sends again or drops. Keyboard first: ↑ ↓ pick a failed job, R retries it, D drops it
// (D or Enter again to confirm, Esc to think again), U reads the queues again.
document.addEventListener('alpine:init', () => {
  const { api, auth, describeError } = window.Circle;
  const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'];
  const EVERY_MS = 5_000;

  window.Alpine.data('smsQueues', () => ({
    phase: 'login',
    username: '',
    password: '',
    error: '',
    user: '',
    states: STATES,
    queues: [],
    failed: {},
    picked: null,
    dropping: null,
    notice: null,
    working: false,
    timer: null,
    readAt: null,

    init() {
      const claims = auth.claims();
      if (claims && claims.role === 'admin') this.start(claims);
      else auth.logOut();
    },

    async logIn() {
      this.error = '';
      try {
        const claims = await auth.logIn(this.username, this.password);
        this.password = '';
        if (claims.role !== 'admin') {
          auth.logOut();
          this.error = this.$t('queues.notAdmin');
          return;
        }
        await this.start(claims);
      } catch (error) {
        this.error = describeError(error, this.$store.i18n);
      }
    },

    logOut() {
      clearInterval(this.timer);
      auth.logOut();
      Object.assign(this, { phase: 'login', queues: [], failed: {}, picked: null });
    },

    async start(claims) {
      this.user = claims.sub;
      this.phase = 'queues';
      await this.read();
      this.timer = setInterval(() => this.working || this.dropping || this.read(), EVERY_MS);
    },

    /** Every queue's counts, then its failed jobs (the only ones an admin acts on). */
    async read() {
      try {
        const queues = await api('/api/sms/queues');
        const failed = {};
        for (const q of queues)
          failed[q.queue] = q.counts.failed
            ? await api(`/api/sms/queues/${encodeURIComponent(q.queue)}/jobs?state=failed`)
            : [];
        this.queues = queues;
        this.failed = failed;
        this.readAt = new Date().toISOString();
        if (this.picked && !this.rows().some((r) => this.same(r, this.picked))) this.picked = null;
        this.error = '';
      } catch (error) {
        this.error = describeError(error, this.$store.i18n);
        if (error.status === 401 || error.status === 403) this.logOut();
      }
    },

    /** The failed jobs of every queue in the order shown, each with its queue. */
    rows() {
      return this.queues.flatMap((q) =>
        (this.failed[q.queue] || []).map((job) => ({ queue: q.queue, job })),
      );
    },

    same(a, b) {
      return Boolean(a && b && a.queue === b.queue && a.job.jobId === b.job.jobId);
    },

    pick(row) {
      this.picked = row;
      this.dropping = null;
      this.$nextTick(() => {
        const el = document.querySelector(
          `[data-queue="${row.queue}"] [data-job="${CSS.escape(row.job.jobId)}"]`,
        );
        if (el) el.focus();
      });
    },

    move(step) {
      const rows = this.rows();
      if (!rows.length) return;
      const at = rows.findIndex((r) => this.same(r, this.picked));
      const next = at < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, at + step));
      this.pick(rows[next]);
    },

    jobPath(row) {
      return `/api/sms/queues/${encodeURIComponent(row.queue)}/jobs/${encodeURIComponent(row.job.jobId)}`;
    },

    async retry(row = this.picked) {
      if (!row || this.working) return;
      await this.act(row, 'retried', () =>
        api(`${this.jobPath(row)}/retry`, { method: 'POST', idempotent: false }),
      );
    },

    askDrop(row = this.picked) {
      if (!row || this.working) return;
      if (this.same(this.dropping, row)) return this.drop(row);
      this.dropping = row;
    },

    async drop(row = this.dropping) {
      if (!row || this.working) return;
      this.dropping = null;
      await this.act(row, 'dropped', () =>
        api(this.jobPath(row), { method: 'DELETE', idempotent: false }),
      );
    },

    async act(row, done, request) {
      this.working = true;
      this.notice = null;
      try {
        await request();
        this.notice = { kind: 'info', key: `queues.${done}`, jobId: row.job.jobId };
      } catch (error) {
        this.notice = { kind: 'error', text: describeError(error, this.$store.i18n) };
      } finally {
        this.working = false;
      }
      const rows = this.rows();
      const at = rows.findIndex((r) => this.same(r, row));
      await this.read();
      const left = this.rows();
      if (left.length) this.pick(left[Math.min(Math.max(at, 0), left.length - 1)]);
      else this.picked = null;
    },

    noticeText() {
      if (!this.notice) return '';
      return this.notice.text || this.$t(this.notice.key, { job: this.notice.jobId });
    },

    key(event) {
      if (this.phase !== 'queues' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName)) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const actions = {
        ArrowDown: () => this.move(1),
        ArrowUp: () => this.move(-1),
        r: () => this.retry(),
        d: () => this.askDrop(),
        u: () => this.read(),
        Escape: () => (this.dropping = null),
        Enter: () => this.dropping && this.drop(),
      };
      if (key === 'Enter' && !this.dropping) return;
      if (!actions[key]) return;
      event.preventDefault();
      actions[key]();
    },

    shanghai(iso) {
      return window.CircleForms.shanghaiTime(iso);
    },
  }));
});
