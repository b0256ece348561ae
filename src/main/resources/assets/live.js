// A live page's stream: new updates wait behind a "N new updates" bar (the page never jumps while someone reads);
// edits, pins and deletions apply in place. The browser's EventSource reconnects by itself and sends the last
// event id it saw, so the server resumes after it. Without JavaScript the page is complete, with a Refresh link.
(function () {
  var section = document.querySelector('.live-timeline[data-stream]');
  if (!section || !window.EventSource) { return; }
  var list = section.querySelector('.live-entries');
  var keySlot = section.querySelector('.live-key-events-slot');
  var waiting = [];
  var bar = document.createElement('button');
  bar.type = 'button';
  bar.className = 'live-new-updates';
  bar.hidden = true;
  list.parentNode.insertBefore(bar, list);

  function fragment(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    return template.content.firstElementChild;
  }
  function showBar() {
    bar.hidden = waiting.length === 0;
    bar.textContent = waiting.length === 1 ? '1 new update' : waiting.length + ' new updates';
  }
  function keyEvents(html) {
    if (keySlot && typeof html === 'string') { keySlot.innerHTML = html; }
  }
  bar.addEventListener('click', function () {
    waiting.sort(function (a, b) { return a.postedAt - b.postedAt; });
    waiting.forEach(function (update) { list.insertBefore(fragment(update.html), list.firstElementChild); });
    waiting = [];
    var empty = section.querySelector('.live-empty');
    if (empty) { empty.remove(); }
    showBar();
    list.firstElementChild && list.firstElementChild.focus && list.firstElementChild.setAttribute('tabindex', '-1');
    list.firstElementChild && list.firstElementChild.focus();
  });

  var source = new EventSource(section.getAttribute('data-stream') + '?after=' + encodeURIComponent(section.getAttribute('data-after') || ''));
  source.addEventListener('entry', function (event) {
    var update = JSON.parse(event.data);
    keyEvents(update.keyEvents);
    var shown = document.getElementById('entry-' + update.id);
    if (shown) {
      shown.replaceWith(fragment(update.html));
      return;
    }
    waiting = waiting.filter(function (w) { return w.id !== update.id; });
    waiting.push(update);
    showBar();
  });
  source.addEventListener('removed', function (event) {
    var update = JSON.parse(event.data);
    keyEvents(update.keyEvents);
    var shown = document.getElementById('entry-' + update.id);
    if (shown) { shown.remove(); }
    waiting = waiting.filter(function (w) { return w.id !== update.id; });
    showBar();
  });
  source.addEventListener('ended', function () {
    source.close();
    var status = section.querySelector('.live-status');
    if (status) { status.textContent = 'Live coverage has ended. '; }
    var badge = section.querySelector('.live-badge');
    if (badge) { badge.remove(); }
    if (waiting.length) { bar.click(); }
  });
})();
