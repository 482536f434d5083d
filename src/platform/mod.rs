//! Thin browser glue: storage, clipboard, print, download, speech, service worker.
