// 参保记录 and 发票 in Chromium: a unit agent at a desk (1280 px) filters
// the unit's 参保记录 by plan and year and exports them, opens 发票管理
// and downloads an invoice; a member on a phone (360 px) goes from the
// home to 职工参保 and picks a year, which shows at once.  Uses the
// records the HTTP suite leaves (t_coverage, t_pinvoice).  Prints TAP;
// keeps screenshots (coverage-1280.png, invoices-1280.png,
// member-coverage-360.png).
import { chromium } from 'playwright-core';

const base = process.env.HZ_URL || 'http://127.0.0.1:18480';
const shots = process.env.HZ_SHOTS || '.';
const phone = process.env.HZ_REC_AGENT;
const unit = process.env.HZ_REC_UNIT;
const token = process.env.HZ_REC_MEMBER_TOKEN;
let n = 0, failed = 0;
const ok = (cond, what) => {
  n++; if (!cond) failed++;
  console.log(`${cond ? '' : 'not '}ok ${n} - ${what}`);
};
const width = page => page.evaluate(() => document.documentElement.scrollWidth);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  ok(phone && unit && token, `records to show: unit ${unit}, its chairman ${phone}, a covered member`);

  // ---- The unit's 参保记录 at a desk ----
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await desk.newPage();
  await page.goto(`${base}/u/login?tab=password`);
  await page.fill('#f-login', phone);
  await page.fill('#f-password', 'Demo2026');
  await Promise.all([page.waitForNavigation(), page.click('#password-form button[type=submit]')]);
  await Promise.all([page.waitForNavigation(), page.click('#nav-coverage')]);
  ok(new URL(page.url()).pathname === '/u/coverage', `the menu's 参保记录 opens (${page.url()})`);
  await Promise.all([page.waitForNavigation(), page.click(`#aid-units a[href="/u/coverage?unit=${unit}"]`)]);
  const all = await page.locator('#coverage tbody tr').count();
  ok(all > 0, `this year's records listed (${all} on the page, ${await page.textContent('#coverage-total')} in all)`);
  const year = await page.inputValue('#f-year');
  const cnYear = new Date(Date.now() + 8 * 3600e3).getUTCFullYear();
  ok(year === String(cnYear), `the year chosen is this year in China (${year})`);
  ok(await width(page) <= 1280, `no sideways scrolling at 1280 px (${await width(page)} px)`);
  const ids = await page.locator('#coverage td.id-number').allTextContents();
  ok(ids.length > 0 && ids.every(t => t.includes('****')), 'ID numbers masked');
  await page.screenshot({ path: `${shots}/coverage-1280.png`, fullPage: true });

  // A plan and every year, as a person picks them.
  const plans = await page.locator('#f-plan option').count();
  ok(plans > 1, `plans to choose from (${plans - 1})`);
  // The plan of the first record listed (by id: a plan's name may have
  // changed since the coverage was bought under an older version).
  const plan = await page.locator('#coverage tbody tr').first().getAttribute('data-plan');
  const planName = (await page.locator(`#f-plan option[value="${plan}"]`).textContent()).trim();
  await page.selectOption('#f-plan', plan);
  await page.selectOption('#f-year', 'all');
  await Promise.all([page.waitForNavigation(), page.click('#search')]);
  const plansShown = new Set(await page.locator('#coverage tbody tr').evaluateAll(
    rows => rows.map(r => r.getAttribute('data-plan'))));
  ok(plansShown.size === 1 && plansShown.has(plan), `only plan ${plan} (${planName}) after 查询 (${[...plansShown].join('、')})`);
  ok(await page.inputValue('#f-year') === 'all', '... in every year, as chosen');
  const statuses = new Set(await page.locator('#coverage tr[data-status]').evaluateAll(
    rows => rows.map(r => r.getAttribute('data-status'))));
  ok(statuses.size >= 1, `statuses shown (${[...statuses].join(', ')})`);

  // 导出: the same filter, as a workbook.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  ok(download.suggestedFilename() === '参保记录.xlsx', `导出 downloads 参保记录.xlsx (${download.suggestedFilename()})`);
  const url = new URL(download.url());
  ok(url.pathname === '/x/coverage.xlsx' && url.searchParams.get('plan') === plan &&
     url.searchParams.get('year') === 'all' && url.searchParams.get('unit') === unit,
     `... with the filter (${url.search})`);
  await Promise.all([page.waitForNavigation(), page.click('#reset')]);
  ok(await page.locator('#coverage tbody tr').count() === all, '重置 is this year again');

  // ---- 发票管理 ----
  await Promise.all([page.waitForNavigation(), page.click('#nav-invoices')]);
  await Promise.all([page.waitForNavigation(), page.click(`#aid-units a[href="/u/invoices?unit=${unit}"]`)]);
  const invoices = await page.locator('#invoices tbody tr').count();
  ok(invoices > 0, `发票管理 lists the unit's invoices (${invoices})`);
  ok(await page.isVisible('#to-invoice-info'), '开票信息 a click away');
  ok(await width(page) <= 1280, `no sideways scrolling at 1280 px (${await width(page)} px)`);
  await page.screenshot({ path: `${shots}/invoices-1280.png`, fullPage: true });
  const [pdf] = await Promise.all([page.waitForEvent('download'),
    page.click('#invoices tbody tr:first-child a.download')]);
  ok(new URL(pdf.url()).pathname === '/u/invoices/file', `下载 fetches the PDF (${pdf.suggestedFilename()})`);

  // ---- The member's 职工参保 on a phone ----
  const mobile = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
  await mobile.addCookies([{ name: 'hz_m', value: token, url: base }]);
  const m = await mobile.newPage();
  await m.goto(`${base}/m/`);
  await Promise.all([m.waitForNavigation(), m.click('#tile-coverage')]);
  ok(new URL(m.url()).pathname === '/m/coverage', `the home's 职工参保 opens (${m.url()})`);
  const cards = await m.locator('#coverage li.coverage-card').count();
  ok(cards > 0, `this year's coverage as cards (${cards})`);
  ok(await m.isVisible('#coverage li.coverage-card .chip'), '... each with its status');
  ok(await width(m) <= 360, `no sideways scrolling at 360 px (${await width(m)} px)`);
  const box = await m.locator('#coverage li.coverage-card').first().boundingBox();
  ok(box && box.width <= 360 && box.x >= 0, `a card fits the screen (${Math.round(box.width)} px)`);
  ok(!(await m.isVisible('#coverage-filter #search')), 'with scripts no 查询 button: a pick is enough');
  await m.screenshot({ path: `${shots}/member-coverage-360.png`, fullPage: true });
  await Promise.all([m.waitForNavigation(), m.selectOption('#f-year', 'all')]);
  ok(new URL(m.url()).searchParams.get('year') === 'all', '全部年份 shows at once');
  const every = await m.locator('#coverage li.coverage-card').count();
  ok(every >= cards, `... every year's (${every})`);
  ok(await width(m) <= 360, `still no sideways scrolling (${await width(m)} px)`);
  await m.screenshot({ path: `${shots}/member-coverage-all-360.png`, fullPage: true });
} catch (e) {
  ok(false, `records: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
