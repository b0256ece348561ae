// The live desk's composer: Ctrl+Enter (or Cmd+Enter) posts the update from the text box.
(function () {
  var form = document.getElementById('live-composer');
  if (!form) { return; }
  form.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.submit();
    }
  });
  form.addEventListener('submit', function () {
    var button = form.querySelector('button[type=submit]');
    if (button) { button.disabled = true; button.textContent = 'Posting…'; }
  });
})();
