// Scans waiting for signal, kept on the phone in IndexedDB (database "workwell", store "queue",
// one list of codes per signed-in person's id), so that they survive closing the app and the
// service worker can send them (Background Sync) while no page is open. Loaded by the pages
// (before the app starts) and by the service worker (importScripts). Where IndexedDB is missing,
// local storage keeps them instead (pages only).
(function (global) {
  "use strict";
  var DB = "workwell";
  var STORE = "queue";
  var LEGACY = "workwell-queue-"; // the local-storage key of earlier versions, moved over on load

  function openDb() {
    return new Promise(function (resolve, reject) {
      var req = global.indexedDB.open(DB, 1);
      req.onupgradeneeded = function () {
        req.result.createObjectStore(STORE);
      };
      req.onsuccess = function () {
        resolve(req.result);
      };
      req.onerror = function () {
        reject(req.error);
      };
    });
  }

  // Runs `work(store)` in one transaction; resolves with what `work` returned once it committed.
  function inStore(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var out = work(tx.objectStore(STORE));
        tx.oncomplete = function () {
          db.close();
          resolve(out && "result" in out ? out.result : out);
        };
        tx.onerror = tx.onabort = function () {
          db.close();
          reject(tx.error);
        };
      });
    });
  }

  function legacy(user) {
    try {
      var v = global.localStorage && global.localStorage.getItem(LEGACY + user);
      return v ? v.split("\n").filter(Boolean) : [];
    } catch (_) {
      return [];
    }
  }

  function merge(a, b) {
    var out = a.slice();
    b.forEach(function (c) {
      if (out.indexOf(c) < 0) out.push(c);
    });
    return out;
  }

  function put(store, user, codes) {
    return codes.length ? store.put(codes, user) : store.delete(user);
  }

  // One operation at a time, in the order asked: a write never overtakes the load before it.
  var chain = Promise.resolve();
  function serial(op) {
    var run = chain.then(op, op);
    chain = run.catch(function () {});
    return run;
  }

  var ops = {
    load: function (user) {
      if (!global.indexedDB) return Promise.resolve(legacy(user));
      var old = legacy(user);
      if (!old.length) {
        return inStore("readonly", function (s) {
          return s.get(user);
        }).then(function (codes) {
          return codes || [];
        });
      }
      var merged = [];
      return inStore("readwrite", function (s) {
        var req = s.get(user);
        req.onsuccess = function () {
          merged = merge(req.result || [], old);
          put(s, user, merged);
        };
      }).then(function () {
        try {
          global.localStorage.removeItem(LEGACY + user);
        } catch (_) {}
        return merged;
      });
    },
    // Adds codes to the person's queue (each once), keeping what is there.
    add: function (user, codes) {
      if (!global.indexedDB) {
        try {
          global.localStorage.setItem(LEGACY + user, merge(legacy(user), codes).join("\n"));
        } catch (_) {}
        return Promise.resolve();
      }
      return inStore("readwrite", function (s) {
        var req = s.get(user);
        req.onsuccess = function () {
          put(s, user, merge(req.result || [], codes));
        };
      });
    },
    // Drops `sent` from the person's queue, keeping anything scanned meanwhile.
    remove: function (user, sent) {
      if (!global.indexedDB) {
        try {
          var left = legacy(user).filter(function (c) {
            return sent.indexOf(c) < 0;
          });
          if (left.length) global.localStorage.setItem(LEGACY + user, left.join("\n"));
          else global.localStorage.removeItem(LEGACY + user);
        } catch (_) {}
        return Promise.resolve();
      }
      return inStore("readwrite", function (s) {
        var req = s.get(user);
        req.onsuccess = function () {
          put(
            s,
            user,
            (req.result || []).filter(function (c) {
              return sent.indexOf(c) < 0;
            }),
          );
        };
      });
    },
  };

  var queue = {
    load: function (user) {
      return serial(function () {
        return ops.load(user);
      });
    },
    add: function (user, codes) {
      return serial(function () {
        return ops.add(user, codes);
      });
    },
    remove: function (user, sent) {
      return serial(function () {
        return ops.remove(user, sent);
      });
    },
    // Asks the browser to wake the service worker when there is signal (where Background Sync exists).
    requestSync: function () {
      var sw = global.navigator && global.navigator.serviceWorker;
      if (!sw) return Promise.resolve(false);
      return sw.ready
        .then(function (reg) {
          return reg.sync ? reg.sync.register("workwell-queue").then(function () {
            return true;
          }) : false;
        })
        .catch(function () {
          return false;
        });
    },
  };
  global.workwellQueue = queue;
})(self);
