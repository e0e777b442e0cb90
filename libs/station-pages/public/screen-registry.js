// Which screen the console opens for the ticket at the counter, and how a screen ends the work.
//
// A screen is an Alpine component included into console.html (`<!-- include x.part.html -->`)
// and nested in the console, so it reads and calls the console's state directly.
//
// 1. Register the business items the screen handles, in the screen's own script:
//      window.CircleScreens.register('ENROLL_RESIDENT', 'enrollment');
//    When the clerk starts serving a ticket (status 'serving') of that business, the console
//    sets `screen = 'enrollment'` and `screenTicket` to the ticket. Show the panel with
//    `x-show="view === 'desk' && screen === 'enrollment'"` and reset it from
//    `$watch('screenTicket', (ticket) => …)` (null when the ticket has gone).
// 2. Any screen may also be opened without a ticket: `openScreen('enquiry')`. To pick the
//    resident, `const person = await this.findPerson()` opens the person finder (/) and gives
//    {residentId, name, birthDate, sex, category, region} once the clerk picks one
//    (Ctrl+Enter), or null when the finder is closed.
// 3. Finish with the record the work made:
//      await this.finishWithRecord(resident.residentId, 'resident');
//    completes the ticket as done with the record (id and kind) as its outcome, and answers
//    true when the ticket was completed (false: refused, the console shows why). The kinds are
//    RECORD_KINDS below, the same list the walk-ins API takes as `recordKind`.
// 4. A screen that cannot finish leaves it to the clerk: the complete dialog (C) offers
//    "not handled" with a reason.
(() => {
  const RECORD_KINDS = [
    'resident',
    'payment',
    'employer',
    'change',
    'filing',
    'qualification',
    'transfer',
    'claim',
    'settlement',
    'certificate',
  ];
  const screens = new Map();

  window.CircleScreens = {
    RECORD_KINDS,
    register(business, screen) {
      screens.set(business, screen);
    },
    /** The screen for a business item, or null when none is registered (the console alone). */
    screenOf(business) {
      return screens.get(business) || null;
    },
  };

  // The screens that came before the registry, so the console opens them the same way.
  const register = window.CircleScreens.register;
  register('DISCHARGE_SETTLEMENT', 'settlement');
  register('OUTPATIENT_SETTLEMENT', 'settlement');
  register('MANUAL_REIMBURSEMENT', 'claim');
  register('MATERNITY', 'claim');
  register('ASSISTANCE_REIMBURSEMENT', 'claim');
})();
