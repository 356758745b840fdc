using System.Net;

namespace Masq.Cli.Localnet;

/// <summary>The defaults and limits of <c>masq localnet</c>.</summary>
internal static class LocalnetDefaults
{
    public const int MinNodes = 1;

    public const int MaxNodes = 50;

    public const int MinHops = 3;

    public const string Chain = "dev";

    public const string Mode = "standard";

    public const string LogLevel = "info";

    public const int FirstPort = 20000;

    public const string StateFileName = "localnet.json";

    /// <summary>A placeholder the Nodes need in standard mode; with it, payment scans are turned off.</summary>
    public const string PlaceholderBlockchainServiceUrl = "http://127.0.0.1:8545";

    /// <summary>The environment variable that names the MASQNode executable to launch.</summary>
    public const string NodePathVariable = "MASQ_NODE_PATH";

    public static IPAddress BaseIp { get; } = IPAddress.Parse("127.0.0.2");

    /// <summary><c>&lt;local data&gt;/MASQ/localnet</c>, e.g. <c>~/.local/share/MASQ/localnet</c> on Linux.</summary>
    public static string DataDirectory
    {
        get
        {
            var localData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            if (string.IsNullOrEmpty(localData))
            {
                localData = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            }
            return Path.Combine(localData, "MASQ", "localnet");
        }
    }
}
