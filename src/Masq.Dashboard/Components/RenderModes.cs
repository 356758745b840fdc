using Microsoft.AspNetCore.Components.Web;

namespace Masq.Dashboard.Components;

public static class RenderModes
{
    /// <summary>Interactive server rendering without prerendering: every page is live from its first paint and never
    /// renders twice (the Aspire dashboard's choice).</summary>
    public static readonly InteractiveServerRenderMode InteractiveServerNoPrerender = new(prerender: false);
}
