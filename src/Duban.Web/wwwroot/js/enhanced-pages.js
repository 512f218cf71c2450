// blazor.web.js loads the next page into the current one (enhanced navigation and forms). Two things a full page load
// does that such a load does not are done here, so that pages behave the same with the script as without it:
//  - :target. Blazor moves to a link's #fragment with history.pushState, which scrolls but does not change :target,
//    and the pages highlight the span or task a link points at with CSS :target alone (plan reader, import review).
//    Navigating to the same address again makes it a fragment navigation: the browser sets :target, adds no history
//    entry and loads nothing.
//  - page scripts. A <script> that arrives with enhanced navigation is inserted but never run; pages mark the scripts
//    they need run with data-page-script (the 总览's chart), and they are run again here, in their order.
(function () {
    if (typeof Blazor === 'undefined') return;

    function setTarget() {
        if (location.hash.length > 1) location.replace(location.href);
    }

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
