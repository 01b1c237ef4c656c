// Registers the service worker (sw.js), names the build files in use for it to keep, offers
// "Update available — reload" when a new version of the app has been deployed and is waiting,
// and offers installing where the browser would. The bars are added after the app's own nodes,
// so they never disturb hydration. Their words come in the page's language from the script
// tag's data attributes (see `app.rs`). Without JavaScript none of this runs.
(function () {
  var words = (document.currentScript && document.currentScript.dataset) || {};
  if (!("serviceWorker" in navigator)) return;
  var controlled = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener("controllerchange", function () { if (controlled) location.reload(); });
  // A bar over the tab bar: a line of text and its buttons ([label, class, onclick]).
  function bar(className, role, text, buttons) {
    var el = document.createElement("div");
    el.className = className;
    el.setAttribute("role", role);
    var span = document.createElement("span");
    span.textContent = text;
    el.append(span);
    buttons.forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b[0];
      button.className = b[1];
      button.onclick = b[2];
      el.append(button);
    });
    document.body.appendChild(el);
    return el;
  }
  function offer(worker) {
    bar("update-bar", "status", words.update, [[words.reload, "primary", function () { worker.postMessage("skip-waiting"); }]]);
  }
  // Where the browser offers installing (Android Chrome, desktop Chromium), offer it in the app,
  // once, until declined ("Not now" is remembered on this phone).
  var installEvent = null;
  addEventListener("beforeinstallprompt", function (e) {
    e.preventDefault();
    installEvent = e;
    try { if (localStorage.getItem("workwell-install-declined")) return; } catch (_) {}
    if (document.querySelector(".install-bar")) return;
    var el = bar("update-bar install-bar", "dialog", words.offer, [
      [words.later, "secondary", function () {
        try { localStorage.setItem("workwell-install-declined", "1"); } catch (_) {}
        el.remove();
      }],
      [words.install, "primary", function () {
        el.remove();
        if (installEvent) { installEvent.prompt(); installEvent = null; }
      }],
    ]);
    el.setAttribute("aria-label", words.install);
  });
  addEventListener("appinstalled", function () {
    var bar = document.querySelector(".install-bar");
    if (bar) bar.remove();
  });
  // On a participant's screens (those with the tab bar) the worker also keeps the Scan page and
  // the app's files its island runs on, so Scan works without signal even when it was never
  // opened with signal (the offline page leads there).
  function keep() {
    navigator.serviceWorker.ready.then(function (ready) {
      var urls = performance.getEntriesByType("resource").map(function (e) { return e.name; })
        .filter(function (u) { return u.indexOf("/pkg/") >= 0; });
      var participant = !!document.querySelector(".tabbar");
      if (participant && window.workwellApp) urls = urls.concat(window.workwellApp.map(function (u) {
        return new URL(u, location.href).href;
      }));
      if (ready.active) ready.active.postMessage({ type: "keep", urls: urls, scan: participant });
    });
  }
  // The app's own files arrive after the page has loaded: name them again once it is running.
  new MutationObserver(function (_, observer) {
    if (!document.body.hasAttribute("data-hydrated")) return;
    observer.disconnect();
    keep();
  }).observe(document.body, { attributes: true });
  addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js").then(function (reg) {
      keep();
      if (reg.waiting && controlled) offer(reg.waiting);
      reg.addEventListener("updatefound", function () {
        var worker = reg.installing;
        if (worker) worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && controlled) offer(worker);
        });
      });
    });
  });
})();
