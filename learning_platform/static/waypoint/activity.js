// The activity page: while it is open and in view, report every 30 seconds that the learner is still on it, so
// the minutes spent are recorded (the server counts at most 45 seconds between two reports); a last report goes
// out when the page is hidden or closed.
(function () {
  "use strict";
  var page = document.getElementById("activity");
  var tokenInput = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (!page || !tokenInput) { return; }
  var url = page.dataset.timeUrl;
  var token = tokenInput.value;
  var report = function (beacon) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", token);
    if (beacon && navigator.sendBeacon) {
      navigator.sendBeacon(url, body);
      return;
    }
    fetch(url, {method: "POST", body: body, credentials: "same-origin", headers: {"X-CSRFToken": token}})
      .catch(function () { /* offline for a moment: the next report counts the time */ });
  };
  setInterval(function () { if (document.visibilityState === "visible") { report(false); } }, 30000);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { report(true); }
  });
  var current = document.querySelector(".practice-form");
  if (current && window.location.hash && window.location.hash.indexOf("#q-") === 0) {
    var field = current.querySelector("input:not([type=hidden]), textarea");
    if (field) { field.focus({preventScroll: true}); }
  }
}());
