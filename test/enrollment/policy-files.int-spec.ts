import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnApp } from '../support/app-process';

const POLICIES = path.resolve(__dirname, '..', '..', 'libs', 'policy', 'policies');

describe('policy files are checked when a station app starts', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'circle-policies-'));
    const policy = JSON.parse(
      readFileSync(path.join(POLICIES, 'taibai-lake-2022.json'), 'utf8'),
    ) as {
      contributions: { individualFen: { value: number } };
    };
    policy.contributions.individualFen.value = -5;
    writeFileSync(path.join(folder, 'taibai-lake-2022.json'), JSON.stringify(policy));
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('a bad file stops the app, naming the file and the field', async () => {
    const app = spawnApp('hall', { PORT: '4195', POLICY_DIR: folder });
    const exit = await app.exited;
    expect(exit.code).not.toBe(0);
    expect(app.output()).toContain('taibai-lake-2022.json');
    expect(app.output()).toContain('contributions.individualFen');
  }, 30_000);

  it('a POLICY_DIR that is not a folder stops the app, naming the variable', async () => {
    const app = spawnApp('township', { PORT: '4196', POLICY_DIR: path.join(folder, 'missing') });
    const exit = await app.exited;
    expect(exit.code).toBe(78);
    expect(app.output()).toContain('POLICY_DIR');
  }, 30_000);
});
