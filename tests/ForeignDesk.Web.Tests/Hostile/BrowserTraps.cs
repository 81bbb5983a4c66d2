namespace ForeignDesk.Web.Tests.Hostile;

/// <summary>
/// A script a page runs before any of its own: every way out of the page (dialogs, requests, sockets, beacons, new
/// windows) is replaced by a recorder, and DOM changes after load are recorded too; <see cref="Read"/> returns them.
/// </summary>
internal static class BrowserTraps
{
    public const string Install = """
        (() => {
          const fired = [];
          const note = what => function (...args) { fired.push(what + '(' + args.map(a => String(a)).join(', ').slice(0, 160) + ')'); };
          Object.defineProperty(window, '__fdTraps', { value: () => fired.slice(), configurable: false, writable: false });
          window.alert = note('alert');
          window.confirm = note('confirm');
          window.prompt = note('prompt');
          window.print = note('print');
          window.open = function (...args) { note('window.open')(...args); return null; };
          window.fetch = function (...args) { note('fetch')(...args); return new Promise(() => {}); };
          XMLHttpRequest.prototype.open = note('XMLHttpRequest.open');
          window.WebSocket = function (...args) { note('WebSocket')(...args); };
          window.EventSource = function (...args) { note('EventSource')(...args); };
          navigator.sendBeacon = function (...args) { note('sendBeacon')(...args); return true; };
          window.addEventListener('load', () => {
            new MutationObserver(records => {
              for (const r of records) fired.push('mutation ' + r.type + ' on <' + (r.target.nodeName || '?').toLowerCase() + '>' + (r.attributeName ? ' ' + r.attributeName : ''));
            }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
          });
        })();
        """;

    public const string Read = "() => window.__fdTraps ? window.__fdTraps() : ['traps missing']";
}
