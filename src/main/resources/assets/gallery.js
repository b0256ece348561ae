// The gallery lightbox. Without it every grid photo is a link to its own page; with it, the same link opens the
// photo over the grid, as WebP where the browser takes it (a <picture> like the grid's). Keyboard: ← and → step through the photos, Esc closes, Tab stays inside the lightbox.
(function () {
  'use strict';
  if (window.dispatchGallery) {
    return;
  }
  window.dispatchGallery = true;

  function open(grid, index, opener) {
    var links = Array.prototype.slice.call(grid.querySelectorAll('a[data-full]'));
    var dialog = document.createElement('dialog');
    dialog.className = 'lightbox';
    dialog.setAttribute('aria-label', 'Photo viewer');
    dialog.innerHTML = '<figure><picture><source type="image/webp"><img alt=""></picture><figcaption aria-live="polite"></figcaption></figure>'
      + '<p class="lightbox-count"></p>'
      + '<div class="lightbox-controls">'
      + '<button type="button" class="lightbox-previous">Previous <span class="visually-hidden">photo</span></button>'
      + '<button type="button" class="lightbox-next">Next <span class="visually-hidden">photo</span></button>'
      + '<button type="button" class="lightbox-close">Close</button></div>';
    var img = dialog.querySelector('img');
    var webp = dialog.querySelector('source');
    var caption = dialog.querySelector('figcaption');
    var count = dialog.querySelector('.lightbox-count');

    function show(i) {
      index = (i + links.length) % links.length;
      var link = links[index];
      var thumb = link.querySelector('img');
      // The source first: the browser chooses again when either changes, and must see the new WebP with the new JPEG.
      if (link.getAttribute('data-full-webp')) {
        webp.setAttribute('srcset', link.getAttribute('data-full-webp'));
      } else {
        webp.removeAttribute('srcset');
      }
      img.src = link.getAttribute('data-full');
      img.width = parseInt(link.getAttribute('data-width'), 10);
      img.height = parseInt(link.getAttribute('data-height'), 10);
      img.alt = thumb ? thumb.alt : '';
      var source = link.parentNode.querySelector('figcaption');
      caption.textContent = '';
      if (source) {
        Array.prototype.forEach.call(source.children, function (part) {
          var span = document.createElement('span');
          span.className = part.className;
          span.textContent = part.textContent;
          caption.appendChild(span);
        });
      }
      count.textContent = 'Photo ' + (index + 1) + ' of ' + links.length;
    }

    function close() {
      dialog.close();
    }

    dialog.addEventListener('close', function () {
      dialog.remove();
      if (opener) {
        opener.focus();
      }
    });
    dialog.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowRight') {
        event.preventDefault();
        show(index + 1);
      } else if (event.key === 'ArrowLeft') {
        event.preventDefault();
        show(index - 1);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        close();
      } else if (event.key === 'Tab') {
        var buttons = dialog.querySelectorAll('button');
        var first = buttons[0];
        var last = buttons[buttons.length - 1];
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }
    });
    dialog.querySelector('.lightbox-previous').addEventListener('click', function () { show(index - 1); });
    dialog.querySelector('.lightbox-next').addEventListener('click', function () { show(index + 1); });
    dialog.querySelector('.lightbox-close').addEventListener('click', close);
    document.body.appendChild(dialog);
    show(index);
    dialog.showModal();
    dialog.querySelector('.lightbox-close').focus();
  }

  function enhance() {
    Array.prototype.forEach.call(document.querySelectorAll('.gallery-grid'), function (grid) {
      var links = grid.querySelectorAll('a[data-full]');
      Array.prototype.forEach.call(links, function (link, i) {
        link.addEventListener('click', function (event) {
          if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
            return;
          }
          event.preventDefault();
          open(grid, i, link);
        });
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', enhance);
  } else {
    enhance();
  }
}());
