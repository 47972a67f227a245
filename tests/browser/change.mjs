// 个人信息变更 (SPEC §7, seed 001): a member on a 360 px phone opens 个人
// 信息变更, 我要变更信息, changes 社保类型 and 社保卡号, uploads a 变更凭证 and
// 确认提交; the detail shows the before / after table and 待初审.  Then
// review1 and review2 at 1280 px decide it on the review desk, and the
// member's detail says 办结.  Prints TAP; keeps screenshots
// (change-list-360.png, change-form-360.png, change-detail-360.png,
// change-desk-1280.png, change-done-360.png).
import { chromium } from 'playwright-core';

const base = process.env.HZ_URL || 'http://127.0.0.1:18480';
const shots = process.env.HZ_SHOTS || '.';
const token = process.env.HZ_CHANGE_TOKEN;
const proof = process.env.HZ_STAMP;
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

// A reviewer signs in and takes 通过 on the request.
async function approve(user, id) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
  await page.goto(`${base}/o/login`);
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', 'Demo2026');
  await Promise.all([page.waitForNavigation(), page.click('form button[type=submit]')]);
  await page.goto(`${base}/o/review?type=change&id=${id}`);
  return page;
}

try {
  ok(token && proof, 'a member to change, and a picture of their papers');
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'zh-CN',
    userAgent: 'Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Mobile MicroMessenger/8.0' });
  await ctx.addCookies([{ name: 'hz_m', value: token, url: base }]);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  page.on('response', r => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });

  await page.goto(`${base}/m/changes`);
  ok(await page.isVisible('#new-change'), '个人信息变更 offers 我要变更信息');
  await page.screenshot({ path: `${shots}/change-list-360.png`, fullPage: true });
  await Promise.all([page.waitForNavigation(), page.click('#new-change')]);
  ok(new URL(page.url()).pathname === '/m/change/new', 'the form opens');
  ok((await page.inputValue('#f-name')).length > 0, 'with the record\'s name');
  ok(await width(page) <= 360, `no sideways scrolling at 360 px (${await width(page)} px)`);
  await page.fill('#f-si_type', '城乡居民基本医疗保险');
  await page.fill('#f-si_card', 'G45010012345');
  await page.setInputFiles('#file-proof', proof);
  await page.screenshot({ path: `${shots}/change-form-360.png`, fullPage: true });
  await Promise.all([page.waitForNavigation(), page.click('#confirm')]);
  const url = new URL(page.url());
  ok(url.pathname === '/m/change' && url.searchParams.get('done') === 'submitted',
    `确认提交 leads to the detail (${page.url()})`);
  const id = url.searchParams.get('id');
  ok((await page.textContent('#change-state')).trim() === '待初审', '待初审');
  ok(await page.isVisible('#row-si_card.changed') && !(await page.isVisible('#row-name.changed')),
    'the before / after table marks what changes');
  ok(await width(page) <= 360, `the detail fits 360 px (${await width(page)} px)`);
  await page.screenshot({ path: `${shots}/change-detail-360.png`, fullPage: true });

  const r1 = await approve('review1', id);
  ok(await r1.isVisible('#change-table'), 'the desk shows the table');
  ok(await r1.isVisible('#item-materials a'), 'and the 变更凭证');
  ok(await width(r1) <= 1280, `no sideways scrolling at 1280 px (${await width(r1)} px)`);
  await r1.screenshot({ path: `${shots}/change-desk-1280.png`, fullPage: true });
  await Promise.all([r1.waitForNavigation(), r1.click('#decide-form #approve')]);
  const r2 = await approve('review2', id);
  ok((await r2.textContent('#item-state')).includes('待复核'), '初审 passed: 待复核');
  await Promise.all([r2.waitForNavigation(), r2.click('#decide-form #approve')]);

  await page.goto(`${base}/m/change?id=${id}`);
  ok((await page.textContent('#change-state')).trim() === '办结', 'the member sees 办结');
  await page.screenshot({ path: `${shots}/change-done-360.png`, fullPage: true });
  ok(errors.length === 0, `no errors in the pages (${errors.join('; ')})`);
} catch (e) {
  ok(false, `info change: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
