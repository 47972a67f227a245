/* huzhu.js: small progressive enhancements; every page works without it. */
(function () {
  'use strict';
  // Scripts run: the stylesheet may swap native controls for styled ones.
  document.documentElement.classList.add('js');
  // File picker: show the chosen file's name beside its button.
  document.querySelectorAll('.file-picker input[type=file]').forEach(function (input) {
    var out = document.getElementById(input.id + '-name');
    if (!out) return;
    var none = out.textContent;
    function show() {
      var f = input.files;
      out.textContent = !f || f.length === 0 ? none :
        f.length === 1 ? f[0].name : f.length + ' 个文件';
      out.title = out.textContent;
      out.classList.toggle('chosen', !!(f && f.length));
    }
    input.addEventListener('change', show);
    show();
  });
  // 获取验证码: count down 60 s after a code was sent (data-wait from the server).
  document.querySelectorAll('button.send-code').forEach(function (btn) {
    var left = parseInt(btn.getAttribute('data-wait') || '0', 10);
    var label = btn.textContent;
    function tick() {
      if (left > 0) {
        btn.disabled = true;
        btn.textContent = left + ' 秒后重新获取';
        left -= 1;
        setTimeout(tick, 1000);
      } else {
        btn.disabled = false;
        btn.textContent = label;
      }
    }
    tick();
  });
  // 图形验证码: a click draws a new picture (a new challenge replaces the old).
  document.querySelectorAll('img.captcha-img').forEach(function (img) {
    var base = img.getAttribute('src');
    img.style.cursor = 'pointer';
    img.addEventListener('click', function () {
      img.src = base + '?n=' + Date.now();
    });
  });
  // 常用退回意见: a pick fills the reason, which stays editable.
  document.querySelectorAll('select.reason-pick').forEach(function (sel) {
    sel.addEventListener('change', function () {
      var t = document.getElementById(sel.getAttribute('data-target'));
      if (t && sel.value) { t.value = sel.value; t.focus(); }
    });
  });
  // 职工参保: picking a plan or a year shows it at once (the seed's 下拉选择
  // …页面自动刷新); the 查询 button stays for a browser without scripts.
  document.querySelectorAll('form[data-autosubmit] select').forEach(function (sel) {
    sel.addEventListener('change', function () { sel.form.submit(); });
  });
  // 承诺书: the confirm button unlocks after data-unlock seconds of reading.
  document.querySelectorAll('button[data-unlock]').forEach(function (btn) {
    var left = parseInt(btn.getAttribute('data-unlock'), 10);
    var label = btn.textContent;
    function tick() {
      if (left > 0) {
        btn.disabled = true;
        btn.textContent = '请阅读承诺书（' + left + ' 秒）';
        left -= 1;
        setTimeout(tick, 1000);
      } else {
        btn.disabled = false;
        btn.textContent = label;
      }
    }
    tick();
  });
  // 全选: a header checkbox ticks every box of its form named data-tick-all.
  document.querySelectorAll('input[data-tick-all]').forEach(function (all) {
    var name = all.getAttribute('data-tick-all');
    all.addEventListener('change', function () {
      all.form.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) {
        box.checked = all.checked;
      });
    });
  });
})();
