// A unit agent at a desk (1280 px) and on a phone (360 px) in Chromium:
// the home shows 我的办件 before 我服务的单位, full width; the roster fits
// 360 px without sideways scrolling; the file picker shows the chosen
// file's name, and without scripts the browser's own input is there.
// Prints TAP; keeps screenshots (unit-home-1280.png, roster-360.png).
import { chromium } from 'playwright-core';

const base = process.env.HZ_URL || 'http://127.0.0.1:18480';
const shots = process.env.HZ_SHOTS || '.';
const phone = process.env.HZ_AGENT || '13800000006';
const xlsx = process.env.HZ_XLSX;
let n = 0, failed = 0;
const ok = (cond, what) => {
  n++; if (!cond) failed++;
  console.log(`${cond ? '' : 'not '}ok ${n} - ${what}`);
};

async function signIn(page) {
  await page.goto(`${base}/u/login?tab=password`);
  await page.fill('#f-login', phone);
  await page.fill('#f-password', 'Demo2026');
  await Promise.all([page.waitForNavigation(), page.click('#password-form button[type=submit]')]);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // At a desk.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await desk.newPage();
  await signIn(page);
  ok(new URL(page.url()).pathname === '/u/', `the agent lands on the home page (${page.url()})`);
  ok((await page.textContent('#tasks h1')).trim() === '我的办件', 'the home has 我的办件');
  const order = await page.evaluate(() => {
    const t = document.getElementById('tasks'), u = document.getElementById('my-units');
    return !!(t && u && (t.compareDocumentPosition(u) & Node.DOCUMENT_POSITION_FOLLOWING));
  });
  ok(order, '我的办件 comes before 我服务的单位');
  const box = await page.evaluate(() => {
    const r = e => document.getElementById(e).getBoundingClientRect();
    return { tasks: r('tasks'), units: r('my-units'), msgs: r('messages') };
  });
  ok(box.tasks.top < box.units.top, '我的办件 is shown above 我服务的单位');
  ok(box.units.width > 900, `我服务的单位 takes the full width (${Math.round(box.units.width)} px)`);
  ok(box.msgs.top >= box.units.bottom, 'messages come below, not beside, the units');
  const unit = process.env.HZ_UNIT;
  ok(await page.isVisible(`#units tr[data-unit="${unit}"]`), `the home lists the agent's unit (${unit})`);
  const deskWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  ok(deskWidth <= 1280, `no horizontal scrolling at 1280 px (${deskWidth} px)`);
  await page.screenshot({ path: `${shots}/unit-home-1280.png`, fullPage: true });

  // On a phone.
  const state = await desk.storageState();
  const mobile = await browser.newContext({ viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2, storageState: state });
  const p = await mobile.newPage();
  await p.goto(`${base}/u/roster?unit=${unit}`);
  ok(await p.isVisible('#roster'), 'the roster lists members');
  const w = await p.evaluate(() => document.documentElement.scrollWidth);
  ok(w <= 360, `no horizontal scrolling at 360 px (page is ${w} px wide)`);
  const native = await p.evaluate(() => {
    const e = document.getElementById('file-file'), r = e.getBoundingClientRect();
    return { w: r.width, o: getComputedStyle(e).opacity };
  });
  ok(native.w <= 1 && native.o === '0', 'the native file input is hidden behind the picker');
  ok(await p.isVisible('label[for=file-file]'), '... whose button shows');
  ok((await p.textContent('#file-file-name')).trim() === '未选择文件', 'the picker says no file yet');
  await p.setInputFiles('#file-file', xlsx);
  const name = xlsx.split('/').pop();
  ok((await p.textContent('#file-file-name')).trim() === name, `the picker shows the chosen file (${name})`);
  const w2 = await p.evaluate(() => document.documentElement.scrollWidth);
  ok(w2 <= 360, `still no horizontal scrolling with a file chosen (${w2} px)`);
  await p.screenshot({ path: `${shots}/roster-360.png`, fullPage: true });
  const home = await mobile.newPage();
  await home.goto(`${base}/u/`);
  const hw = await home.evaluate(() => document.documentElement.scrollWidth);
  ok(hw <= 360, `the home fits 360 px (${hw} px)`);
  await home.screenshot({ path: `${shots}/unit-home-360.png`, fullPage: true });

  // Without scripts the browser's own file input does the job.
  const plain = await browser.newContext({ viewport: { width: 1280, height: 900 },
    javaScriptEnabled: false, storageState: state });
  const q = await plain.newPage();
  await q.goto(`${base}/u/roster?unit=${unit}`);
  ok(await q.isVisible('#file-file'), 'without scripts the native file input shows');
  ok(!(await q.isVisible('#file-file-name')), '... and no name box that would stay empty');
} catch (e) {
  ok(false, `browser flow: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
