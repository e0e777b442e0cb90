// The resident enrollment and coverage enquiry screens and their papers, in the console's English.
Object.assign(window.CircleDictionaries.en, {
  'enrol.draft': 'To do',
  'enrol.name': 'Name',
  'enrol.phone': 'Mobile (optional, for SMS)',
  'enrol.category': 'Category',
  'enrol.region': 'Policy region',
  'enrol.community': 'Community id (optional)',
  'enrol.address': 'Address (optional)',
  'enrol.year': 'Year',
  'enrol.submit': 'Enrol for {year}',
  'enrol.completeTicket': 'Complete the ticket',
  'enrol.close': 'Close',
  'enrol.outcome': '{number} completed: resident {name} ({residentId})',
  'enrol.shortcuts':
    'Keys: Tab moves through the form, Enter submits it; P prints the receipt, E the certificate, F completes the ticket, Esc leaves a field or closes.',
  'enrol.problem.long': 'At most {max} characters',
  'enrol.problem.phone': 'An 11-digit mobile number starting with 1',
  'enrol.problem.positive': 'The amount must be above 0',
  'enrol.problem.aboveOutstanding': 'No more than the {amount} yuan still to pay',
  'enrol.problem.server': 'Refused: {problem}',
  'enrol.api.already_enrolled':
    'This person is already enrolled for {year}; a resident enrols once a year',
  'enrol.api.insured_as_employee':
    'This person is insured as an employee; one person holds one basic medical insurance',
  'enrol.api.already_paid': "This year's contribution is already paid",

  'quote.title': 'Contribution for {year}',
  'quote.individual': 'Individual share',
  'quote.subsidy': 'Public subsidy',
  'quote.waived': 'Paid by the government',
  'quote.payable': 'To pay',
  'quote.waiting': 'Type a valid ID number and the amount to pay shows here at once.',

  'pay.title': 'Take the contribution',
  'pay.amount': 'Amount taken (yuan)',
  'pay.method': 'Paid by',
  'pay.method.cash': 'Cash',
  'pay.method.bank': 'Bank card',
  'pay.method.app': 'Mobile payment',
  'pay.reference': 'Transaction reference (optional)',
  'pay.submit': 'Take payment',
  'pay.done': '{amount} yuan taken, receipt {receipt}',

  'receipt.title': 'Resident medical insurance contribution receipt',
  'receipt.number': 'Receipt',
  'receipt.paidAt': 'Paid at',
  'receipt.paidNow': 'Paid now ({method})',
  'receipt.outstanding': 'Still to pay',
  'receipt.print': 'Print receipt',

  'coverage.status.active': 'Covered',
  'coverage.status.awaiting-payment': 'Awaiting payment',
  'coverage.status.not-enrolled': 'Not enrolled',
  'coverage.scheme.resident': 'Resident basic medical insurance',
  'coverage.scheme.employee': 'Employee basic medical insurance',
  'coverage.look': 'Look up',
  'coverage.pickPerson': 'Find by name or phone',
  'coverage.notOnRecord': 'Nobody with this ID is on record',
  'coverage.paid': 'Paid / due (yuan)',
  'coverage.paidSoFar': 'Paid',
  'coverage.receipts': 'Receipts',
  'coverage.records':
    '{qualifications} chronic qualifications, {filings} off-site filings, {transfers} transfers',
  'coverage.shortcuts':
    'Keys: Enter looks up, P finds by name or phone, E prints the certificate, F completes the ticket, Esc leaves a field or closes.',

  'certificate.title': 'Certificate of coverage',
  'certificate.lead':
    'This certifies that {name} holds basic medical insurance for {year}, as follows.',
  'certificate.scheme': 'Scheme',
  'certificate.status': 'Status',
  'certificate.issuedOn': 'Issued on',
  'certificate.issuedBy': 'Issued by',
  'certificate.code': 'Verification code',
  'certificate.verifyHow':
    'Whoever holds this certificate can check it with the facts above and the code at {url} or at any service station.',
  'certificate.seal': 'Office seal',
  'certificate.print': 'Print certificate',

  'verify.title': 'Check a coverage certificate',
  'verify.lead': 'Type what the certificate says, field by field, with its code; nothing is kept.',
  'verify.submit': 'Check',
  'verify.valid':
    'Genuine: the insurance office issued this certificate and its facts are unchanged.',
  'verify.invalid':
    'Does not match: the code and these facts differ; check each field. If they still differ, the certificate may have been altered.',
  'verify.problem.year': 'A four-digit year',
});
