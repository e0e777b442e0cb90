// The insured-information change beside a started CHANGE_INFO ticket: the resident by ID, what
// the record says now, the change (only the fields that differ are sent), the history of
// earlier changes beside it, and the ticket completed with the resident's ID as its record.
document.addEventListener('alpine:init', () => {
  const { api, describeError } = window.Circle;
  const forms = window.CircleForms;
  const check = window.CircleEmployerForm;
  const BUSINESS = 'CHANGE_INFO';
  const FIELDS = [
    'residentId',
    'name',
    'phone',
    'address',
    'communityId',
    'householdId',
    'category',
    'reason',
  ];
  const CONTACT = ['phone', 'address', 'communityId', 'householdId'];
  const LIMITS = { name: 50, address: 200, communityId: 64, householdId: 64, reason: 200 };

  const emptyChange = () => ({
    name: '',
    phone: '',
    address: '',
    communityId: '',
    householdId: '',
    category: '',
    reason: '',
  });

  window.CircleScreens.register(BUSINESS, 'change-info');

  window.Alpine.data('infoChangePanel', () => ({
    changingFor: null,
    residentId: '',
    person: null,
    // What the record says of each contact field, where a read has shown it (else undefined).
    known: {},
    history: [],
    change: emptyChange(),
    errors: {},
    problem: '',
    note: '',
    changed: null,
    working: false,
    categories: [],
    changeKey: forms.keyKeeper(),

    init() {
      window.Circle.catalog().then(({ categories }) => (this.categories = categories));
      this.$watch('screenTicket', (ticket) => this.followChange(ticket));
      this.followChange(this.screenTicket);
    },

    changeShown() {
      return this.view === 'desk' && this.screen === 'change-info';
    },
    awaitingChangeCompletion() {
      const ticket = this.current;
      return Boolean(
        this.changed &&
        ticket &&
        ticket.ticketId === this.changingFor &&
        ticket.status === 'serving',
      );
    },

    /** The console opens the screen on a started ticket; a new call (null here) resets it. */
    followChange(ticket) {
      const mine = ticket && ticket.business === BUSINESS;
      if (mine && ticket.ticketId === this.changingFor) return;
      this.resetChange();
      this.changingFor = mine ? ticket.ticketId : null;
      if (!mine) return;
      this.residentId = ticket.residentId || '';
      if (this.residentId) this.lookUpPerson();
      else this.focusChange('residentId');
    },

    resetChange() {
      Object.assign(this, { residentId: '', person: null, known: {}, history: [] });
      Object.assign(this, { change: emptyChange(), errors: {}, problem: '', note: '' });
      this.changed = null;
      this.changeKey = forms.keyKeeper();
    },

    wordOf(found) {
      if (!found) return '';
      if (typeof found === 'string') return this.$t(`check.${found}`);
      return found.key ? this.$t(`check.${found.key}`, found.vars) : found.text;
    },

    async lookUpPerson() {
      if (this.working) return;
      const id = forms.normalResidentId(this.residentId);
      const found = forms.residentIdProblem(id, forms.shanghaiToday());
      this.errors = found ? { residentId: found } : {};
      Object.assign(this, { problem: '', note: '', person: null, history: [] });
      if (found) return this.focusChange('residentId');
      this.residentId = id;
      this.working = true;
      try {
        const path = `/api/residents/${encodeURIComponent(id)}`;
        const [person, history] = await Promise.all([
          api(`${path}/coverage`),
          api(`${path}/changes`),
        ]);
        this.person = person;
        this.showHistory(history);
        this.change = { ...this.formOf(person), reason: '' };
        this.focusChange('name');
      } catch (error) {
        this.refused(error);
      } finally {
        this.working = false;
      }
    },

    /** The console's person finder, for a resident who does not know their ID by heart. */
    async pickPerson() {
      if (!this.canPickPerson() || this.working) return;
      const person = await this.findPerson();
      if (!person) return this.focusChange('residentId');
      this.residentId = person.residentId;
      await this.lookUpPerson();
    },

    canPickPerson() {
      return typeof this.findPerson === 'function' && !this.changed && !this.dialog;
    },

    /** The history, newest first; each contact field's latest value is what the record says. */
    showHistory(entries) {
      const known = {};
      for (const entry of entries)
        for (const { field, to } of entry.changes) if (CONTACT.includes(field)) known[field] = to;
      this.known = { ...known, ...this.known };
      this.history = [...entries].reverse();
    },

    formOf(person) {
      const form = { name: person.name, category: person.category };
      for (const field of CONTACT) form[field] = this.known[field] ?? '';
      return form;
    },

    /** The fields that differ from the record; an emptied contact field the record shows is cleared. */
    changes() {
      const c = this.change;
      const body = {};
      if (c.name.trim() !== this.person.name) body.name = c.name.trim();
      if (c.category !== this.person.category) body.category = c.category;
      for (const field of CONTACT) {
        const typed = c[field].trim();
        const now = this.known[field];
        if (typed && typed !== now) body[field] = typed;
        else if (!typed && now) body[field] = null;
      }
      return body;
    },

    validate() {
      const c = this.change;
      const errors = {};
      for (const field of ['name', 'address', 'communityId', 'householdId', 'reason']) {
        const found = check.textProblem(c[field], LIMITS[field], field === 'name');
        if (found) errors[field] = found;
      }
      const phone = check.mobileProblem(c.phone);
      if (phone) errors.phone = phone;
      return errors;
    },

    async saveChange() {
      if (this.working || !this.person || this.changed) return;
      this.errors = this.validate();
      Object.assign(this, { problem: '', note: '' });
      const first = FIELDS.find((f) => this.errors[f]);
      if (first) return this.focusChange(first);
      const body = this.changes();
      if (!Object.keys(body).length) {
        this.note = 'change.nothing';
        return this.focusChange('name');
      }
      if (this.change.reason.trim()) body.reason = this.change.reason.trim();
      this.working = true;
      try {
        const path = `/api/residents/${encodeURIComponent(this.residentId)}`;
        const answer = await api(path, {
          method: 'PATCH',
          body,
          idempotencyKey: this.changeKey(body),
        });
        this.known = Object.fromEntries(CONTACT.map((f) => [f, answer.person[f]]));
        this.person = {
          ...this.person,
          name: answer.person.name,
          category: answer.person.category,
        };
        this.showHistory(await api(`${path}/changes`).catch(() => []));
        if (!answer.changes.length) return void (this.note = 'change.nothing');
        this.changed = answer;
        this.ticketRecord = this.residentId;
      } catch (error) {
        return this.refused(error);
      } finally {
        this.working = false;
      }
      await this.finishChange();
    },

    /** The ticket completes as done with the changed resident as its record. */
    async finishChange() {
      if (!this.awaitingChangeCompletion() || this.busy) return;
      await this.finishWithRecord(this.residentId, 'change');
    },

    refused(error) {
      const problems = {};
      for (const { field, problem } of error.fields || [])
        if (FIELDS.includes(field) && !problems[field])
          problems[field] = check.serverProblem(field, problem);
      // Every read and change here looks up one person: a 404 is the ID's.
      if (error.status === 404 && !problems.residentId) problems.residentId = 'notOnRecord';
      this.errors = problems;
      const first = FIELDS.find((f) => problems[f]);
      if (first) this.focusChange(first);
      else this.problem = describeError(error, this.$store.i18n);
    },

    stationName(stationId) {
      const station = this.$store.i18n.stations.find((s) => s.stationId === stationId);
      return this.$store.i18n.stationName(station) || stationId;
    },

    shownValue(field, value) {
      if (value === null || value === undefined || value === '') return this.$t('change.empty');
      return field === 'category' ? this.$t(`category.${value}`) : String(value);
    },

    focusChange(name, frames = 10) {
      const input = document.querySelector(`.change-info [name=${name}]`);
      if (input && input.offsetParent && !input.disabled) input.focus();
      else if (frames > 0) requestAnimationFrame(() => this.focusChange(name, frames - 1));
    },

    // Enter submits the form it is typed in; Esc leaves a field; F completes a changed ticket.
    changeInfoKey(event) {
      if (!this.changeShown() || this.dialog || this.phase !== 'work') return;
      const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName);
      if (event.key === 'Escape' && typing) return event.target.blur();
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key.toLowerCase() === 'p' && this.canPickPerson()) {
        event.preventDefault();
        return this.pickPerson();
      }
      if (event.key.toLowerCase() === 'f' && this.awaitingChangeCompletion()) {
        event.preventDefault();
        this.finishChange();
      }
    },
  }));
});
