using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Masq.Lib.Ui;

namespace Masq.Dashboard.Hosting;

/// <summary>
/// The dashboard's own credential. The dashboard speaks to the Daemon with its owner's UI cookie, so anyone who could
/// drive the dashboard would command the Daemon as its owner; loopback alone does not say who is connecting (every
/// local user reaches 127.0.0.1). So, like Jupyter, each run makes a random token, writes it to a file only its owner
/// can read, and prints a link that carries it. Opening the link once sets an HttpOnly, SameSite=Strict cookie holding
/// the token; every other request without that cookie is refused.
/// </summary>
public sealed class DashboardAccess
{
    /// <summary>The query parameter of the access link.</summary>
    public const string QueryName = "token";

    private readonly byte[] _secret;

    public DashboardAccess(byte[]? secret = null)
    {
        _secret = secret ?? UiCookie.NewSecret();
        Token = UiCookie.ToText(_secret);
    }

    /// <summary>The token as the link, the cookie and the file carry it.</summary>
    public string Token { get; }

    /// <summary>Cookies are not kept apart by port, so each dashboard's cookie names its own.</summary>
    public static string CookieName(int port) => string.Create(CultureInfo.InvariantCulture, $"masq-dashboard-{port}");

    /// <summary>Where a dashboard on <paramref name="port"/> writes its token when no file is named.</summary>
    public static string DefaultTokenPath(int port) =>
        Path.Combine(UiCookie.OwnDirectory(), string.Create(CultureInfo.InvariantCulture, $"dashboard-{port}.token"));

    /// <summary>The link that logs a browser in: <paramref name="baseUrl"/> with the token.</summary>
    public Uri LinkFor(Uri baseUrl, string path = "/") =>
        new(baseUrl, path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + QueryName + "=" + Token);

    /// <summary>True when <paramref name="presented"/> is this run's token (constant time).</summary>
    public bool Matches(string? presented)
    {
        if (presented is null || presented.Length != Token.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(Token));
    }

    /// <summary>Writes the token to <paramref name="path"/>: a fresh 0600 file of this user's, never through a symlink.</summary>
    public void WriteTo(string path) => UiCookie.Write(path, _secret, ownerUid: null, ownerGid: null);
}
