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
