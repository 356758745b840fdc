using System.Net;
using Microsoft.AspNetCore.Http;
using Masq.Lib.Ui;
using Microsoft.Extensions.Logging;

namespace Masq.Daemon.Ui;

/// <summary>
/// Keeps web pages away from the UI hub: a browser always sends <c>Origin</c> on a cross-origin or WebSocket
/// request, while <c>masq</c>, the dashboard's server and the Daemon's probe never do, so any request with an
/// Origin is refused. The Host must name the loopback interface, which defeats DNS rebinding. Last, the request
/// must present the hub's UI cookie (<c>Authorization: MasqCookie &lt;hex&gt;</c>): only the user entitled to the
/// Daemon or Node (and root) can read it. Refusals are logged at most once a minute, with a count.
/// </summary>
internal sealed class LoopbackOnlyMiddleware(RequestDelegate next, UiHubCredential credential, ILogger<LoopbackOnlyMiddleware> logger, TimeProvider time)
{
    private readonly RefusalLog _refusals = new(logger, time, TimeSpan.FromMinutes(1));

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
        var authorization = context.Request.Headers.Authorization;
        if (authorization.Count != 1 || !UiCookie.Matches(authorization[0], credential.Secret))
        {
            return Refuse(context, authorization.Count == 0 ? "without the UI cookie" : "with a wrong UI cookie", StatusCodes.Status401Unauthorized);
        }
        return next(context);
    }

    private Task Refuse(HttpContext context, string why, int status = StatusCodes.Status403Forbidden)
    {
        _refusals.Refused(why);
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
