// The editor (编辑) at a desk (1280 px) writes a 工会资讯 with a cover and
// a body in the safe subset, uses the toolbar, saves, sees the preview,
// publishes; a member on a 360 px phone finds it in 工会资讯, reads it with
// its cover and bold text, and opens 隐私协议.  Prints TAP; keeps
// screenshots (articles-1280.png, article-edit-1280.png, news-360.png,
// article-360.png, privacy-360.png).
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';

const base = process.env.HZ_URL || 'http://127.0.0.1:18480';
const shots = process.env.HZ_SHOTS || '.';
const token = process.env.HZ_REC_MEMBER_TOKEN;
const title = '职工书屋开放啦 ' + String(Date.now()).slice(-6);
let n = 0, failed = 0;
const ok = (cond, what) => {
  n++; if (!cond) failed++;
  console.log(`${cond ? '' : 'not '}ok ${n} - ${what}`);
};
const width = page => page.evaluate(() => document.documentElement.scrollWidth);
const submit = (page, sel) => Promise.all([page.waitForNavigation(), page.click(sel)]);

// A 960×540 cover drawn in the page's canvas, saved as a PNG file.
async function cover(page, file) {
  const b64 = await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 960; c.height = 540;
    const g = c.getContext('2d');
    const grad = g.createLinearGradient(0, 0, 960, 540);
    grad.addColorStop(0, '#b71c1c'); grad.addColorStop(1, '#ff8a50');
    g.fillStyle = grad; g.fillRect(0, 0, 960, 540);
    g.fillStyle = 'rgba(255,255,255,.25)';
    g.beginPath(); g.arc(780, 120, 160, 0, 7); g.fill();
    g.fillStyle = '#fff';
    g.font = 'bold 64px "Noto Sans CJK SC", sans-serif';
    g.fillText('职工书屋', 80, 300);
    const blob = await new Promise(r => c.toBlob(r, 'image/png'));
    const buf = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < buf.length; i += 32768) s += String.fromCharCode.apply(null, buf.subarray(i, i + 32768));
    return btoa(s);
  });
  writeFileSync(file, Buffer.from(b64, 'base64'));
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--lang=zh-CN'],
});
try {
  // The editor, 1280 px.
  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 },
    locale: 'zh-CN' })).newPage();
  const errors = [];
  desk.on('pageerror', e => errors.push(e.message));
  desk.on('response', r => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  await desk.goto(`${base}/o/login`);
  await desk.fill('input[name=username]', 'editor');
  await desk.fill('input[name=password]', 'Demo2026');
  await submit(desk, 'form button[type=submit]');
  ok(await desk.isVisible('#nav-articles'), 'the editor\'s menu has 公告与资讯');
  ok(!(await desk.isVisible('#nav-queue')), '... and no 待办审核');
  await submit(desk, '#nav-articles');
  const rows = await desk.locator('#articles tbody tr').count();
  ok(rows >= 5, `the list shows the demo's articles (${rows})`);
  ok((await width(desk)) <= 1280, 'the list fits 1280 px');
  await desk.screenshot({ path: `${shots}/articles-1280.png`, fullPage: true });

  await submit(desk, '#new-news');
  await desk.fill('#f-title', title);
  const file = `${shots}/article-cover.png`;
  await cover(desk, file);
  await desk.setInputFiles('#file-cover', file);
  await desk.fill('#f-body', '市总工会职工书屋自本周起面向全体会员开放。\n');
  // The toolbar: a bold sentence and a list at the end.
  await desk.$eval('#f-body', t => { t.focus(); t.setSelectionRange(t.value.length, t.value.length); });
  await desk.click('.editor-toolbar button[data-wrap=b]');
  await desk.$eval('#f-body', t => { t.value += '\n'; t.setSelectionRange(t.value.length, t.value.length); });
  await desk.click('.editor-toolbar button[data-list=ul]');
  const body = await desk.inputValue('#f-body');
  ok(/<b>加粗文字<\/b>/.test(body) && /<ul><li>第一项<\/li><li>第二项<\/li><\/ul>/.test(body),
    'the toolbar writes bold and a list');
  await desk.fill('#f-body', body.replace('加粗文字', '开放时间：工作日 9:00–17:00').replace('第一项', '凭会员证借阅').replace('第二项', '每人每次限借两本'));
  await submit(desk, '#save');
  ok(/已保存/.test(await desk.textContent('main')), 'saved: 已保存');
  ok(await desk.isVisible('#cover-thumb'), 'the cover shows on the form');
  ok((await desk.textContent('#preview-body b')) === '开放时间：工作日 9:00–17:00', 'the preview shows the bold line');
  ok((await desk.locator('#preview-body ul li').count()) === 2, 'the preview shows the list');
  await desk.screenshot({ path: `${shots}/article-edit-1280.png`, fullPage: true });
  await submit(desk, 'form[action="/o/articles/publish"] button');
  ok(/已发布/.test(await desk.textContent('main')), '发布: 已发布');
  ok(errors.length === 0, `no page errors at the desk (${errors.join('; ')})`);

  // The member, 360 px.
  ok(!!token, 'a member signed in');
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'zh-CN',
    userAgent: 'Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Mobile MicroMessenger/8.0' });
  await ctx.addCookies([{ name: 'hz_m', value: token, url: base }]);
  const phone = await ctx.newPage();
  await phone.goto(`${base}/m/news`);
  ok(new URL(phone.url()).pathname === '/m/news', `工会资讯 opens (${phone.url()})`);
  const first = phone.locator('#articles li').first();
  ok((await first.locator('.title').textContent()) === title, 'the new article is first');
  ok(await first.locator('img.cover').isVisible(), '... with its cover');
  ok((await width(phone)) <= 360, 'the list fits 360 px');
  await phone.screenshot({ path: `${shots}/news-360.png`, fullPage: true });
  await Promise.all([phone.waitForNavigation(), first.locator('a').click()]);
  ok((await phone.textContent('#article-title')) === title, 'the article opens');
  const loaded = await phone.$eval('#article-cover', i => i.complete && i.naturalWidth);
  ok(loaded === 960, `its cover loads through the members' route (${loaded} px wide)`);
  ok((await phone.textContent('#article-body b')) === '开放时间：工作日 9:00–17:00', 'bold shows as bold');
  ok((await width(phone)) <= 360, 'the article fits 360 px');
  await phone.screenshot({ path: `${shots}/article-360.png`, fullPage: true });
  await phone.goto(`${base}/m/privacy`);
  ok((await phone.textContent('#text-body')).trim().length > 0 &&
    Number(await phone.textContent('#text-version')) >= 1, '隐私协议 reads, with its version');
  ok(await phone.isVisible('#withdraw'), '... with 撤回同意');
  await phone.screenshot({ path: `${shots}/privacy-360.png`, fullPage: true });
} catch (e) {
  ok(false, `browser flow: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
