import { freshResidentId } from '../enrollment/enrollment-fixtures';
import { startApp, type RunningApp } from '../support/app-process';
import { call, login } from '../support/http';

// The suite's app listens on TEST_PORT_BASE + 97 (4197 by default), clear of the other suites.
const PORT = String(Number(process.env.TEST_PORT_BASE ?? 4100) + 97);

describe('personal data in the logs', () => {
  let hall: RunningApp;
  const residentId = freshResidentId();
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

  beforeAll(async () => {
    hall = await startApp('hall', { PORT, LOG_LEVEL: 'debug' });
    const clerk = await login(hall.url, 'clerk-hall');
    const enrol = () =>
      call(`${hall.url}/api/residents`, {
        token: clerk,
        body: {
          residentId,
          name: '王小明',
          phone,
          category: 'general',
          region: 'taibai-lake',
          year: 2022,
        },
      });
    expect((await enrol()).status).toBe(201);
    // A refusal and a read by the ID in the path: the lines most likely to repeat what came in.
    expect((await enrol()).status).toBe(409);
    const coverage = await call(`${hall.url}/api/residents/${residentId}/coverage`, {
      token: clerk,
    });
    expect(coverage.status).toBe(200);
    const issued = await call(`${hall.url}/api/stations/hall/tickets`, {
      token: clerk,
      body: { business: 'COVERAGE_ENQUIRY', residentId, phone },
    });
    expect(issued.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await hall?.stop();
  });

  it('carries no full ID number or phone in any line, and the masked forms where they were', () => {
    const output = hall.output();
    expect(output).toContain(`${residentId.slice(0, 3)}***********${residentId.slice(-4)}`);
    expect(output).not.toContain(residentId);
    expect(output).not.toContain(residentId.slice(0, 17));
    expect(output).not.toContain(phone);
  });
});
