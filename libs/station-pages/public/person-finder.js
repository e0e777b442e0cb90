// Find a person (/): by ID number, by name and birth date, or by phone, and everything the
// counter needs to know of them in one view: coverage, category, the year's contributions,
// qualifications, filings and what is still open. A screen that needs the resident calls the
// console's findPerson() and gets the one the clerk picks (Ctrl+Enter).
document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;
  const forms = window.CircleForms;
  const WAYS = ['id', 'name', 'phone'];
  const FIELDS = ['residentId', 'name', 'birthDate', 'phone'];
  const MOBILE = /^1\d{10}$/;

  const emptySearch = () => ({ residentId: '', name: '', birthDate: '', phone: '' });

  window.Alpine.data('personFinder', () => ({
    ways: WAYS,
    way: 'id',
    search: emptySearch(),
    searchErrors: {},
    searchProblem: '',
    found: null,
    chosen: 0,
    profile: null,
    looking: false,

    init() {
      this.$watch('dialog', (name) => {
        if (name === 'person') this.focusSearch();
      });
    },

    get finderShown() {
      return this.dialog === 'person';
    },
    get today() {
      return forms.shanghaiToday();
    },
    /** The year shown: the one the enquiry answered with. */
    get profileYear() {
      return this.profile && this.profile.coverage;
    },
    get openItems() {
      return this.profile ? this.openItemsOf(this.profile) : [];
    },

    chooseWay(way) {
      this.way = way;
      this.searchErrors = {};
      this.searchProblem = '';
      this.focusSearch();
    },

    /** The search as the API takes it, or null with the problem on its field. */
    readSearch() {
      const s = this.search;
      const t = (key) => this.$t(`person.problem.${key}`);
      const errors = {};
      if (this.way === 'id') {
        const problem = forms.residentIdProblem(s.residentId, this.today);
        if (problem) errors.residentId = this.$t(`bill.problem.${problem}`);
      } else if (this.way === 'name') {
        if (!s.name.trim()) errors.name = t('name');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(s.birthDate)) errors.birthDate = t('birthDate');
      } else if (!MOBILE.test(s.phone.trim())) errors.phone = t('phone');
      this.searchErrors = errors;
      const first = FIELDS.find((f) => errors[f]);
      if (first) {
        this.focusField(first);
        return null;
      }
      if (this.way === 'id') return { residentId: forms.normalResidentId(s.residentId) };
      if (this.way === 'name') return { name: s.name.trim(), birthDate: s.birthDate };
      return { phone: s.phone.trim() };
    },

    async find() {
      if (this.looking) return;
      this.searchProblem = '';
      const query = this.readSearch();
      if (!query) return;
      this.found = null;
      this.profile = null;
      if (query.residentId) return this.show(query.residentId);
      this.looking = true;
      try {
        this.found = await api(`/api/people?${new URLSearchParams(query)}`);
        this.chosen = 0;
        this.$nextTick(() => this.focusResult());
      } catch (error) {
        this.refused(error);
      } finally {
        this.looking = false;
      }
    },

    async show(residentId) {
      this.looking = true;
      this.searchProblem = '';
      try {
        this.profile = await api(`/api/residents/${encodeURIComponent(residentId)}/coverage`);
        this.$nextTick(() => {
          const head = document.querySelector('.person-finder .profile');
          if (head) head.focus();
        });
      } catch (error) {
        if (error.status === 404 && this.way === 'id')
          this.searchErrors = { residentId: this.$t('person.problem.notFound') };
        else this.refused(error);
      } finally {
        this.looking = false;
      }
    },

    refused(error) {
      const problems = forms.fieldProblems(error, FIELDS);
      this.searchErrors = problems;
      const first = FIELDS.find((f) => problems[f]);
      if (first) this.focusField(first);
      else this.searchProblem = describeError(error, this.$store.i18n);
    },

    back() {
      this.profile = null;
      if (this.found) this.$nextTick(() => this.focusResult());
      else this.focusSearch();
    },

    pick() {
      if (!this.profile || !this.personWanted) return;
      const { residentId, name, birthDate, sex, category, region } = this.profile;
      this.personPicked({ residentId, name, birthDate, sex, category, region });
    },

    /** What still waits: a year not paid, a qualification undecided, a transfer open. */
    openItemsOf(profile) {
      const items = [];
      for (const year of profile.years || [])
        if (year.outstandingFen > 0)
          items.push(
            this.$t('person.payment.due', {
              year: year.year,
              amount: forms.formatYuan(year.outstandingFen),
            }),
          );
      for (const q of profile.qualifications || [])
        if (q.status === 'pending')
          items.push(
            this.$t('person.qualification.pending', {
              disease: q.diseaseName || q.disease,
              deadline: forms.shanghaiTime(q.deadline),
            }),
          );
      for (const t of profile.transfers || [])
        if (t.status === 'pending')
          items.push(
            this.$t('person.transfer.pending', {
              from: this.region(t.fromRegion),
              to: this.region(t.toRegion),
              deadline: forms.shanghaiTime(t.deadline),
            }),
          );
      return items;
    },

    /** A region's name where the pages know it, its code otherwise. */
    region(code) {
      const key = `region.${code}`;
      return this.$store.i18n.has(key) ? this.$t(key) : code;
    },
    yuan(fen) {
      return forms.formatYuan(fen || 0);
    },
    time(iso) {
      return forms.shanghaiTime(iso);
    },

    focusSearch() {
      const field = { id: 'residentId', name: 'name', phone: 'phone' }[this.way];
      this.focusField(field);
    },

    focusField(field, frames = 10) {
      const input = document.querySelector(`.person-finder [name=${field}]`);
      if (input && input.offsetParent) input.focus();
      else if (frames > 0) requestAnimationFrame(() => this.focusField(field, frames - 1));
    },

    /** The list is drawn a frame or two after the answer: wait for it. */
    focusResult(frames = 10) {
      const row = document.querySelectorAll('.person-finder .found-list button')[this.chosen];
      if (row && row.offsetParent) row.focus();
      else if (frames > 0) requestAnimationFrame(() => this.focusResult(frames - 1));
    },

    // Alt+1/2/3 the way to search; ↑↓ move in the results; Ctrl+Enter uses the person shown;
    // Backspace outside a field goes back to the results. Esc is the console's: it closes.
    finderKey(event) {
      if (!this.finderShown) return;
      const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName);
      const way = event.altKey && WAYS[Number(event.key) - 1];
      if (way) {
        event.preventDefault();
        return this.chooseWay(way);
      }
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && this.profile) {
        event.preventDefault();
        return this.pick();
      }
      if (typing) return;
      const people = (this.found && this.found.people) || [];
      if (!this.profile && people.length && ['ArrowDown', 'ArrowUp'].includes(event.key)) {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.chosen = (this.chosen + step + people.length) % people.length;
        return this.focusResult();
      }
      if (event.key === 'Backspace' && this.profile) {
        event.preventDefault();
        this.back();
      }
    },
  }));
});
