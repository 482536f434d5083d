// Runs on the neutral page that "Exit this page" opens. The app wipes its own storage before it
// leaves, but this page clears everything again so that nothing is left even if the exit link
// was pressed before the app had finished loading. It never sends anything anywhere.
(function () {
  "use strict";
  function quietly(fn) { try { fn(); } catch (e) { /* storage may be switched off */ } }
  quietly(function () { window.sessionStorage.clear(); });
  quietly(function () { window.localStorage.clear(); });
  quietly(function () {
    if (window.indexedDB && typeof window.indexedDB.databases === "function") {
      window.indexedDB.databases().then(function (list) {
        list.forEach(function (db) { if (db.name) { window.indexedDB.deleteDatabase(db.name); } });
      }).catch(function () {});
    }
  });
})();
