// A member files a 住院医疗 claim on a 360 px phone (seed 001), as a person
// would: 申请住院补助金, the ID card's two sides, the stay with its
// settlement sheet, the account, the attestation, 确认提交.  The photos are
// real photo-sized pictures (about 4 MB, a JPEG and a PNG, drawn in the
// browser's canvas): the page must compress each under the 1 MB limit
// before it is sent, and warn about a tiny, dark one.  Prints TAP; keeps
// screenshots.
import { chromium } from 'playwright-core';
import { writeFileSync, statSync } from 'node:fs';

const base = process.env.HZ_URL || 'http://127.0.0.1:18480';
const shots = process.env.HZ_SHOTS || '.';
const token = process.env.HZ_CLAIM_TOKEN;
const name = process.env.HZ_CLAIM_NAME;
const LIMIT = 1024 * 1024;
let n = 0, failed = 0;
const ok = (cond, what) => {
  n++; if (!cond) failed++;
  console.log(`${cond ? '' : 'not '}ok ${n} - ${what}`);
};
const width = page => page.evaluate(() => document.documentElement.scrollWidth);
const ymd = days => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

// A picture drawn in the page: w x h, a gradient with noise (a photo's
// detail, so it does not compress to nothing), as `type` near `want` bytes.
async function picture(page, file, w, h, type, want, dark) {
  const b64 = await page.evaluate(async ([w, h, type, want, dark]) => {
    const c = document.createElement('canvas');
    c.width = w; c.height = h;
    const g = c.getContext('2d');
    const grad = g.createLinearGradient(0, 0, w, h);
    grad.addColorStop(0, dark ? '#050505' : '#d8c8a8');
    grad.addColorStop(1, dark ? '#101018' : '#5a7a9a');
    g.fillStyle = grad; g.fillRect(0, 0, w, h);
    const img = g.getImageData(0, 0, w, h), d = img.data;
    let seed = 12345;
    const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
    const amp = dark ? 6 : 70;
    for (let i = 0; i < d.length; i += 4) {
      const v = (rnd() - 0.5) * amp;
      d[i] += v; d[i + 1] += v; d[i + 2] += v;
    }
    g.putImageData(img, 0, 0);
    g.fillStyle = dark ? '#222' : '#123';
    g.font = `${Math.round(h / 12)}px sans-serif`;
    g.fillText('住院费用结算单 56308.05', w / 10, h / 2);
    let blob = null;
    for (const q of [0.97, 0.94, 0.9, 0.85, 0.8, 0.7]) {
      blob = await new Promise(ok => c.toBlob(ok, type, q));
      if (type === 'image/png' || blob.size <= want * 1.25) break;
    }
    const buf = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < buf.length; i += 32768) s += String.fromCharCode.apply(null, buf.subarray(i, i + 32768));
    return btoa(s);
  }, [w, h, type, want, dark]);
  writeFileSync(file, Buffer.from(b64, 'base64'));
  return statSync(file).size;
}

