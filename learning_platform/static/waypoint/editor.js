// The item and activity editors: show only the fields of the chosen question type, and keep the preview beside
// the form up to date as the author writes (the server renders it, so it is exactly what students will see).
(function () {
  "use strict";
  var form = document.querySelector("form[data-preview-url]");
  var preview = document.getElementById("preview");
  if (!form || !preview) { return; }
  var typeSelect = form.querySelector("select[name=item_type]");
  var showTypeFields = function () {
    if (!typeSelect) { return; }
    form.querySelectorAll(".type-fields").forEach(function (fieldset) {
      var shown = fieldset.dataset.types.split(" ").indexOf(typeSelect.value) !== -1;
      fieldset.hidden = !shown;
      fieldset.disabled = !shown;
    });
  };
  var pending = null;
  var sent = 0;
  var refresh = function () {
    var number = ++sent;
    fetch(form.dataset.previewUrl, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: {"X-CSRFToken": form.querySelector("input[name=csrfmiddlewaretoken]").value}
    }).then(function (response) {
      return response.ok ? response.text() : Promise.reject(response.status);
    }).then(function (html) {
      if (number === sent) { preview.innerHTML = html; }
    }).catch(function () { /* the next change tries again */ });
  };
  var later = function () {
    clearTimeout(pending);
    pending = setTimeout(refresh, 300);
  };
  form.addEventListener("input", later);
  form.addEventListener("change", function (event) {
    if (event.target === typeSelect) { showTypeFields(); }
    later();
  });
  showTypeFields();
  if (form.dataset.previewUrl && form.querySelector("[name=stem], [name=body]").value) { refresh(); }
}());
