// Recovery and WeChat sign-in in Chromium, as people would do them:
// a member inside WeChat (360 px) goes through the stand-in's 网页授权,
// binds once by SMS code, and next time is signed straight in; an agent
// at a desk (1280 px) asks for the e-mail link, reads the mail in the
// stack's SMTP sink, sets a new password and signs in with it; the 申诉
// form refuses bad input in Chinese.  Prints TAP; keeps screenshots.
import { chromium } from 'playwright-core';

const base = process.env.HZ_URL || 'http://127.0.0.1:18480';
const shots = process.env.HZ_SHOTS || '.';
const agent = process.env.HZ_MAIL_AGENT, mail = process.env.HZ_MAIL;
const wechat = 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Mobile MicroMessenger/8.0.47';
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
  // WeChat: the stand-in's next code stands for this openid.
  await fetch(`${base}/_wx/next?openid=o-browser-${Date.now()}`, { method: 'POST' });
  // A client address of its own (the stack's nginx trusts it from
  // loopback): the other scripts' codes do not count against it.
  const phoneCtx = () => browser.newContext({ viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2, locale: 'zh-CN', userAgent: wechat,
    extraHTTPHeaders: { 'X-Forwarded-For': '10.25.0.21' } });
  let ctx = await phoneCtx();
  let page = await ctx.newPage();
  await page.goto(`${base}/m/`);
  ok(new URL(page.url()).pathname === '/m/bind', `inside WeChat, back from 网页授权 on the bind page (${page.url()})`);
  await page.fill('#f-name', process.env.HZ_WX_NAME);
  await page.fill('#f-id_number', process.env.HZ_WX_ID);
  await page.fill('#f-phone', process.env.HZ_WX_PHONE);
  const before = Number((await fetch(`${base}/_sink/last?phone=${process.env.HZ_WX_PHONE}`)).headers.get('x-sink-count') || 0);
  await page.click('button.send-code');
  await page.waitForLoadState();
  let code = '';
  for (let i = 0; i < 50 && !code; i++) {
    const r = await fetch(`${base}/_sink/last?phone=${process.env.HZ_WX_PHONE}`);
    const m = Number(r.headers.get('x-sink-count') || 0) > before && (await r.text()).match(/验证码是(\d{6})/);
    if (m) code = m[1]; else await new Promise(res => setTimeout(res, 200));
  }
  ok(code.length === 6, `the SMS code arrived${code ? '' : ` (the page says: ${
    (await page.textContent('.msg, .err').catch(() => '')) || 'nothing'})`}`);
  await page.fill('#f-code', code);
  await page.check('#f-agree');
  await Promise.all([page.waitForNavigation(), page.click('#bind-submit')]);
  const home = await page.$('#member-name');
  ok(home && (await home.textContent()) === process.env.HZ_WX_NAME, `bound: the home${home ? '' :
    ` (the page says: ${(await page.textContent('.msg, .err').catch(() => '')) || page.url()})`}`);
  await ctx.close();
  ctx = await phoneCtx();			// the next visit: no cookies
  page = await ctx.newPage();
  await page.goto(`${base}/m/`);
  await page.waitForSelector('#member-name', { timeout: 10000 });
  ok(new URL(page.url()).pathname === '/m/', 'next time WeChat signs the member straight in');
  ok(await width(page) <= 360, 'the home fits 360 px');
  await page.screenshot({ path: `${shots}/wechat-home-360.png`, fullPage: true });
  await ctx.close();

  // An agent at a desk: 找回密码 by e-mail.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page = await desk.newPage();
  await page.goto(`${base}/u/forgot`);
  ok(await page.isVisible('#via-mail'), '找回密码 offers 通过邮箱找回');
  ok(await page.isVisible('#via-appeal'), '... and 申诉');
  await page.screenshot({ path: `${shots}/forgot-1280.png`, fullPage: true });
  await Promise.all([page.waitForNavigation(), page.click('#via-mail')]);
  await page.fill('#f-email', 'not an address');
  await Promise.all([page.waitForNavigation(), page.click('#mail-form button[type=submit]')]);
  ok(/请输入正确的邮箱地址/.test(await page.textContent('#err-email')), 'a bad address: told in Chinese');
  const sent = Number((await fetch(`${base}/_sink/mail/last?to=${mail}`)).headers.get('x-sink-count') || 0);
  await page.fill('#f-email', mail);
  await Promise.all([page.waitForNavigation(), page.click('#mail-form button[type=submit]')]);
  ok(await page.isVisible('#mail-sent'), 'the mail is on its way');
  await page.screenshot({ path: `${shots}/forgot-mail-sent-1280.png`, fullPage: true });
  let link = '';
  for (let i = 0; i < 50 && !link; i++) {
    const r = await fetch(`${base}/_sink/mail/last?to=${mail}`);
    const m = Number(r.headers.get('x-sink-count') || 0) > sent && (await r.text()).match(/https?:\/\/\S+\/u\/forgot\/mail\/reset\?token=[0-9a-f]{64}/);
    if (m) link = m[0]; else await new Promise(res => setTimeout(res, 200));
  }
  ok(link !== '', 'the mail with the link arrived at the sink');
  await page.goto(link);
  await page.fill('#f-password', 'Browser2026');
  await page.fill('#f-password2', 'Browser2026');
  await page.screenshot({ path: `${shots}/reset-1280.png`, fullPage: true });
  await Promise.all([page.waitForNavigation(), page.click('#reset-form button[type=submit]')]);
  ok(/密码已重置/.test(await page.textContent('body')), 'the password is set: to the login');
  await page.fill('#f-login', agent);
  await page.fill('#f-password', 'Browser2026');
  await Promise.all([page.waitForNavigation(), page.click('#password-form button[type=submit]')]);
  ok(new URL(page.url()).pathname === '/u/', 'the new password signs in');
  await page.goto(`${base}/u/password`);
  ok((await page.inputValue('#f-email')) === mail, '账号 shows the e-mail');
  await page.screenshot({ path: `${shots}/account-email-1280.png`, fullPage: true });
  await desk.close();

  // 申诉: the form, and bad input.
  const anon = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page = await anon.newPage();
  await page.goto(`${base}/u/appeal`);
  ok(await page.isVisible('#captcha-img'), 'the appeal form asks a picture challenge');
  await page.fill('#f-phone', '123');
  await Promise.all([page.waitForNavigation(), page.click('#appeal-form button[type=submit]')]);
  ok((await page.textContent('#err-phone')).length > 0, 'a bad phone: told');
  ok((await page.textContent('#err-reason')).length > 0, 'no reason: told');
  await page.screenshot({ path: `${shots}/appeal-1280.png`, fullPage: true });
  await anon.close();
} catch (e) {
  ok(false, `browser flow: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
