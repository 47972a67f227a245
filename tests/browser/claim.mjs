// 补助申请 at a desk (1280 px) in Chromium, on the demo's claims unit: the
// agent's list, the approved claim with its amount and explanation, a
// draft's forms (就诊信息, 收款账户, 材料), then review1 on the desk with the
// settlement sheet's figures and the computed amount before approving,
// and the office's 补助记录.  Prints TAP; keeps screenshots
// (claim-list-1280.png, claim-approved-1280.png, claim-draft-1280.png,
// claim-desk-1280.png, claim-records-1280.png).
import { chromium } from 'playwright-core';

const base = process.env.HZ_URL || 'http://127.0.0.1:18480';
const shots = process.env.HZ_SHOTS || '.';
let n = 0, failed = 0;
const ok = (cond, what) => {
  n++; if (!cond) failed++;
  console.log(`${cond ? '' : 'not '}ok ${n} - ${what}`);
};
const wide = async (page, what) => {
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  ok(w <= 1280, `${what}: no horizontal scrolling at 1280 px (${w} px)`);
};
const go = async (page, url) => { await page.goto(url); };

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await go(page, `${base}/u/login?tab=password`);
  await page.fill('#f-login', '13800000001');
  await page.fill('#f-password', 'Demo2026');
  await Promise.all([page.waitForNavigation(), page.click('#password-form button[type=submit]')]);

  await go(page, `${base}/u/claims`);
  ok(await page.isVisible('#nav-claims.active'), 'the menu has 补助申请');
  const unitLink = page.locator('#aid-units a', { hasText: '黄岛区人民医院' });
  ok(await unitLink.count() === 1, 'the claims unit among the agent\'s units');
  await Promise.all([page.waitForNavigation(), unitLink.click()]);
  const rows = await page.locator('#claims tbody tr').count();
  ok(rows >= 6, `the unit's claims listed (${rows})`);
  await wide(page, 'the list');
  await page.screenshot({ path: `${shots}/claim-list-1280.png`, fullPage: true });

  // The approved one: 8,323.04 and why.
  await Promise.all([page.waitForNavigation(),
    page.locator('#claims tbody tr', { hasText: '审核通过' }).first().locator('a').click()]);
  ok((await page.textContent('#c-amount')).includes('8,323.04'), 'the approved amount 8,323.04');
  const lines = await page.locator('#c-explanation li').count();
  ok(lines >= 3, `the explanation line by line (${lines} lines)`);
  ok((await page.textContent('#c-account')).includes('**** 3235'), 'the card masked to its last four');
  ok(await page.isVisible('.timeline'), 'the timeline');
  await wide(page, 'an approved claim');
  await page.screenshot({ path: `${shots}/claim-approved-1280.png`, fullPage: true });

  // A draft: the forms of its kind.
  await page.goBack();
  await Promise.all([page.waitForNavigation(),
    page.locator('#claims tbody tr', { hasText: '住院医疗' }).filter({ hasText: '草稿' }).first().locator('a').click()]);
  ok(await page.isVisible('#event-form #f-admitted'), '就诊信息 with 入院日期');
  ok(await page.isVisible('#payee-form #f-branch'), '收款账户 with 开户网点');
  ok((await page.textContent('#payee-card')).includes('请准确输入分行或支行名称'), 'the branch hint');
  ok(await page.isVisible('#upload-form select[name=kind]'), 'materials by kind');
  ok(await page.isVisible('#submit'), '提交');
  await wide(page, 'a draft');
  await page.screenshot({ path: `${shots}/claim-draft-1280.png`, fullPage: true });

  // review1 on the desk: the claim waiting for 初审.
  const office = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const o = await office.newPage();
  await go(o, `${base}/o/login`);
  await o.fill('#f-username', 'review1');
  await o.fill('#f-password', 'Demo2026');
  await Promise.all([o.waitForNavigation(), o.click('form button[type=submit]')]);
  await go(o, `${base}/o/queue?type=claim`);
  const waiting = o.locator('#queue tbody tr[data-state=review1]');
  ok(await waiting.count() >= 1, 'a claim in review1\'s queue');
  await Promise.all([o.waitForNavigation(), waiting.first().locator('a').first().click()]);
  ok(await o.isVisible('#figures-form #f-total_cost'), 'the figures form (住院总费用, 补助基数)');
  await o.fill('#f-total_cost', '56,308.05');
  await o.fill('#f-base', '23,307.60');
  await Promise.all([o.waitForNavigation(), o.click('#compute')]);
  ok((await o.textContent('#c-computed')).includes('8,323.04'), 'computed: 8,323.04');
  ok(await o.locator('#c-computation li').count() >= 3, '... with its explanation before approving');
  ok(await o.isVisible('#decide-form'), 'the decision form');
  await wide(o, 'the desk');
  await o.screenshot({ path: `${shots}/claim-desk-1280.png`, fullPage: true });

  await go(o, `${base}/o/claims`);
  ok(await o.locator('#records tbody tr').count() >= 5, 'the office\'s 补助记录');
  await wide(o, 'the records');
  await o.screenshot({ path: `${shots}/claim-records-1280.png`, fullPage: true });
} catch (e) {
  ok(false, `no exception (${e.message.split('\n')[0]})`);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
