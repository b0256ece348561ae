// The photo library: drag and drop and a progress bar per file for uploads (each file is sent on its own, so one
// refused file never stops the others), and the focal point set by clicking the photo. Without this script the upload
// form sends every chosen file at once and the focal point is typed in per cent.
(function () {
  'use strict';

  var form = document.getElementById('upload-form');
  if (form) {
    var input = document.getElementById('photo');
    var zone = document.getElementById('drop-zone');
    var list = document.getElementById('upload-progress');
    var csrf = form.querySelector('input[name="_csrf"]');

    var send = function (file) {
      var item = document.createElement('li');
      var label = document.createElement('span');
      label.textContent = file.name + ' ';
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute('aria-label', 'Uploading ' + file.name);
      var outcome = document.createElement('span');
      outcome.className = 'outcome';
      item.appendChild(label);
      item.appendChild(bar);
      item.appendChild(outcome);
      list.appendChild(item);

      var data = new FormData();
      data.append('photo', file, file.name);
      ['caption', 'photographer', 'agency', 'licence', 'alt'].forEach(function (name) {
        var field = form.querySelector('[name="' + name + '"]');
        data.append(name, field ? field.value : '');
      });
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.setRequestHeader('Accept', 'application/json');
      if (csrf) { request.setRequestHeader('X-CSRF-TOKEN', csrf.value); }
      request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) { bar.value = Math.round(e.loaded * 100 / e.total); }
      });
      request.addEventListener('load', function () {
        var answer = {};
        try { answer = JSON.parse(request.responseText); } catch (ignored) { answer = {}; }
        bar.value = 100;
        if (request.status === 201) {
          item.className = 'uploaded';
          var link = document.createElement('a');
          link.href = answer.href;
          link.textContent = answer.message;
          outcome.appendChild(link);
          settle(true);
        } else {
          item.className = 'refused';
          outcome.textContent = answer.problem || ('The server answered ' + request.status + '; try again.');
          settle(false);
        }
      });
      request.addEventListener('error', function () {
        item.className = 'refused';
        outcome.textContent = file.name + ' did not reach the server; try again.';
        settle(false);
      });
      request.send(data);
    };

    // Once every file has its answer: all stored, the library is shown again with them; any refused, the list stays.
    var pending = 0;
    var stored = 0;
    var refused = 0;
    var settle = function (ok) {
      pending -= 1;
      if (ok) { stored += 1; } else { refused += 1; }
      if (pending === 0 && refused === 0) {
        window.location.assign('/admin/media?added=' + stored);
      }
    };
    var sendAll = function (files) {
      pending += files.length;
      for (var i = 0; i < files.length; i++) { send(files[i]); }
    };

    form.addEventListener('submit', function (e) {
      if (!input.files || input.files.length === 0) { return; }
      e.preventDefault();
      sendAll(input.files);
      input.value = '';
    });
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add('dragging'); });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove('dragging'); });
    });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files) { sendAll(e.dataTransfer.files); }
    });
  }

  var image = document.getElementById('focal-image');
  var mark = document.getElementById('focal-mark');
  var x = document.getElementById('focalX');
  var y = document.getElementById('focalY');
  if (image && mark && x && y) {
    var place = function () {
      var across = parseFloat(x.value);
      var down = parseFloat(y.value);
      if (isNaN(across) || isNaN(down)) { return; }
      mark.style.left = (image.offsetLeft + image.clientWidth * across / 100) + 'px';
      mark.style.top = (image.offsetTop + image.clientHeight * down / 100) + 'px';
      mark.classList.add('placed');
    };
    image.addEventListener('click', function (e) {
      var box = image.getBoundingClientRect();
      x.value = (Math.round((e.clientX - box.left) * 1000 / box.width) / 10).toString();
      y.value = (Math.round((e.clientY - box.top) * 1000 / box.height) / 10).toString();
      place();
    });
    x.addEventListener('input', place);
    y.addEventListener('input', place);
    window.addEventListener('resize', place);
    if (image.complete) { place(); } else { image.addEventListener('load', place); }
  }
})();
