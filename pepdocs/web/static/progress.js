/* The workbench's one script: progressive enhancement of a page that follows work running
   on the server (a pre-fill, returned forms being read). Without it the page has a link to
   update it by hand. With it, the page asks the server for the work's status every two
   seconds (JSON, same origin, the session's cookie), moves the progress bar and its text,
   and loads the page once more when the work is done, to show the outcome. */
(function () {
  "use strict";
  var bar = document.querySelector("progress[data-status]");
  if (!bar) {
    return;
  }
  var text = document.getElementById(bar.getAttribute("data-text"));
  function poll() {
    fetch(bar.getAttribute("data-status"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (answer) {
      return answer.ok ? answer.json() : null;
    }).then(function (status) {
      if (status === null) {
        return;
      }
      if (status.total) {
        bar.max = status.total;
      }
      bar.value = status.done;
      if (text) {
        text.textContent = status.message;
      }
      if (status.state !== "running") {
        window.location.reload();
        return;
      }
      window.setTimeout(poll, 2000);
    }).catch(function () {
      window.setTimeout(poll, 5000);
    });
  }
  window.setTimeout(poll, 2000);
}());
