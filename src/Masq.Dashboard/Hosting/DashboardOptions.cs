using Microsoft.Extensions.Configuration;

namespace Masq.Dashboard.Hosting;

/// <summary>The dashboard's own settings (command line <c>--name value</c>, <c>MASQ_DASHBOARD_*</c> is not read).</summary>
public sealed class DashboardOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5300";

    /// <summary>The Daemon's UI port on 127.0.0.1.</summary>
    [ConfigurationKeyName("daemon-ui-port")]
    public int DaemonUiPort { get; set; } = Masq.Lib.Ui.UiProtocol.DefaultUiPort;

    /// <summary>How often the Node's financials (and other live facts) are read while it runs, in milliseconds.</summary>
    [ConfigurationKeyName("poll-interval-ms")]
    public int PollIntervalMs { get; set; } = 500;

    /// <summary>How many top payables and receivables the live tables show.</summary>
    [ConfigurationKeyName("top-records")]
    public int TopRecords { get; set; } = 100;

    /// <summary>
    /// Where to write this run's access token (<see cref="DashboardAccess"/>); by default
    /// <c>dashboard-&lt;port&gt;.token</c> in the user's MASQ runtime directory.
    /// </summary>
    [ConfigurationKeyName("access-token-file")]
    public string? AccessTokenFile { get; set; }

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollIntervalMs);
}
