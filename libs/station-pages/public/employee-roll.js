// An employer's roll of employees as CSV, part of the employer screen. A roll is checked whole
// before anything is sent, and a roll with a bad row sends nothing: the employer hands it in as
// one, so the clerk corrects the text (or the file) and checks again rather than tracking which
// half went. Employees already on the employer's roll are passed over, so sending a corrected
// roll again never enrols anyone twice.
(() => {
  const forms = window.CircleForms;
  const check = window.CircleEmployerForm;

  /** Spreadsheets save CSV as UTF-8 or, in Chinese Excel, GB 18030; the bytes tell which. */
  function decodeRoll(buffer) {
    const utf8 = new TextDecoder('utf-8').decode(buffer);
    return utf8.includes('\ufffd') ? new TextDecoder('gb18030').decode(buffer) : utf8;
  }

  window.CircleEmployeeRoll = {
    decodeRoll,
    part: () => ({
      rollText: '',
      rollChecked: null,
      rollResults: {},
      rollSending: false,
      rollKeys: {},

      resetRoll() {
        Object.assign(this, {
          rollText: '',
          rollChecked: null,
          rollResults: {},
          rollSending: false,
          rollKeys: {},
        });
      },

      /** The roll's employees still to send: good rows, not yet enrolled, not on the roll now. */
      rollToSend() {
        const checked = this.rollChecked;
        if (!checked || checked.problems.length || checked.text !== this.rollText) return [];
        return checked.employees.filter(
          (e) => !this.rollResults[e.line] && !this.onRollNow(e.body.residentId),
        );
      },

      rollStale() {
        return Boolean(this.rollChecked && this.rollChecked.text !== this.rollText);
      },

      rollStatus(employee) {
        const result = this.rollResults[employee.line];
        if (result) return result.status;
        if (employee.bad) return 'bad';
        return this.onRollNow(employee.body.residentId) ? 'onRoll' : 'ready';
      },

      rollProblemsOf(line) {
        return this.rollChecked.problems.filter((p) => p.line === line);
      },

      /** "Line 3 · ID number: the check digit does not match", in the reader's language. */
      rollProblemText(p) {
        return this.$t('roll.problemAt', {
          line: p.line,
          field: this.$t(`roll.field.${p.field}`),
          problem: this.word(p.text ? { text: p.text } : { key: p.problem, vars: p.vars }),
        });
      },

      checkRoll() {
        if (!this.employer || this.rollSending) return;
        const { employees, problems } = check.readRoll(this.rollText, forms.shanghaiToday());
        this.rollChecked = { text: this.rollText, employees, problems };
        this.rollResults = {};
        this.problem = '';
        this.focusRollNext(
          problems.length ? '.employer .roll-problems' : '.employer [data-action=send-roll]',
        );
      },

      /**
       * The next step takes the focus once it shows, after a file dialog too. Bounded by time,
       * not frames: a busy tablet can take longer than twenty frames to draw it.
       */
      focusRollNext(selector, until = performance.now() + 2000) {
        const next = document.querySelector(selector);
        if (next && next.offsetParent && !next.disabled) next.focus();
        if ((!next || document.activeElement !== next) && performance.now() < until)
          requestAnimationFrame(() => this.focusRollNext(selector, until));
      },

      chooseRollFile() {
        const input = document.querySelector('.employer input[name=rollFile]');
        if (input) input.click();
      },

      async loadRollFile(event) {
        const file = event.target.files && event.target.files[0];
        if (!file) return;
        this.rollText = decodeRoll(await file.arrayBuffer());
        event.target.value = '';
        this.checkRoll();
      },

      /** One employee at a time, each with the key of its row, so a retry enrols nobody twice. */
      async sendRoll() {
        const pending = this.rollToSend();
        if (!pending.length || this.working || this.rollSending) return;
        this.rollSending = true;
        this.problem = '';
        for (const { line, body } of pending) {
          const text = JSON.stringify(body);
          this.rollKeys[text] ??= crypto.randomUUID();
          try {
            const answer = await this.sendEmployee(body, this.rollKeys[text]);
            this.enrolledHere.push(answer.residentId);
            this.rollResults = { ...this.rollResults, [line]: { status: 'enrolled' } };
          } catch (error) {
            this.rollResults = { ...this.rollResults, [line]: this.rowRefusal(line, error) };
            if (error.status === 0 || error.status === 401 || error.status >= 500) break;
          }
        }
        this.rollSending = false;
        await this.reloadEmployer();
      },

      rowRefusal(line, error) {
        const refused = this.refusal(error, ['residentId', 'name', 'phone', 'joinedOn']);
        const field = Object.keys(refused)[0];
        const problem = field
          ? this.rollProblemText({ line, field, ...this.flatProblem(refused[field]) })
          : this.$t('roll.problemAt', {
              line,
              field: this.$t('roll.field.roll'),
              problem: window.Circle.describeError(error, this.$store.i18n),
            });
        return { status: 'refused', problem };
      },

      flatProblem(found) {
        return found.key ? { problem: found.key, vars: found.vars } : { text: found.text };
      },
    }),
  };
})();
