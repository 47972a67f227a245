// A reviewer at the review desk (1280 px) in Chromium: the one queue lists
// what waits, a click opens the review page with its materials and the
// decision form, and picking a 常用退回意见 fills the reason, which stays
// editable.  Nothing is decided.  Prints TAP; keeps screenshots
// (desk-queue-1280.png, desk-review-1280.png).
import { chromium } from 'playwright-core';

const base = process.env.HZ_URL || 'http://127.0.0.1:18480';
const shots = process.env.HZ_SHOTS || '.';
let n = 0, failed = 0;
const ok = (cond, what) => {
  n++; if (!cond) failed++;
  console.log(`${cond ? '' : 'not '}ok ${n} - ${what}`);
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${base}/o/login`);
  await page.fill('input[name=username]', 'review1');
  await page.fill('input[name=password]', 'Demo2026');
  await Promise.all([page.waitForNavigation(), page.click('form button[type=submit]')]);
  await page.goto(`${base}/o/queue`);
  const rows = await page.locator('#queue tbody tr').count();
  ok(rows >= 1, `the queue lists what waits for 初审 (${rows})`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  ok(width <= 1280, `no sideways scrolling at 1280 px (${width} px)`);
  await page.screenshot({ path: `${shots}/desk-queue-1280.png`, fullPage: true });
  await Promise.all([page.waitForNavigation(), page.click('#queue tbody tr:first-child a')]);
  ok(new URL(page.url()).pathname === '/o/review', `a row opens the review page (${page.url()})`);
  ok(await page.isVisible('#item-materials'), 'the materials are on the page');
  ok(await page.isVisible('#decide-form #approve') && await page.isVisible('#decide-form #return'),
    'the decision form offers 通过 and 退回');
  const options = await page.locator('#f-pick option').count();
  ok(options > 1, `常用退回意见 offered (${options - 1})`);
  if (options > 1) {
    const pick = await page.locator('#f-pick option').nth(1).getAttribute('value');
    await page.selectOption('#f-pick', pick);
    ok(await page.inputValue('#f-reason') === pick, 'a pick fills the reason');
    await page.fill('#f-reason', pick + '（补充说明）');
    ok((await page.inputValue('#f-reason')).endsWith('（补充说明）'), '... which stays editable');
  }
  await page.screenshot({ path: `${shots}/desk-review-1280.png`, fullPage: true });
} catch (e) {
  ok(false, `review desk: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
