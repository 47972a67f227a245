// The member's home, 个人中心 and 站内信 on a 360 px phone (seed 000), and
// the agent's 站内信 at a 1280 px desk, in Chromium: the avatar card leads
// to 个人中心 (name, unit, masked ID and phone, bound since, 退出); the six
// tiles with the unread badge; the messages unread first, 20 a page,
// opening one goes to its item and lowers the count, 全部已读 clears it.
// Nothing is wider than the screen.  Prints TAP; keeps screenshots
// (portal-*.png).
import { chromium } from 'playwright-core';

const base = process.env.HZ_URL || 'http://127.0.0.1:18480';
const shots = process.env.HZ_SHOTS || '.';
const token = process.env.HZ_PORTAL_TOKEN;
const agentToken = process.env.HZ_PORTAL_AGENT_TOKEN;
const name = process.env.HZ_PORTAL_NAME;
let n = 0, failed = 0;
const ok = (cond, what) => {
  n++; if (!cond) failed++;
  console.log(`${cond ? '' : 'not '}ok ${n} - ${what}`);
};
const width = page => page.evaluate(() => document.documentElement.scrollWidth);
const text = async (page, sel) => ((await page.textContent(sel)) || '').trim();
const badge = async page => (await page.$('#hdr-unread')) ? text(page, '#hdr-unread') : '';
// Every element that sticks out of the viewport on the right.
const overflow = page => page.evaluate(() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
  .map(e => e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')).slice(0, 5));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  ok(token && agentToken && name, `a member and an agent with messages (${name})`);
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'zh-CN',
    userAgent: 'Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Mobile MicroMessenger/8.0' });
  await ctx.addCookies([{ name: 'hz_m', value: token, url: base }]);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  page.on('response', r => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });

  // ---- 首页
  await page.goto(`${base}/m/`);
  ok((await text(page, '#member-name')) === name, 'the home shows the member');
  ok(await badge(page) === '4', `the header shows 4 unread (${await badge(page)})`);
  ok((await text(page, '#tile-unread')) === '4', 'and the 消息 tile');
  const tiles = await page.$$eval('nav.grid-menu a.tile', as => as.map(a => a.textContent.replace(/\s+/g, '').slice(1)));
  ok(tiles.join(' ').startsWith('公告通知 职工参保 补助申请 个人信息变更 宣传手册 消息'),
    `the six tiles of seed 000 (${tiles.join(' ')})`);
  ok(!(await page.content()).includes('即将开放'), 'nothing says 即将开放');
  const rows = await page.$$eval('nav.grid-menu a.tile', as => [...new Set(as.map(a => Math.round(a.getBoundingClientRect().top)))].length);
  ok(rows === 2, `the tiles in two rows of three (${rows})`);
  ok(await page.isVisible('#news h2'), '工会资讯 below the tiles');
  ok(await width(page) <= 360, `the home fits 360 px (${await width(page)})`);
  ok((await overflow(page)).length === 0, `nothing sticks out (${await overflow(page)})`);
  await page.screenshot({ path: `${shots}/portal-home-360.png`, fullPage: true });

  // ---- 个人中心
  await Promise.all([page.waitForNavigation(), page.click('#me')]);
  ok(new URL(page.url()).pathname === '/m/me', 'the avatar opens 个人中心');
  ok((await text(page, '#me-name')) === name, '个人中心 names the member');
  ok(/\*/.test(await text(page, '#me-id')), `the ID number masked (${await text(page, '#me-id')})`);
  ok(/^\d{3}\*{4}\d{4}$/.test(await text(page, '#me-phone')), `the phone masked (${await text(page, '#me-phone')})`);
  ok((await text(page, '#me-bound')) === '2026-03-01 09:30', 'bound since 2026-03-01 09:30');
  ok(await page.isVisible('#me-logout'), '退出登录');
  ok(await width(page) <= 360, '个人中心 fits 360 px');
  await page.screenshot({ path: `${shots}/portal-me-360.png`, fullPage: true });

  // ---- 站内信
  await page.goto(`${base}/m/`);
  await Promise.all([page.waitForNavigation(), page.click('#tile-messages')]);
  ok(new URL(page.url()).pathname === '/m/messages', '消息 opens the list');
  const titles = await page.$$eval('#message-list li .msg-title', s => s.map(e => e.textContent.trim()));
  ok(titles.length === 20, `20 on the first page (${titles.length})`);
  ok(titles.slice(0, 4).join('|') === '补助申请被驳回|补助金打款失败|系统维护通知|您有1条变更信息申请单被驳回',
    `unread first, newest first (${titles.slice(0, 4).join('|')})`);
  ok((await text(page, '#msg-total')) === '共 24 条', '共 24 条');
  ok(await page.isVisible('#read-all button'), '全部已读');
  ok(await width(page) <= 360, `the list fits 360 px (${await width(page)})`);
  ok((await overflow(page)).length === 0, `nothing sticks out (${await overflow(page)})`);
  await page.screenshot({ path: `${shots}/portal-messages-360.png`, fullPage: true });

  await Promise.all([page.waitForNavigation(), page.click('#message-list li:first-child a')]);
  ok(new URL(page.url()).pathname === '/m/claims', 'the 驳回 message opens the claims');
  ok(await badge(page) === '3', `... read: 3 unread (${await badge(page)})`);
  await page.goto(`${base}/m/messages`);
  await Promise.all([page.waitForNavigation(), page.click('#next')]);
  ok(new URL(page.url()).search === '?page=2', '下一页');
  ok((await page.$$('#message-list li')).length === 4, 'page 2: the last 4');
  ok(await page.isVisible('#prev'), '上一页');
  await page.screenshot({ path: `${shots}/portal-messages-p2-360.png`, fullPage: true });
  await page.goto(`${base}/m/messages`);
  await Promise.all([page.waitForNavigation(), page.click('#message-list li:has-text("系统维护通知") a')]);
  ok((await text(page, '#message-title')) === '系统维护通知', 'a message without a link is shown');
  ok((await page.$eval('#message-body', e => e.getBoundingClientRect().height)) > 40, '... its two lines');
  ok(await width(page) <= 360, '... within 360 px');
  await page.screenshot({ path: `${shots}/portal-message-360.png`, fullPage: true });
  await Promise.all([page.waitForNavigation(), page.click('#back-list')]);
  ok(await badge(page) === '2', `2 unread now (${await badge(page)})`);
  await Promise.all([page.waitForNavigation(), page.click('#read-all button')]);
  ok(new URL(page.url()).pathname === '/m/messages', '全部已读 comes back to the list');
  ok(await badge(page) === '', 'no badge');
  ok((await page.$$('#message-list li[data-read="0"]')).length === 0, 'no unread row');
  ok(!(await page.isVisible('#read-all')), '全部已读 gone');
  await page.screenshot({ path: `${shots}/portal-messages-read-360.png`, fullPage: true });
  ok(errors.length === 0, `no errors (${errors.join('; ')})`);

  // ---- the agent, at a desk
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await desk.addCookies([{ name: 'hz_u', value: agentToken, url: base }]);
  const g = await desk.newPage();
  const gerrors = [];
  g.on('pageerror', e => gerrors.push(e.message));
  g.on('response', r => { if (r.status() >= 400) gerrors.push(`${r.status()} ${r.url()}`); });
  await g.goto(`${base}/u/`);
  ok(new URL(g.url()).pathname === '/u/', `the agent's home (${g.url()})`);
  ok(await badge(g) === '4', `the header: 4 unread (${await badge(g)})`);
  ok((await g.$$('#messages ul li')).length === 10, 'the home keeps its 10 latest');
  await Promise.all([g.waitForNavigation(), g.click('#all-messages')]);
  ok(new URL(g.url()).pathname === '/u/messages', '全部消息 opens the list');
  ok((await g.$$('#message-list li')).length === 20, '20 a page');
  ok((await g.$$('#message-list li[data-read="0"]')).length === 4, 'the 4 unread first');
  ok((await text(g, '#msg-total')) === '共 24 条', '共 24 条');
  ok(await g.isVisible('#nav-messages.active'), '消息 is the side menu\'s active entry');
  ok(await width(g) <= 1280, 'no sideways scrolling at 1280 px');
  await g.screenshot({ path: `${shots}/portal-agent-messages-1280.png`, fullPage: true });
  await Promise.all([g.waitForNavigation(), g.click('#read-all button')]);
  ok(await badge(g) === '', '全部已读: no badge');
  ok((await g.$$('#message-list li[data-read="0"]')).length === 0, 'none unread');
  ok(gerrors.length === 0, `no errors (${gerrors.join('; ')})`);
} catch (e) {
  ok(false, `the flow runs to the end: ${e.message}`);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
