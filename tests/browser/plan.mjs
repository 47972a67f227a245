// The admin's 保障计划 at a desk (1280 px) in Chromium, clicked as a
// person would: a new plan with mistakes comes back with each message
// beside its input and the input kept; put right, it is created with
// 住院医疗 (bands), 住院天数 and 意外伤害 (the grade table) and its page
// says them in words; the form of its next version opens with the items
// it has and folds the others; saved, version 2 is in force and version 1
// is in the history.  Prints TAP; keeps screenshots (plans-1280.png,
// plan-new-errors-1280.png, plan-1280.png, plan-edit-1280.png,
// plan-v2-1280.png).
import { chromium } from 'playwright-core';

const base = process.env.HZ_URL || 'http://127.0.0.1:18480';
const shots = process.env.HZ_SHOTS || '.';
// A code of its own, so the suite may run again on the same stack.
const code = 'BR' + String(Date.now()).slice(-8);
let n = 0, failed = 0;
const ok = (cond, what) => {
  n++; if (!cond) failed++;
  console.log(`${cond ? '' : 'not '}ok ${n} - ${what}`);
};
const fits = async (page, what) => {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  ok(width <= 1280, `${what}: no sideways scrolling at 1280 px (${width} px)`);
};
const submit = (page, sel) => Promise.all([page.waitForNavigation(), page.click(sel)]);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--lang=zh-CN'],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 },
    locale: 'zh-CN' })).newPage();
  await page.goto(`${base}/o/login`);
  await page.fill('input[name=username]', 'admin');
  await page.fill('input[name=password]', 'Demo2026');
  await submit(page, 'form button[type=submit]');
  await submit(page, '#nav-plans');
  ok(new URL(page.url()).pathname === '/o/plans', `保障计划 in the menu opens the list (${page.url()})`);
  const rows = await page.locator('#plans tbody tr').count();
  ok(rows >= 5, `the list shows the plans (${rows})`);
  await fits(page, 'the list');
  await page.screenshot({ path: `${shots}/plans-1280.png`, fullPage: true });

  // A new plan, with two mistakes.
  await submit(page, '#new-plan');
  await page.fill('#f-code', code);
  await page.fill('#f-name', '浏览器测试职工医疗互助保障');
  await page.fill('#f-premium', '80');
  await page.fill('#f-window_from', '2026-12-01');
  await page.fill('#f-window_to', '2027-02-28');
  await page.check('#f-inpatient_on');
  await page.fill('#f-inpatient_deductible', '0');
  await page.fill('#f-inpatient_bands', '20000以下 30%\n10000以下 35%\n以上 40%');
  await page.fill('#f-inpatient_claim_cap', '20,000.00');
  await page.fill('#f-inpatient_annual_cap', '30,000.00');
  await page.check('#f-days_on');
  await page.fill('#f-days_per_day', '20');
  await page.fill('#f-days_max_days', '30');
  await page.check('#f-accident_on');
  await page.fill('#f-accident_rate', '90');
  await page.fill('#f-accident_annual_cap', '5000');
  await page.fill('#f-accident_lump_sum', '50000');
  await page.fill('#f-accident_death_sum', '50000');
  for (let g = 1; g <= 10; g++)
    await page.fill(`#f-accident_grade${g}`, g === 2 ? '110' : String(110 - 10 * g));
  await submit(page, '#save-plan');
  ok((await page.textContent('p.msg-error')).includes('标红'), 'refused: the top of the form says to look below');
  ok((await page.textContent('#err-inpatient_bands')).includes('第2档'),
    'a band out of order is told beside the bands');
  ok((await page.textContent('#err-accident_grade2')).includes('100%'),
    'a grade over 100 % is told under the grades');
  ok(await page.inputValue('#f-inpatient_bands') === '20000以下 30%\n10000以下 35%\n以上 40%',
    'the bands are kept as typed');
  ok(await page.inputValue('#f-days_per_day') === '20', 'so are the other items');
  await fits(page, 'the refused form');
  await page.screenshot({ path: `${shots}/plan-new-errors-1280.png`, fullPage: true });

  // Put right: created.
  await page.fill('#f-inpatient_bands', '10,000.00 以下 30%\n以上 40%');
  await page.fill('#f-accident_grade2', '90');
  await submit(page, '#save-plan');
  ok(new URL(page.url()).pathname === '/o/plan', `created, its page is next (${page.url()})`);
  ok((await page.textContent('#plan-version')).trim() === '第1版', 'version 1');
  ok((await page.textContent('#benefit-inpatient ul.bands')).includes('超过 10,000.00 元的部分'),
    'its bands are said in words');
  ok(await page.locator('#benefit-accident table.grades td').count() === 10, 'the ten grades');
  await fits(page, 'the plan');
  await page.screenshot({ path: `${shots}/plan-1280.png`, fullPage: true });

  // Its next version.
  await submit(page, '#edit-plan');
  ok(new URL(page.url()).pathname === '/o/plan/edit', `修改计划 opens the form (${page.url()})`);
  ok(await page.isVisible('#f-inpatient_bands') && !(await page.isVisible('#f-critical_lump_sum')),
    'the items it has are open, the others folded');
  await page.check('#f-critical_on');
  ok(await page.isVisible('#f-critical_lump_sum'), 'ticking 重大疾病补助 opens its inputs');
  await page.uncheck('#f-critical_on');
  await fits(page, 'the form');
  await page.screenshot({ path: `${shots}/plan-edit-1280.png`, fullPage: true });
  await page.fill('#f-premium', '90.00');
  await page.fill('#f-note', '第2版：保费调整为每人90.00元。');
  await submit(page, '#save-plan');
  ok((await page.textContent('#plan-version')).trim() === '第2版', 'saved as version 2');
  ok((await page.textContent('#t-premium')).includes('90.00'), '... with the new premium');
  ok(await page.locator('#versions tbody tr').count() === 2, 'both versions are listed');
  await page.screenshot({ path: `${shots}/plan-v2-1280.png`, fullPage: true });
  await submit(page, '#versions tr[data-version="1"] a');
  ok(await page.isVisible('#old-version') &&
    (await page.textContent('#t-premium')).includes('80.00'), 'version 1 is as it was');
} catch (e) {
  ok(false, `plans: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
