import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, Page, chromium } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..');
export const SCREENSHOTS = path.join(ROOT, '.cache', 'screenshots');

/** Debian's Chromium, never a downloaded browser; quiet flags keep it off the network. */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(
      `no Chromium at ${executablePath}: apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, ...options });
  return file;
}

/** Collects what the page complained about, so a test can insist on a clean console. */
export function watchProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    // Refusals (422, 409, 204) are answers the pages show; Chromium logs them as failed loads.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`${page.url()}: ${message.text()}`);
  });
}

export async function signIn(page: Page, username: string, password = 'circle-demo') {
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('form.login button[type=submit]');
}
