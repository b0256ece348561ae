// The editor's live preview: the body's Markdown rendered by the server exactly as the public page renders it.
(function () {
  'use strict';
  var body = document.getElementById('body');
  var preview = document.getElementById('live-preview');
  var form = document.getElementById('editor');
  if (!body || !preview || !form) { return; }
  var csrf = form.querySelector('input[name="_csrf"]');
  var timer = null;
  var last = null;
  function render() {
    if (body.value === last) { return; }
    last = body.value;
    var data = new URLSearchParams();
    data.set('body', body.value);
    fetch('/admin/articles/preview-body', {
      method: 'POST',
      headers: { 'X-CSRF-TOKEN': csrf ? csrf.value : '', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: data,
      credentials: 'same-origin'
    }).then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null) { preview.innerHTML = html; } })
      .catch(function () { /* the preview link still works */ });
  }
  body.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(render, 300);
  });
  render();
})();

// The photo picker: search the library, feature a photo, or insert it into the body as ![alt](photo:12).
(function () {
  'use strict';
  var list = document.getElementById('picker-thumbs');
  var search = document.getElementById('photo-search');
  var featured = document.getElementById('featuredMediaId');
  var body = document.getElementById('body');
  if (!list || !search) { return; }

  var insert = function (id, alt) {
    if (!body) { return; }
    var text = '![' + alt.replace(/[\[\]]/g, '') + '](photo:' + id + ')';
    var start = body.selectionStart || 0;
    var before = body.value.substring(0, start);
    var after = body.value.substring(body.selectionEnd || start);
    var lead = before.length === 0 || /\n\n$/.test(before) ? '' : (/\n$/.test(before) ? '\n' : '\n\n');
    body.value = before + lead + text + '\n\n' + after;
    body.dispatchEvent(new Event('input'));
    body.focus();
  };

  list.addEventListener('click', function (e) {
    var button = e.target.closest('button');
    var item = e.target.closest('li[data-id]');
    if (!button || !item) { return; }
    var id = item.getAttribute('data-id');
    if (button.classList.contains('pick') && featured) {
      if (!featured.querySelector('option[value="' + id + '"]')) {
        var option = document.createElement('option');
        option.value = id;
        option.textContent = item.querySelector('span').textContent;
        featured.appendChild(option);
      }
      featured.value = id;
    } else if (button.classList.contains('insert')) {
      insert(id, item.getAttribute('data-alt') || '');
    }
  });

  var show = function (photos) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    photos.forEach(function (p) {
      var item = document.createElement('li');
      item.setAttribute('data-id', p.id);
      item.setAttribute('data-alt', p.alt);
      var img = document.createElement('img');
      img.src = p.thumbnail;
      img.alt = '';
      img.width = p.width;
      img.height = p.height;
      var label = document.createElement('span');
      label.textContent = '#' + p.id + ' ' + (p.caption || '(no caption)');
      var pick = document.createElement('button');
      pick.type = 'button';
      pick.className = 'link pick';
      pick.textContent = 'Feature';
      var put = document.createElement('button');
      put.type = 'button';
      put.className = 'link insert';
      put.textContent = 'Insert in body';
      [img, label, pick, put].forEach(function (n) { item.appendChild(n); item.appendChild(document.createTextNode(' ')); });
      list.appendChild(item);
    });
  };

  var timer = null;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      fetch('/admin/media?q=' + encodeURIComponent(search.value), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (answer) { if (answer) { show(answer.photos); } })
        .catch(function () { /* the list stays as it was */ });
    }, 250);
  });
})();
