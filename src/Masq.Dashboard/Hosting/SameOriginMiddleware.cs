using Microsoft.AspNetCore.Http;

namespace Masq.Dashboard.Hosting;

/// <summary>
/// Refuses every request a foreign web page makes: a browser sends <c>Origin</c> on each WebSocket request (the
/// Blazor circuit on <c>/_blazor</c>) and on cross-origin or state-changing requests, so an Origin that is not this
/// dashboard's own scheme://host:port is refused with 403 before routing (like the UI hubs, which refuse any Origin).
/// Requests without Origin (address bar navigation, <c>curl</c>) are left to the Host check (AllowedHosts).
/// </summary>
internal sealed class SameOriginMiddleware(RequestDelegate next, ILogger<SameOriginMiddleware> logger)
{
    private long _refused;

    public Task InvokeAsync(HttpContext context)
    {
        var origins = context.Request.Headers.Origin;
        if (origins.Count == 0)
        {
            return next(context);
        }
        var own = $"{context.Request.Scheme}://{context.Request.Host.Value}";
        if (origins.Count == 1 && string.Equals(origins[0], own, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }
        // The first refusal, then one line per 100, so a page hammering the dashboard cannot flood its log.
        var count = Interlocked.Increment(ref _refused);
        if (count == 1 || count % 100 == 0)
        {
            logger.LogWarning("Refused a request to {Path} from a foreign web page ({Origin}); {Count} refused so far", context.Request.Path.Value, origins.ToString(), count);
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
