using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Masq.Daemon.Ui;

/// <summary>
/// Keeps web pages away from the UI hub: a browser always sends <c>Origin</c> on a cross-origin or WebSocket
/// request, while <c>masq</c>, the dashboard's server and the Daemon's probe never do, so any request with an
/// Origin is refused. The Host must name the loopback interface, which defeats DNS rebinding.
/// </summary>
internal sealed class LoopbackOnlyMiddleware(RequestDelegate next, ILogger<LoopbackOnlyMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null && !IPAddress.IsLoopback(remote))
        {
            return Refuse(context, "not from the loopback interface");
        }
        if (context.Request.Headers.Origin.Count > 0)
        {
            return Refuse(context, $"from a web page ({context.Request.Headers.Origin})");
        }
        var host = context.Request.Host.Host;
        if (!(host is "127.0.0.1" or "localhost" or "[::1]" or "::1"))
        {
            return Refuse(context, $"for host '{host}'");
        }
        return next(context);
    }

    private Task Refuse(HttpContext context, string why)
    {
        logger.LogWarning("Refused a UI request {Why}", why);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
