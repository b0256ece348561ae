// Reorders a gallery's photos by drag and drop. Each drop saves the new order through the page's reorder form
// (a plain POST with the CSRF token); without this script the Earlier and Later buttons do the same.
(function () {
  'use strict';
  var list = document.querySelector('.gallery-photos');
  var form = document.querySelector('.reorder-form');
  if (!list || !form) {
    return;
  }
  var dragged = null;

  function save() {
    var ids = Array.prototype.map.call(list.querySelectorAll('li[data-photo]'), function (li) {
      return li.getAttribute('data-photo');
    });
    form.querySelector('input[name="order"]').value = ids.join(',');
    form.submit();
  }

  list.addEventListener('dragstart', function (event) {
    dragged = event.target.closest('li[data-photo]');
    if (!dragged) {
      return;
    }
    dragged.classList.add('dragging');
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', dragged.getAttribute('data-photo'));
  });
  list.addEventListener('dragover', function (event) {
    var over = event.target.closest('li[data-photo]');
    if (!dragged || !over || over === dragged) {
      return;
    }
    event.preventDefault();
    var box = over.getBoundingClientRect();
    var after = event.clientY > box.top + box.height / 2;
    list.insertBefore(dragged, after ? over.nextSibling : over);
  });
  list.addEventListener('drop', function (event) {
    if (!dragged) {
      return;
    }
    event.preventDefault();
    dragged.classList.remove('dragging');
    dragged = null;
    save();
  });
  list.addEventListener('dragend', function () {
    if (dragged) {
      dragged.classList.remove('dragging');
      dragged = null;
    }
  });
}());
