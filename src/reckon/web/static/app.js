// reckon web UI: keyboard shortcuts and the re-run's progress. Every page works without it.
"use strict";

// A key pressed outside a text field clicks the button that names it (data-key="s", ...).
document.addEventListener("keydown", function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  var target = event.target;
  if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")) return;
  var button = document.querySelector('button[data-key="' + event.key.toLowerCase() + '"]');
  if (button && !button.disabled) {
    event.preventDefault();
    button.click();
  }
});

// While a re-run is running, reload its progress every two seconds.
function pollJob() {
  var box = document.getElementById("job-progress");
  if (!box || box.dataset.poll !== "yes") return;
  window.setTimeout(function () {
    fetch("/jobs/current.json", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (!data.job) return;
        if (data.job.status !== "running") { window.location.reload(); return; }
        var items = box.querySelectorAll(".steps li");
        data.job.steps.forEach(function (step, index) {
          if (!items[index]) return;
          items[index].className = step.status;
          items[index].textContent = step.name + ": " + step.status + (step.seconds !== null ? " (" + step.seconds + " s)" : "") + (step.detail ? " — " + step.detail : "");
        });
        pollJob();
      })
      .catch(function () { pollJob(); });
  }, 2000);
}
document.addEventListener("DOMContentLoaded", pollJob);
