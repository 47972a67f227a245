// The admin's 保障计划 at a desk (1280 px) in Chromium: the list shows
// every plan with its premium and state, a plan's page its terms, its
// items (bands in words, the grade table) and its versions, and the form
// of its next version folds the items it does not have; a new plan with
// mistakes comes back with each message beside its input.  Nothing is
// saved.  Prints TAP; keeps screenshots (plans-1280.png, plan-1280.png,
// plan-accident-1280.png, plan-edit-1280.png, plan-new-errors-1280.png).
import { chromium } from 'playwright-core';

const base = process.env.HZ_URL || 'http://127.0.0.1:18480';
const shots = process.env.HZ_SHOTS || '.';
let n = 0, failed = 0;
const ok = (cond, what) => {
  n++; if (!cond) failed++;
  console.log(`${cond ? '' : 'not '}ok ${n} - ${what}`);
};
const fits = async (page, what) => {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  ok(width <= 1280, `${what}: no sideways scrolling at 1280 px (${width} px)`);
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
  await page.goto(`${base}/o/login`);
  await page.fill('input[name=username]', 'admin');
  await page.fill('input[name=password]', 'Demo2026');
  await Promise.all([page.waitForNavigation(), page.click('form button[type=submit]')]);
  await Promise.all([page.waitForNavigation(), page.click('#nav-plans')]);
  ok(new URL(page.url()).pathname === '/o/plans', `保障计划 in the menu opens the list (${page.url()})`);
  const rows = await page.locator('#plans tbody tr').count();
  ok(rows >= 5, `the list shows the plans (${rows})`);
  ok((await page.textContent('#plans tr[data-plan=YL19] .premium')).trim() === '60.00',
    'YL19 costs 60.00 a person');
  await fits(page, 'the list');
  await page.screenshot({ path: `${shots}/plans-1280.png`, fullPage: true });

  await Promise.all([page.waitForNavigation(), page.click('#plans tr[data-plan=YL19] a')]);
  ok(new URL(page.url()).pathname === '/o/plan', `a row opens the plan (${page.url()})`);
  ok((await page.textContent('#plan-version')).includes('第2版'), 'YL19 is in its second version');
  ok(await page.isVisible('#benefit-inpatient ul.bands'), 'its bands are said in words');
  ok(await page.locator('#versions tbody tr').count() === 2, 'both versions are listed');
  await fits(page, 'the plan');
  await page.screenshot({ path: `${shots}/plan-1280.png`, fullPage: true });

  await page.goto(`${base}/o/plans`);
  await Promise.all([page.waitForNavigation(), page.click('#plans tr[data-plan=SHY] a')]);
  ok(await page.locator('#benefit-accident table.grades td').count() === 10,
    '三合一 shows the ten grades of 意外伤害');
  await fits(page, 'the 三合一 plan');
  await page.screenshot({ path: `${shots}/plan-accident-1280.png`, fullPage: true });

  await Promise.all([page.waitForNavigation(), page.click('#edit-plan')]);
  ok(new URL(page.url()).pathname === '/o/plan/edit', `修改计划 opens the form (${page.url()})`);
  ok(await page.isVisible('#f-inpatient_bands') && !(await page.isVisible('#f-days_per_day')),
    'the items it has are open, the others folded');
  await page.check('#f-days_on');
  ok(await page.isVisible('#f-days_per_day'), 'ticking 住院天数补助 opens its inputs');
  await page.uncheck('#f-days_on');
  await fits(page, 'the form');
  await page.screenshot({ path: `${shots}/plan-edit-1280.png`, fullPage: true });

  await page.goto(`${base}/o/plans/new`);
  await page.fill('#f-code', 'BAD1');
  await page.fill('#f-name', '有错的计划');
  await page.fill('#f-premium', '50');
  await page.check('#f-inpatient_on');
  await page.fill('#f-inpatient_bands', '20000以下 30%\n10000以下 35%\n以上 40%');
  await page.check('#f-disability_on');
  await page.fill('#f-disability_lump_sum', '30000');
  await page.fill('#f-disability_grade1', '100');
  await page.fill('#f-disability_grade2', '110');
  await Promise.all([page.waitForNavigation(), page.click('#save-plan')]);
  ok((await page.textContent('p.msg-error')).includes('标红'), 'the top of the form says to look below');
  ok((await page.textContent('#err-inpatient_bands')).includes('第2档'),
    'a band out of order is told beside the bands');
  ok((await page.textContent('#err-disability_grade2')).includes('100%'),
    'a grade over 100 % is told under the grades');
  ok(await page.inputValue('#f-inpatient_bands') === '20000以下 30%\n10000以下 35%\n以上 40%',
    'the bands are kept as typed');
  await fits(page, 'the refused form');
  await page.screenshot({ path: `${shots}/plan-new-errors-1280.png`, fullPage: true });
} catch (e) {
  ok(false, `plans: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
