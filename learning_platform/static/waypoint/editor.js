// The item editor shows only the fields of the chosen question type (the hidden ones are disabled, so neither the
// preview nor the save sends them). The preview beside the form is htmx's: see templates/assessments/item_form.html.
(function () {
  "use strict";
  var form = document.getElementById("item-form");
  var typeSelect = form && form.querySelector("select[name=item_type]");
  if (!typeSelect) { return; }
  var showTypeFields = function () {
    form.querySelectorAll(".type-fields").forEach(function (fieldset) {
      var shown = fieldset.dataset.types.split(" ").indexOf(typeSelect.value) !== -1;
      fieldset.hidden = !shown;
      fieldset.disabled = !shown;
    });
  };
  typeSelect.addEventListener("change", showTypeFields);
  showTypeFields();
}());
