// A member binds on a 360 px phone screen in Chromium, as a person would:
// fills the form, taps 获取验证码, reads the SMS (the stack's sink), binds,
// and lands on the home page.  Prints TAP; keeps screenshots.
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
  const page = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2,
    userAgent: 'Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Mobile MicroMessenger/8.0' });
  await page.goto(`${base}/m/`);
  // Inside WeChat (the stack configures its stand-in) by way of 网页授权.
  ok(new URL(page.url()).pathname === '/m/bind', 'an unbound member lands on the bind page');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  ok(width <= 360, `no horizontal scrolling at 360 px (page is ${width} px wide)`);
  await page.fill('#f-name', process.env.HZ_NAME);
  await page.fill('#f-id_number', process.env.HZ_ID);
  await page.fill('#f-phone', process.env.HZ_PHONE);
  await page.click('button.send-code');
  await page.waitForLoadState();
  const label = await page.textContent('button.send-code');
  ok(/秒后重新获取/.test(label), `the code button counts down ("${label.trim()}")`);
  ok(await page.isDisabled('button.send-code'), 'the code button is disabled while counting');
  ok(await page.inputValue('#f-name') === process.env.HZ_NAME, 'the form kept what was typed');
  await page.screenshot({ path: `${shots}/bind-360.png`, fullPage: true });
  let code = '';
  for (let i = 0; i < 50 && !code; i++) {
    const r = await fetch(`${base}/_sink/last?phone=${process.env.HZ_PHONE}`);
    const m = (await r.text()).match(/验证码是(\d{6})/);
    if (m) code = m[1]; else await new Promise(res => setTimeout(res, 200));
  }
  ok(code.length === 6, 'the SMS with the code arrived');
  await page.fill('#f-code', code);
  await page.check('#f-agree');
  await page.click('#bind-submit');
  await page.waitForSelector('#member-name', { timeout: 10000 });
  ok((await page.textContent('#member-name')) === process.env.HZ_NAME, 'home shows the member');
  ok((await page.textContent('#member-unit')).length > 0, 'home shows the unit');
  const homeWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  ok(homeWidth <= 360, `home fits 360 px (${homeWidth} px)`);
  await page.screenshot({ path: `${shots}/home-360.png`, fullPage: true });
} catch (e) {
  ok(false, `browser flow: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
