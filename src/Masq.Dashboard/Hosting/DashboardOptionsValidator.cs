using Microsoft.Extensions.Options;

namespace Masq.Dashboard.Hosting;

/// <summary>Checks every option and reports all failures at once.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var failures = new List<string>();
        if (options.DaemonUiPort is < Masq.Lib.Ui.UiProtocol.MinUiPort or > 65535)
        {
            failures.Add($"daemon-ui-port - Invalid value '{options.DaemonUiPort}': must be a port from {Masq.Lib.Ui.UiProtocol.MinUiPort} to 65535");
        }
        if (options.PollIntervalMs is < 100 or > 60_000)
        {
            failures.Add($"poll-interval-ms - Invalid value '{options.PollIntervalMs}': must be from 100 to 60000");
        }
        if (options.TopRecords is < 1 or > ushort.MaxValue)
        {
            failures.Add($"top-records - Invalid value '{options.TopRecords}': must be from 1 to {ushort.MaxValue}");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
