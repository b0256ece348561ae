// Fills the comment form from the "remember me" cookie, in the visitor's own browser, so the cached page stays
// the same for everyone. The cookie exists only if the visitor ticked the box.
(function () {
  var match = document.cookie.match(/(?:^|;\s*)dispatch_commenter=([^;]*)/);
  if (!match || !match[1]) { return; }
  var parts = match[1].split('|').map(function (p) {
    try { return decodeURIComponent(p.replace(/\+/g, ' ')); } catch (e) { return ''; }
  });
  var fields = [['author', 0], ['email', 1], ['url', 2]];
  fields.forEach(function (f) {
    var input = document.getElementById(f[0]);
    if (input && !input.value && parts[f[1]]) { input.value = parts[f[1]]; }
  });
  var remember = document.getElementById('remember');
  if (remember) { remember.checked = true; }
})();
