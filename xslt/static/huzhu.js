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
  // 补助申请的照片 (form[data-photo-max]): a phone photo is made a JPEG
  // under the limit in the browser before it is sent (scaled, then the
  // quality stepped down), and a tiny or very dark picture is warned
  // about.  The server still checks: without scripts it refuses an
  // oversize photo with its own message.
  document.querySelectorAll('form[data-photo-max]').forEach(function (form) {
    var max = parseInt(form.getAttribute('data-photo-max'), 10) || 1048576;
    var target = Math.floor(max * 0.92);
    var busy = 0;
    var buttons = form.querySelectorAll('button[type=submit]');
    function setBusy(d) {
      busy += d;
      buttons.forEach(function (b) { b.disabled = busy > 0; });
    }
    function kb(n) { return n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.ceil(n / 1024) + ' KB'; }
    function load(file) {
      return new Promise(function (ok, fail) {
        var img = new Image(), url = URL.createObjectURL(file);
        img.onload = function () { ok({ img: img, url: url }); };
        img.onerror = function () { URL.revokeObjectURL(url); fail(new Error('not an image')); };
        img.src = url;
      });
    }
    function blobOf(canvas, q) {
      return new Promise(function (ok) { canvas.toBlob(ok, 'image/jpeg', q); });
    }
    // Mean luminance (0..255) over a small copy of the picture.
    function luminance(img) {
      var c = document.createElement('canvas'), w = 64, h = 64, d, i, sum = 0;
      c.width = w; c.height = h;
      var g = c.getContext('2d');
      g.drawImage(img, 0, 0, w, h);
      d = g.getImageData(0, 0, w, h).data;
      for (i = 0; i < d.length; i += 4) sum += 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      return sum / (w * h);
    }
    async function shrink(img) {
      var w = img.naturalWidth, h = img.naturalHeight, scale = Math.min(1, 2560 / Math.max(w, h));
      var qs = [0.86, 0.78, 0.7, 0.62, 0.54], canvas = document.createElement('canvas'), blob = null, i;
      for (var round = 0; round < 8; round++) {
        canvas.width = Math.max(1, Math.round(w * scale));
        canvas.height = Math.max(1, Math.round(h * scale));
        var g = canvas.getContext('2d');
        g.fillStyle = '#fff';	// a PNG's transparent parts on white
        g.fillRect(0, 0, canvas.width, canvas.height);
        g.drawImage(img, 0, 0, canvas.width, canvas.height);
        for (i = 0; i < qs.length; i++) {
          blob = await blobOf(canvas, qs[i]);
          if (blob && blob.size <= target) return blob;
        }
        scale *= 0.75;
      }
      return blob;
    }
    form.querySelectorAll('input[type=file]').forEach(function (input) {
      var note = document.getElementById('note-' + input.name);
      var thumb = document.getElementById('kept-' + input.name);
      function say(text, bad) {
        if (!note) return;
        note.textContent = text;
        note.classList.toggle('bad', !!bad);
      }
      input.addEventListener('change', async function () {
        var file = input.files && input.files[0];
        if (!file) { say(''); return; }
        setBusy(1);
        try {
          var got = await load(file), img = got.img, warn = [], out = file;
          var short = Math.min(img.naturalWidth, img.naturalHeight);
          if (short < 600) warn.push('照片尺寸过小（' + img.naturalWidth + '×' + img.naturalHeight + '），可能看不清，建议重新拍摄');
          if (luminance(img) < 50) warn.push('照片过暗，请在光线充足处重新拍摄');
          if (file.size > target || !/^image\/(jpeg|png)$/.test(file.type)) {
            say('正在压缩照片…');
            var blob = await shrink(img);
            if (!blob || blob.size > max) throw new Error('too big');
            var name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
            out = new File([blob], name, { type: 'image/jpeg' });
            var dt = new DataTransfer();
            dt.items.add(out);
            input.files = dt.files;
            input.dispatchEvent(new Event('input'));
          }
          if (thumb && thumb.tagName === 'IMG') thumb.src = got.url;
          else if (thumb) {
            var im = document.createElement('img');
            im.className = 'thumb'; im.id = thumb.id; im.alt = '待上传的照片'; im.src = got.url;
            thumb.replaceWith(im); thumb = im;
          }
          var msg = out === file ? '已选择照片（' + kb(file.size) + '）' :
            '已压缩：' + kb(file.size) + ' → ' + kb(out.size);
          input.setAttribute('data-size', String(out.size));
          say(warn.length ? msg + '。' + warn.join('；') : msg, warn.length > 0);
        } catch (e) {
          say('无法读取这张照片，请重新选择jpg或png格式的照片', true);
          input.value = '';
        } finally {
          setBusy(-1);
        }
      });
    });
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
  // The editor's toolbar: wrap the selection of its textarea in <p>, <b>,
  // a list (one item per line) or a link; the server cleans what is saved.
  document.querySelectorAll('.editor-toolbar').forEach(function (bar) {
    var ta = document.getElementById(bar.getAttribute('data-for'));
    if (!ta) return;
    bar.addEventListener('click', function (ev) {
      var b = ev.target.closest('button');
      if (!b) return;
      var s = ta.selectionStart, e = ta.selectionEnd;
      var sel = ta.value.slice(s, e), out;
      if (b.hasAttribute('data-wrap')) {
        var t = b.getAttribute('data-wrap');
        out = '<' + t + '>' + (sel || (t === 'p' ? '段落' : '加粗文字')) + '</' + t + '>';
      } else if (b.hasAttribute('data-list')) {
        var l = b.getAttribute('data-list');
        var items = (sel || '第一项\n第二项').split(/\r?\n/).filter(function (x) { return x.trim() !== ''; });
        out = '<' + l + '>' + items.map(function (x) { return '<li>' + x + '</li>'; }).join('') + '</' + l + '>';
      } else if (b.hasAttribute('data-link')) {
        var url = window.prompt('链接地址（http:// 或 https:// 开头）', 'https://');
        if (!url) return;
        out = '<a href="' + url.replace(/"/g, '%22') + '">' + (sel || url) + '</a>';
      } else {
        return;
      }
      ta.setRangeText(out, s, e, 'end');
      ta.focus();
    });
  });
})();