// The size of the file the input now holds (after the page's compression).
const chosen = (page, sel) => page.$eval(sel, i => i.files.length ? i.files[0].size : -1);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  ok(token && name, `a covered member to claim for (${name})`);
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'zh-CN',
    userAgent: 'Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Mobile MicroMessenger/8.0' });
  await ctx.addCookies([{ name: 'hz_m', value: token, url: base }]);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  page.on('console', m => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text()); });
  page.on('response', r => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });

  await page.goto(`${base}/m/`);
  await page.click('#tile-claims');
  await page.waitForSelector('#new-claim');
  ok(page.url().endsWith('/m/claims'), '补助申请 opens the claims');
  ok(await width(page) <= 360, 'the claims fit 360 px');
  await page.screenshot({ path: `${shots}/mclaim-list-360.png`, fullPage: true });

  // Photos as a phone takes them: a 4 MB JPEG, a 4 MB PNG, a tiny dark one.
  const front = await picture(page, 'photo-front.jpg', 4032, 3024, 'image/jpeg', 4.2e6, false);
  const back = await picture(page, 'photo-back.png', 1500, 1150, 'image/png', 4e6, false);
  const sheet = await picture(page, 'photo-sheet.jpg', 3024, 4032, 'image/jpeg', 4.2e6, false);
  const dark = await picture(page, 'photo-dark.jpg', 480, 360, 'image/jpeg', 3e4, true);
  ok(front > 3e6 && back > 3e6 && sheet > 3e6,
    `photo-sized pictures: ${(front / 1e6).toFixed(1)} MB JPEG, ${(back / 1e6).toFixed(1)} MB PNG, ${(sheet / 1e6).toFixed(1)} MB JPEG`);

  await page.click('#new-claim');
  await page.waitForSelector('#step-form');
  ok(/\/m\/claim\/step\?id=\d+&n=1$/.test(page.url()), '申请住院补助金 opens step 1');
  const id = page.url().match(/id=(\d+)/)[1];
  ok((await page.textContent('h1.step-head')).includes(`请上传${name}的居民身份证正反面照片`), 'step 1 asks for the ID card');
  ok((await page.textContent('#id-examples')).replace(/\s/g, '').includes('标准边框缺失照片模糊曝光过度'), 'the four examples');
  await page.setInputFiles('#file-id_front', 'photo-front.jpg');
  await page.locator('#note-id_front', { hasText: /已压缩|无法/ }).waitFor({ timeout: 30000 });
  const f1 = await chosen(page, '#file-id_front');
  ok(f1 > 0 && f1 < LIMIT, `the 4 MB JPEG compressed to ${(f1 / 1024).toFixed(0)} KB before upload`);
  ok((await page.textContent('#note-id_front')).includes('已压缩'), `the page says so: ${await page.textContent('#note-id_front')}`);
  await page.setInputFiles('#file-id_back', 'photo-back.png');
  await page.locator('#note-id_back', { hasText: /已压缩|无法/ }).waitFor({ timeout: 30000 });
  const f2 = await chosen(page, '#file-id_back');
  ok(f2 > 0 && f2 < LIMIT, `the 4 MB PNG made a JPEG of ${(f2 / 1024).toFixed(0)} KB`);
  ok(await width(page) <= 360, `step 1 fits 360 px (${await width(page)} px)`);
  await page.screenshot({ path: `${shots}/mclaim-step1-360.png`, fullPage: true });
  await page.click('#next');
  await page.waitForURL(/n=2$/);
  ok(true, '下一步: the photos were taken, step 2');

  await page.fill('#f-hospital', '南宁人民医院');
  await page.fill('#f-admitted', ymd(-30));
  await page.fill('#f-discharged', ymd(-25));
  await page.fill('#f-disease', '急性肠胃炎');
  await page.setInputFiles('#file-settlement', 'photo-sheet.jpg');
  await page.locator('#note-settlement', { hasText: /已压缩|无法/ }).waitFor({ timeout: 30000 });
  const f3 = await chosen(page, '#file-settlement');
  ok(f3 > 0 && f3 < LIMIT, `the settlement sheet compressed to ${(f3 / 1024).toFixed(0)} KB`);
  await page.setInputFiles('#file-receipt', 'photo-dark.jpg');
  await page.locator('#note-receipt', { hasText: /已选择|已压缩|无法/ }).waitFor({ timeout: 30000 });
  const warn = await page.textContent('#note-receipt');
  ok(/过小/.test(warn) && /过暗/.test(warn), `a tiny dark picture is warned about: ${warn}`);
  ok(await width(page) <= 360, `step 2 fits 360 px (${await width(page)} px)`);
  await page.screenshot({ path: `${shots}/mclaim-step2-360.png`, fullPage: true });
  await page.click('#next');
  await page.waitForURL(/n=3$/);
  ok(true, '下一步: step 3');

  ok(await page.inputValue('#f-payee') === name, '开户人 is the member');
  ok((await page.textContent('#branch-hint')).includes('请准确输入分行或支行名称'), 'the branch hint');
  await page.fill('#f-card', '6222021234567890128');
  await page.fill('#f-bank', '工商银行');
  await page.fill('#f-branch', '南宁市清环路支行');
  await page.fill('#f-bank_phone', '13520711158');
  await page.click('#submit');
  await page.waitForSelector('#err-attest');
  ok((await page.textContent('#err-attest')).includes('请阅读并勾选'), 'not attested: refused on the checkbox');
  ok(await page.inputValue('#f-bank') === '工商银行', '... what was typed is kept');
  await page.check('#f-attest');
  ok(await width(page) <= 360, `step 3 fits 360 px (${await width(page)} px)`);
  await page.screenshot({ path: `${shots}/mclaim-step3-360.png`, fullPage: true });
  await page.click('#submit');
  await page.waitForSelector('#submitted');
  ok((await page.textContent('#submitted')).replace(/\s/g, '').includes('补助申请提交完成请等待审核'), '补助申请提交完成，请等待审核');
  ok((await page.textContent('#d-amount')).trim() === '待定', '补助金额 待定');
  const sizes = await page.$$eval('#claim-photos img', imgs => Promise.all(imgs.map(async i => {
    const r = await fetch(i.src); return (await r.blob()).size;
  })));
  ok(sizes.length === 4 && sizes.every(s => s > 0 && s < LIMIT),
    `the four photos were stored under 1 MB each: ${sizes.map(s => (s / 1024).toFixed(0) + ' KB').join(', ')}`);
  ok(await width(page) <= 360, `the detail fits 360 px (${await width(page)} px)`);
  await page.screenshot({ path: `${shots}/mclaim-done-360.png`, fullPage: true });
  await page.goto(`${base}/m/claims`);
  ok(await page.$(`[data-claim="${id}"][data-state="review1"]`) !== null, 'the list shows it 审核中');
  await page.screenshot({ path: `${shots}/mclaim-list2-360.png`, fullPage: true });
  ok(errors.length === 0, `no script errors${errors.length ? ': ' + errors.join('; ') : ''}`);
} catch (e) {
  ok(false, `browser flow: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
