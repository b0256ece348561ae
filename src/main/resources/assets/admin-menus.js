// The Menus screen without a round trip: up, down and remove act on the rows at once (Save stores them), and the
// address field shows only when "Another address" is chosen. Without this script every button saves on the server.
(function () {
  'use strict';
  document.querySelectorAll('form.menu-editor').forEach(function (form) {
    var list = form.querySelector('.menu-items');
    var unsaved = form.querySelector('.menu-unsaved');
    form.addEventListener('click', function (event) {
      var button = event.target.closest('button[name=action]');
      var move = button && /^(up|down|remove)-/.exec(button.value);
      if (!move) {
        return;
      }
      event.preventDefault();
      var row = button.closest('li');
      if (move[1] === 'up' && row.previousElementSibling) {
        list.insertBefore(row, row.previousElementSibling);
      } else if (move[1] === 'down' && row.nextElementSibling) {
        list.insertBefore(row.nextElementSibling, row);
      } else if (move[1] === 'remove') {
        row.remove();
      }
      if (move[1] !== 'remove') {
        button.focus();
      }
      if (unsaved) {
        unsaved.hidden = false;
      }
    });
    form.querySelectorAll('input[name=label]').forEach(function (input) {
      input.addEventListener('input', function () {
        if (unsaved) {
          unsaved.hidden = false;
        }
      });
    });
    var target = form.querySelector('select[name=add-target]');
    var address = form.querySelector('.menu-add-url');
    if (target && address) {
      var sync = function () {
        address.hidden = target.value !== 'url';
      };
      target.addEventListener('change', sync);
      sync();
    }
  });
}());
