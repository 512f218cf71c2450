// blazor.web.js loads the next page into the current one (enhanced navigation and forms). The things a full page load
// does that such a load does not are done here (three, below), so that pages behave the same with the script as without it:
//  - :target. Blazor moves to a link's #fragment with history.pushState, which scrolls but does not change :target,
//    and the pages highlight the span or task a link points at with CSS :target alone (plan reader, import review).
//    Navigating to the same address again makes it a fragment navigation: the browser sets :target, adds no history
//    entry and loads nothing.
//  - links into the API (evidence files, .xlsx exports, JSON). Enhanced navigation would fetch them as a page, then
//    fall back to loading them with the address bar left on the file; marked data-enhance-nav="false" just before
//    Blazor sees the click, the browser opens or downloads them itself, as without script.
//  - page scripts. A <script> that arrives with enhanced navigation is inserted but never run; pages mark the scripts
//    they need run with data-page-script (the 总览's chart), and they are run again here, in their order.
//    'enhancedload' fires when the page arrives and again for each streamed part (Components/Streaming): a streamed
//    page keeps its page scripts inside its one streamed section, so that they are present, and run, once.
(function () {
    if (typeof Blazor === 'undefined') return;

    function setTarget() {
        if (location.hash.length > 1) location.replace(location.href);
    }

    var api = new URL('api/', document.baseURI).pathname;
    window.addEventListener('click', function (event) {
        if (!(event.target instanceof Element)) return;
        var link = event.target.closest('a[href]');
        if (link && !link.closest('[data-enhance-nav]') && new URL(link.href, document.baseURI).pathname.startsWith(api))
            link.setAttribute('data-enhance-nav', 'false');
    }, true);

    // After Blazor's own click handler (on document): it has called preventDefault and pushState when it took the link.
    window.addEventListener('click', function (event) {
        if (!event.defaultPrevented || !(event.target instanceof Element)) return;
        var link = event.target.closest('a[href*="#"]');
        if (link && link.href === location.href) setTarget();
    });

    Blazor.addEventListener('enhancedload', function () {
        setTarget();
        document.querySelectorAll('script[data-page-script]').forEach(function (inert) {
            var script = document.createElement('script');
            script.src = inert.src;
            script.async = false;
            script.addEventListener('load', function () { script.remove(); });
            document.body.appendChild(script);
        });
    });
})();
