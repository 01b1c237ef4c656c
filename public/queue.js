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
  var CATALOG = "workwell-catalog";

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

  // Purchases claimed without signal wait under "receipts-<user>" in the same store: each
  // { key, fields, lines: [[product id, quantity]], photos: [Blob], id (once stored), sent }.
  function receiptsKey(user) {
    return "receipts-" + user;
  }

  function get(key) {
    if (!global.indexedDB) return Promise.resolve(undefined);
    return inStore("readonly", function (s) {
      return s.get(key);
    });
  }

  // Changes one kept claim (by its key) in one transaction; `change` returns the new claim or
  // null to drop it.
  function updateReceipt(user, key, change) {
    return inStore("readwrite", function (s) {
      var req = s.get(receiptsKey(user));
      req.onsuccess = function () {
        var list = [];
        (req.result || []).forEach(function (c) {
          var out = c.key === key ? change(c) : c;
          if (out) list.push(out);
        });
        if (list.length) s.put(list, receiptsKey(user));
        else s.delete(receiptsKey(user));
      };
    });
  }

  function newKey() {
    if (global.crypto && global.crypto.randomUUID) return global.crypto.randomUUID();
    var out = "";
    for (var i = 0; i < 32; i++) out += Math.floor(Math.random() * 16).toString(16);
    return out;
  }

  // A photo made smaller on the phone before it waits: at most 1 600 pixels on its longest side,
  // as JPEG. One the browser cannot draw (a HEIC it does not convert) is kept as it is, and the
  // server says so when it arrives.
  var PHOTO_PX = 1600;
  function compress(file) {
    if (!global.createImageBitmap || !global.document) return Promise.resolve(file);
    return global
      .createImageBitmap(file)
      .then(function (bitmap) {
        var scale = Math.min(1, PHOTO_PX / Math.max(bitmap.width, bitmap.height));
        var canvas = global.document.createElement("canvas");
        canvas.width = Math.max(1, Math.round(bitmap.width * scale));
        canvas.height = Math.max(1, Math.round(bitmap.height * scale));
        canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        return new Promise(function (resolve) {
          canvas.toBlob(
            function (blob) {
              resolve(blob && blob.size < file.size ? blob : file);
            },
            "image/jpeg",
            0.8,
          );
        });
      })
      .catch(function () {
        return file;
      });
  }

  function receiptBody(claim) {
    var body = new URLSearchParams();
    Object.keys(claim.fields).forEach(function (name) {
      if (claim.fields[name]) body.append(name, claim.fields[name]);
    });
    claim.lines.forEach(function (line) {
      body.append("product[]", String(line[0]));
      body.append("quantity[]", String(line[1]));
    });
    body.append("key", claim.key);
    return body;
  }

  // Sends the person's kept claims, one at a time and oldest first: the claim (with its key, so
  // a claim sent again is the claim stored before), then its photos one by one (the server keeps
  // a photo once per claim). No signal or a server in trouble: it stops, and the rest waits. A
  // claim the server refuses (a receipt claimed before, too old…) leaves the phone with its
  // answer. Resolves with one result per claim that left: { key, status, body, photos: [answer] }.
  function sendReceipts(user) {
    var json = { accept: "application/json" };
    var results = [];
    function transient(res) {
      return res.status >= 500 || res.status === 401 || res.status === 429;
    }
    function photos(claim) {
      if (claim.sent >= claim.photos.length) return Promise.resolve(true);
      var form = new FormData();
      form.append("photo", claim.photos[claim.sent], "photo-" + (claim.sent + 1) + ".jpg");
      return fetch("/claims/" + claim.id + "/photos", {
        method: "POST",
        headers: json,
        body: form,
        credentials: "same-origin",
      }).then(function (res) {
        if (transient(res)) return false;
        return res.text().then(function (text) {
          claim.answers.push({ status: res.status, body: text });
          claim.sent += 1;
          return updateReceipt(user, claim.key, function (c) {
            c.sent = claim.sent;
            return c;
          }).then(function () {
            return photos(claim);
          });
        });
      });
    }
    function one(claim) {
      claim.answers = [];
      var stored = claim.id
        ? Promise.resolve({ ok: true })
        : fetch("/api/receipts/submit", {
            method: "POST",
            headers: json,
            body: receiptBody(claim),
            credentials: "same-origin",
          }).then(function (res) {
            if (transient(res)) return { ok: false, wait: true };
            return res.text().then(function (text) {
              claim.status = res.status;
              claim.body = text;
              if (!res.ok) return { ok: false, wait: false };
              claim.id = JSON.parse(text).id;
              return updateReceipt(user, claim.key, function (c) {
                c.id = claim.id;
                c.status = claim.status;
                c.body = claim.body;
                return c;
              }).then(function () {
                return { ok: true };
              });
            });
          });
      return stored.then(function (s) {
        if (s.wait) return false;
        return (s.ok ? photos(claim) : Promise.resolve(true)).then(function (done) {
          if (!done) return false;
          results.push({ key: claim.key, status: claim.status, body: claim.body, photos: claim.answers });
          return updateReceipt(user, claim.key, function () {
            return null;
          }).then(function () {
            return true;
          });
        });
      });
    }
    return get(receiptsKey(user)).then(function (list) {
      var claims = list || [];
      var i = 0;
      function next() {
        if (i >= claims.length) return results;
        return one(claims[i++]).then(
          function (went) {
            return went ? next() : results;
          },
          function () {
            return results; // no signal: the rest waits
          },
        );
      }
      return next();
    });
  }

  var sendingReceipts = null;
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
    // Keeps a purchase claimed without signal: `claim` is JSON ({ fields, lines }), `files` the
    // photos chosen (a FileList or an array; compressed here first). Resolves with its key.
    keepReceipt: function (user, claim, files) {
      var parsed = JSON.parse(claim);
      var list = files && files.files ? files.files : files;
      return Promise.all(Array.prototype.slice.call(list || [], 0, 4).map(compress)).then(function (photos) {
        return serial(function () {
          return inStore("readwrite", function (s) {
            var req = s.get(receiptsKey(user));
            var key = newKey();
            req.onsuccess = function () {
              var list = req.result || [];
              list.push({ key: key, fields: parsed.fields, lines: parsed.lines, photos: photos, sent: 0, at: Date.now() });
              s.put(list, receiptsKey(user));
            };
            return { result: key };
          });
        });
      });
    },
    // A photo as the phone keeps it (see `compress`).
    compress: compress,
    // The kept purchases as JSON: [{ key, fields, lines, photos (how many), at }].
    receipts: function (user) {
      return serial(function () {
        return get(receiptsKey(user)).then(function (list) {
          return JSON.stringify(
            (list || []).map(function (c) {
              return { key: c.key, fields: c.fields, lines: c.lines, photos: c.photos.length, at: c.at };
            }),
          );
        });
      });
    },
    // Sends the kept purchases (see `sendReceipts`); resolves with the answers as JSON.
    // One send at a time from this page or worker (a second call shares the first's answers);
    // a page and the worker sending at once cost nothing, as the server keeps each claim and
    // photo once.
    sendReceipts: function (user) {
      if (!sendingReceipts) {
        sendingReceipts = sendReceipts(user).then(
          function (results) {
            sendingReceipts = null;
            return JSON.stringify(results);
          },
          function () {
            sendingReceipts = null;
            return "[]";
          },
        );
      }
      return sendingReceipts;
    },
    // The program's products as the phone last fetched them (JSON text), or "". Kept in local
    // storage, not in the queue's store: only pages read it.
    catalog: function () {
      try {
        return Promise.resolve((global.localStorage && global.localStorage.getItem(CATALOG)) || "");
      } catch (_) {
        return Promise.resolve("");
      }
    },
    keepCatalog: function (json) {
      try {
        if (global.localStorage) global.localStorage.setItem(CATALOG, json);
      } catch (_) {}
      return Promise.resolve();
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
