using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Masq.Lib.Configuration;

/// <summary>
/// The unprivileged user the Node drops to (<c>--real-user uid:gid:home</c>). Any part may be empty; missing parts are
/// filled from <c>SUDO_UID</c>/<c>SUDO_GID</c>/<c>SUDO_USER</c>, then from the running process
/// (<see cref="Populate"/>).
/// </summary>
public sealed record RealUser(uint? Uid, uint? Gid, string? HomeDirectory)
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out RealUser? realUser, [NotNullWhen(false)] out string? error)
    {
        realUser = null;
        var pieces = (text ?? string.Empty).Split(':', 3);
        if (pieces.Length != 3 || !TryParseId(pieces[0], out var uid) || !TryParseId(pieces[1], out var gid))
        {
            error = $"Invalid value '{text}': must be uid:gid:home, where uid and gid are numbers and any part may be empty";
            return false;
        }

        realUser = new RealUser(uid, gid, pieces[2].Length == 0 ? null : pieces[2]);
        error = null;
        return true;
    }

    /// <summary>
    /// Fills the missing parts: from the sudo variables in <paramref name="environment"/> when present (home
    /// <c>/home/&lt;user&gt;</c> on Linux, <c>/Users/&lt;user&gt;</c> on macOS), otherwise from the running process.
    /// </summary>
    public RealUser Populate(IReadOnlyDictionary<string, string> environment, HostFacts host)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(host);
        var uid = Uid ?? SudoId(environment, "SUDO_UID") ?? host.ProcessUid;
        var gid = Gid ?? SudoId(environment, "SUDO_GID") ?? host.ProcessGid;
        var home = HomeDirectory ?? SudoHome(environment, host.Platform) ?? host.ProcessHome;
        return new RealUser(uid, gid, home);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Uid}:{Gid}:{HomeDirectory}");

    private static bool TryParseId(string text, out uint? id)
    {
        id = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            id = value;
            return true;
        }

        return false;
    }

    private static uint? SudoId(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out var text) && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    private static string? SudoHome(IReadOnlyDictionary<string, string> environment, HostPlatform platform)
    {
        if (!environment.TryGetValue("SUDO_USER", out var user) || user.Length == 0 || user.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        return platform switch
        {
            HostPlatform.Linux when user == "root" => "/root",
            HostPlatform.Linux => "/home/" + user,
            HostPlatform.MacOs when user == "root" => "/var/root",
            HostPlatform.MacOs => "/Users/" + user,
            _ => null,
        };
    }
}
