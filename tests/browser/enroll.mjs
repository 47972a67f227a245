// A unit agent's 参保申请 at a desk (1280 px) in Chromium: a new
// application, 选择全部未参保, a 缴费账号, 上报; the progress bar and the
// tables fit the page; then review1 opens it on the desk.  Prints TAP;
// keeps screenshots (enroll-list-1280.png, enroll-pick-1280.png,
// enroll-item-1280.png, enroll-desk-1280.png).
import { chromium } from 'playwright-core';

const base = process.env.HZ_URL || 'http://127.0.0.1:18480';
const shots = process.env.HZ_SHOTS || '.';
const phone = process.env.HZ_AGENT || '13800000006';
const unit = process.env.HZ_UNIT;
let n = 0, failed = 0;
const ok = (cond, what) => {
  n++; if (!cond) failed++;
  console.log(`${cond ? '' : 'not '}ok ${n} - ${what}`);
};
const wide = async (page, what) => {
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  ok(w <= 1280, `${what}: no horizontal scrolling at 1280 px (${w} px)`);
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await desk.newPage();
  await page.goto(`${base}/u/login?tab=password`);
  await page.fill('#f-login', phone);
  await page.fill('#f-password', 'Demo2026');
  await Promise.all([page.waitForNavigation(), page.click('#password-form button[type=submit]')]);

  await page.goto(`${base}/u/enroll?unit=${unit}`);
  ok(await page.isVisible('#nav-enroll.active'), 'the menu has 参保申请');
  const plans = await page.$$eval('#f-plan option', os => os.length - 1);
  ok(plans > 0, `plans on offer (${plans})`);
  await wide(page, 'the list');
  await page.screenshot({ path: `${shots}/enroll-list-1280.png`, fullPage: true });
  // The first plan open to 主保期参保 now (a plan outside its window says
  // so and the agent picks another, as a person would).
  let refused = 0;
  for (let i = 1; i <= plans; i++) {
    await page.goto(`${base}/u/enroll?unit=${unit}`);
    await page.selectOption('#f-plan', { index: i });
    await Promise.all([page.waitForNavigation(), page.click('#new')]);
    if (/\/u\/enroll\?id=\d+/.test(page.url())) break;
    refused++;
  }
  ok(/\/u\/enroll\?id=\d+/.test(page.url()), `a draft is made (${page.url()}; ${refused} plans refused first)`);
  const no = (await page.textContent('#d-no')).trim();
  ok(/^CB\d{10}$/.test(no), `its number (${no})`);
  ok((await page.textContent('#progress li.current')).includes('提交申请'), 'the bar at 1 提交申请');

  await page.fill('#f-holder', '工会委员会');
  await page.fill('#f-bank', '中国工商银行青岛市南支行');
  await page.fill('#f-account', '3803020109200012345');
  await Promise.all([page.waitForNavigation(), page.click('#add-account')]);
  ok(await page.isVisible('#accounts tbody tr'), '缴费账号 added');

  await Promise.all([page.waitForNavigation(), page.click('#pick')]);
  await wide(page, '增加参保职工');
  await page.screenshot({ path: `${shots}/enroll-pick-1280.png`, fullPage: true });
  await Promise.all([page.waitForNavigation(), page.click('#pick-all')]);
  const count = Number((await page.textContent('#d-headcount')).trim());
  ok(count > 0, `选择全部未参保 lists people (${count})`);
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  let said = await page.textContent('.msg');
  // People the plan cannot take (a man under 女职工特殊疾病, one covered
  // already): 全部移除, then 上报 again, as the page tells the agent.
  if (/不可参保/.test(said) && await page.isVisible('#unlist-ineligible')) {
    await Promise.all([page.waitForNavigation(), page.click('#unlist-ineligible')]);
    await Promise.all([page.waitForNavigation(), page.click('#submit')]);
    said = await page.textContent('.msg');
  }
  ok(/已上报/.test(said), `上报 answers (${said.trim()})`);
  await wide(page, 'the application');
  await page.screenshot({ path: `${shots}/enroll-item-1280.png`, fullPage: true });

  const office = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const o = await office.newPage();
  await o.goto(`${base}/o/login`);
  await o.fill('#f-username', 'review1');
  await o.fill('#f-password', 'Demo2026');
  await Promise.all([o.waitForNavigation(), o.click('button[type=submit]')]);
  const id = new URL(page.url()).searchParams.get('id');
  await o.goto(`${base}/o/review?type=enroll&id=${id}`);
  ok(await o.isVisible('#d-no'), 'review1 opens it on the desk');
  await wide(o, 'the review page');
  await o.screenshot({ path: `${shots}/enroll-desk-1280.png`, fullPage: true });
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
