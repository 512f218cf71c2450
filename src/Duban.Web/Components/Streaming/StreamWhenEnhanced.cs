using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Duban.Web.Components.Streaming;

/// <summary>
/// The part of a page that loads the most data: <see cref="Load"/> fills the page's fields, then
/// <see cref="ChildContent"/> is drawn from them. For an enhanced navigation the page is streamed: the shell and
/// 加载中… first, the content when loaded. For every other request (a page load, a script-less browser, a POST) the
/// page waits and answers in one piece, since only blazor.web.js puts streamed content in place.
/// </summary>
/// <remarks>
/// <para>Whatever decides the status code (400, 403, 404) goes in <see cref="Prepare"/>, never in Load: once streaming
/// has begun the status has been sent. Prepare is awaited before anything is sent, and a page whose status is no longer
/// 200 afterwards is not streamed (<see cref="EnhancedNavigation.MayStream"/>). <see cref="Heading"/>, drawn after
/// Prepare and before the loaded part, is what may show beside 加载中… (a title naming what Prepare found).</para>
/// <para>The page's own asynchronous initialisation would not do for Prepare: a component is first drawn before its
/// OnInitializedAsync completes, and the choice to stream would be made on that first drawing, status unknown.</para>
/// <para>Stream rendering is a property of a component type ([StreamRendering]), not of a request, hence the two types
/// below chosen per request; their descendants (the child content) take the choice from them.</para>
/// </remarks>
public sealed class StreamWhenEnhanced : ComponentBase
{
    /// <summary>Null until Prepare has run; then the choice, made once.</summary>
    private Type? loader;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    /// <summary>Checks what sets the status (the query, whether the record is the reader's to see), when the page has any.</summary>
    [Parameter] public Func<Task>? Prepare { get; set; }

    /// <summary>Drawn after Prepare, before the loaded part: seen while it loads.</summary>
    [Parameter] public RenderFragment? Heading { get; set; }

    /// <summary>Loads what the child content shows (the page's own method, so the page keeps its fields).</summary>
    [Parameter, EditorRequired] public Func<Task> Load { get; set; } = default!;

    [Parameter, EditorRequired] public RenderFragment ChildContent { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // Not a streaming component: the response waits for this before its first byte.
        if (Prepare is not null) await Prepare();
        loader = EnhancedNavigation.MayStream(HttpContext) ? typeof(StreamedLoad) : typeof(WholeLoad);
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (loader is null) return;
        builder.AddContent(0, Heading);
        builder.OpenComponent(1, loader);
        builder.AddComponentParameter(2, nameof(LoadThenShow.Load), Load);
        builder.AddComponentParameter(3, nameof(LoadThenShow.ChildContent), ChildContent);
        builder.CloseComponent();
    }
}

/// <summary>Runs the load, showing 加载中… until it is done (seen only when streamed).</summary>
public abstract class LoadThenShow : ComponentBase
{
    private bool loaded;

    [Parameter, EditorRequired] public Func<Task> Load { get; set; } = default!;

    [Parameter, EditorRequired] public RenderFragment ChildContent { get; set; } = default!;

    /// <summary>Whether this response streams: then the shell goes out before the first query.</summary>
    protected abstract bool Streamed { get; }

    protected override async Task OnInitializedAsync()
    {
        // Queries that complete synchronously (SQLite's do) would otherwise finish before the first flush, and the
        // browser would wait for the whole page as without streaming; yielding lets the shell and 加载中… go first.
        if (Streamed) await Task.Yield();
        await Load();
        loaded = true;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (loaded)
        {
            builder.AddContent(0, ChildContent);
            return;
        }
        builder.OpenElement(1, "div");
        builder.AddAttribute(2, "class", "page-loading");
        builder.AddAttribute(3, "role", "status");
        builder.AddAttribute(4, "data-page-loading", "");
        builder.OpenElement(5, "span");
        builder.AddAttribute(6, "class", "spinner-border spinner-border-sm");
        builder.AddAttribute(7, "aria-hidden", "true");
        builder.CloseElement();
        builder.AddContent(8, "加载中…");
        builder.CloseElement();
    }
}

/// <summary>Streamed: the first flush carries the placeholder, a &lt;blazor-ssr&gt; block the content.</summary>
[StreamRendering(true)]
internal sealed class StreamedLoad : LoadThenShow
{
    protected override bool Streamed => true;
}

/// <summary>Not streamed: the response waits for the load (explicitly, whatever a component above chose).</summary>
[StreamRendering(false)]
internal sealed class WholeLoad : LoadThenShow
{
    protected override bool Streamed => false;
}
