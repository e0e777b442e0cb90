// What opens over and beside the desk: the screen registered for the served ticket's business
// (screen-registry.js), the person finder a screen may ask for a resident, the counter's day,
// and the counter's own keys. Methods of the clerk console (console.js), spread into it.
(() => {
  const screens = window.CircleScreens;

  window.CircleConsoleParts = window.CircleConsoleParts || {};
  window.CircleConsoleParts.panels = {
    /** Opens the person finder; a screen awaits the person picked (null when closed). */
    findPerson() {
      if (this.personWanted) this.personWanted(null);
      return new Promise((resolve) => {
        this.personWanted = resolve;
        this.dialog = 'person';
      });
    },

    /** The finder's answer to whoever asked. */
    personPicked(person) {
      const wanted = this.personWanted;
      this.personWanted = null;
      this.dialog = null;
      if (wanted) wanted(person);
    },

    closePanel() {
      if (this.dialog === 'person') return this.personPicked(null);
      this.dialog = null;
    },

    history() {
      this.dialog = 'history';
    },
    person() {
      this.dialog = 'person';
    },
    openHere() {
      return this.setCounter('open');
    },
    pauseHere() {
      return this.setCounter('pause');
    },
    closeHere() {
      return this.setCounter('close');
    },

    /** Opens the registered screen when its ticket starts; a new call closes the last one. */
    followScreen(ticket) {
      if (!ticket) return;
      const opened = this.screenTicket;
      if (opened && opened.ticketId === ticket.ticketId) return void (this.screenTicket = ticket);
      if (opened) this.closeScreen();
      const screen = ticket.status === 'serving' && screens.screenOf(ticket.business);
      if (!screen) return;
      this.screen = screen;
      this.screenTicket = ticket;
    },

    openScreen(screen) {
      this.screen = screen;
    },

    closeScreen() {
      this.screen = null;
      this.screenTicket = null;
    },
  };
})();
