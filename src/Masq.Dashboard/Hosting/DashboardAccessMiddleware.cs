using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Masq.Dashboard.Hosting;

/// <summary>
/// Lets in a browser that holds this dashboard's cookie (<see cref="DashboardAccess"/>), turns the access link into that
/// cookie (and redirects to the same page without the token, so it does not linger in the address bar or history), and
/// refuses everything else with 401 and a page that says where the link is. <c>/health</c> stays open: it says only
/// whether the Daemon and the Node run, which any local user can see with <c>ps</c>.
/// </summary>
internal sealed class DashboardAccessMiddleware(RequestDelegate next, DashboardAccess access, ILogger<DashboardAccessMiddleware> logger)
{
    private long _refused;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.Equals("/health", StringComparison.Ordinal))
        {
            return next(context);
        }

        int port = context.Connection.LocalPort;
        var cookieName = DashboardAccess.CookieName(port);
        if (access.Matches(context.Request.Cookies[cookieName]))
        {
            return next(context);
        }

        var query = context.Request.Query;
        if (query.TryGetValue(DashboardAccess.QueryName, out var token) && token.Count == 1 && access.Matches(token[0]))
        {
            context.Response.Cookies.Append(cookieName, access.Token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
            });
            var rest = query.Where(pair => pair.Key != DashboardAccess.QueryName)
                .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)));
            var target = QueryHelpers.AddQueryString(context.Request.PathBase + context.Request.Path, rest);
            context.Response.Redirect(target);
            return Task.CompletedTask;
        }

        // The first refusal, then one line per 100, so nobody can flood the log by knocking.
        var count = Interlocked.Increment(ref _refused);
        if (count == 1 || count % 100 == 0)
        {
            logger.LogWarning("Refused a request to {Path} without the dashboard's access token; {Count} refused so far", context.Request.Path.Value, count);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(RefusalPage(context.Request.GetDisplayUrl()));
    }

    private static string RefusalPage(string url) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>MASQ dashboard: access link needed</title></head>
        <body style="font-family: sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5">
        <h1>This dashboard needs its access link</h1>
        <p>The MASQ dashboard obeys only the person who started it. When it starts, it prints a link that carries its
        access token (<code>http://127.0.0.1:PORT/?token=…</code>) and writes the token to a file only that user can read
        (<code>dashboard-PORT.token</code> in <code>/run/masq</code> for root, otherwise in <code>$XDG_RUNTIME_DIR/masq</code>
        or <code>/tmp/masq-UID</code>). Open that link once; this browser then stays logged in until the dashboard restarts.</p>
        <p>You asked for <code>{WebUtility.HtmlEncode(url)}</code>.</p>
        </body></html>
        """;
}
