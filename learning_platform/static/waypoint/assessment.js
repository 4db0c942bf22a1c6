// The assessment page: answers save as they are typed (and wait in localStorage when the connection drops), and
// the timer counts down and hands the work in at the end. (After a submit, htmx shows the rebuilt path: see
// templates/assessments/take.html.)
(function () {
  "use strict";
  var form = document.getElementById("attempt");
  if (form) {
    var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    var saveUrl = form.dataset.saveUrl;
    var storeKey = "waypoint-attempt-" + form.dataset.attempt;
    var note = document.getElementById("saved");
    var pending = JSON.parse(localStorage.getItem(storeKey) || "{}");
    var timers = {};

    var valueOf = function (question) {
      var inputs = question.querySelectorAll("input, textarea");
      if (question.dataset.type === "multiple_select") {
        return Array.prototype.filter.call(inputs, function (input) { return input.checked; })
          .map(function (input) { return input.value; });
      }
      if (inputs[0] && (inputs[0].type === "radio")) {
        var checked = question.querySelector("input:checked");
        return checked ? checked.value : null;
      }
      return inputs[0] ? inputs[0].value : null;
    };
    var retries = {};
    var save = function (itemId, answer) {
      pending[itemId] = answer;
      localStorage.setItem(storeKey, JSON.stringify(pending));
      return fetch(saveUrl.replace(/\/0\/$/, "/" + itemId + "/"), {
        method: "PUT", credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRFToken": token},
        body: JSON.stringify({answer: answer})
      }).then(function (response) {
        if (response.ok) {
          delete pending[itemId];
          delete retries[itemId];
          localStorage.setItem(storeKey, JSON.stringify(pending));
          note.textContent = "Saved.";
        } else if (response.status === 503 && (retries[itemId] || 0) < 5) {
          // The server lost its database connection for a moment: the answer is kept here and sent again.
          retries[itemId] = (retries[itemId] || 0) + 1;
          var wait = 1000 * (Number(response.headers.get("Retry-After")) || 1) * retries[itemId];
          note.textContent = "Saving again in a moment: your answers are kept on this device.";
          setTimeout(function () { if (itemId in pending) { save(itemId, pending[itemId]); } }, wait);
        } else {
          return response.json().then(function (body) {
            note.textContent = "Not saved: " + (body.detail || JSON.stringify(body.errors || body));
          });
        }
      }).catch(function () {
        note.textContent = "No connection: your answers are kept on this device and saved when it is back.";
      });
    };
    form.querySelectorAll(".question").forEach(function (question) {
      var itemId = question.dataset.item;
      var onChange = function () {
        clearTimeout(timers[itemId]);
        timers[itemId] = setTimeout(function () { save(itemId, valueOf(question)); }, 400);
      };
      question.addEventListener("input", onChange);
      question.addEventListener("change", onChange);
    });
    // Answers typed while offline, from an earlier visit: put them back and send them.
    Object.keys(pending).forEach(function (itemId) {
      var question = form.querySelector('.question[data-item="' + itemId + '"]');
      var answer = pending[itemId];
      if (!question) { return; }
      question.querySelectorAll("input, textarea").forEach(function (input) {
        if (input.type === "radio" || input.type === "checkbox") {
          input.checked = Array.isArray(answer) ? answer.indexOf(input.value) >= 0 : input.value === answer;
        } else { input.value = answer; }
      });
      save(itemId, answer);
    });
    window.addEventListener("online", function () {
      Object.keys(pending).forEach(function (itemId) { save(itemId, pending[itemId]); });
    });
    form.addEventListener("submit", function () {
      document.getElementById("submit").disabled = true;
      localStorage.removeItem(storeKey);
    });
    var timer = document.getElementById("timer");
    if (timer) {
      var deadline = new Date(timer.dataset.deadline).getTime();
      var left = document.getElementById("time-left");
      var tick = function () {
        var seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        left.textContent = Math.floor(seconds / 60) + " min " + ("0" + (seconds % 60)).slice(-2) + " s";
        if (seconds === 0) { form.requestSubmit(); } else { setTimeout(tick, 1000); }
      };
      tick();
    }
  }
}());
