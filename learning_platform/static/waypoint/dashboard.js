// While a snapshot is being taken, poll its progress and reload the dashboard when it has finished.
(function () {
  var box = document.getElementById("snapshot-status");
  if (!box || box.dataset.running !== "true" || !box.dataset.statusUrl) return;
  var bar = document.getElementById("snapshot-progress");
  var text = document.getElementById("snapshot-progress-text");
  function poll() {
    fetch(box.dataset.statusUrl, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (!status) return setTimeout(poll, 5000);
        if (!status.running) { window.location.reload(); return; }
        if (bar) { bar.max = status.batches || 1; bar.value = status.done; }
        if (text) text.textContent = status.done + " of " + status.batches + " batches done";
        setTimeout(poll, 2000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 2000);
})();
