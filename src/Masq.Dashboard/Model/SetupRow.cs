using Masq.Lib.Configuration;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Model;

/// <summary>One parameter of the Daemon's setup as the Setup page shows it. A secret row never carries its value.</summary>
public sealed record SetupRow(
    string Name,
    string? DisplayValue,
    SetupStatus Status,
    bool IsSecret,
    string Description,
    string Source,
    string? Error)
{
    public const string MaskedValue = "••••••••";

    public static IReadOnlyList<SetupRow> From(UiSetupResponse response)
    {
        var errors = response.Errors
            .GroupBy(e => e.Parameter, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join("; ", g.Select(e => e.Reason)), StringComparer.Ordinal);
        var rows = response.Values
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .Select(v => Create(v, errors.GetValueOrDefault(v.Name)))
            .ToList();
        // An error about a parameter the Daemon did not list still deserves a row.
        foreach (var (name, reason) in errors)
        {
            if (rows.All(r => r.Name != name))
            {
                rows.Add(Create(new UiSetupResponseValue(name, string.Empty, SetupStatus.Blank), reason));
            }
        }
        return rows;
    }

    public static bool IsSecretParameter(string name) =>
        (SetupParameters.TryGet(name, out var parameter) && parameter.IsSecret)
        || name is ParameterNames.DbPassword or ParameterNames.ConsumingPrivateKey;

    /// <summary>Where the value came from, as the Daemon says (<c>MASQ_GAS_PRICE</c>, <c>config.toml:3</c>,
    /// <c>database</c>, <c>setup</c>, <c>default</c>); from a Daemon that does not say, what the status implies.</summary>
    public static string DescribeSource(string name, SetupStatus status, string? source = null)
    {
        if (source is { Length: > 0 } && status is not (SetupStatus.Blank or SetupStatus.Required))
        {
            return source switch
            {
                "setup" => "Set through setup (this dashboard or masq)",
                "command line" => "Command line",
                "database" => "The Node's database",
                "default" => SetupParameters.TryGet(name, out var p) && p.DefaultDescription is { Length: > 0 } dd ? $"Default: {dd}" : "Default",
                _ when source.StartsWith("MASQ_", StringComparison.Ordinal) => $"Environment ({source})",
                _ => $"Config file ({source})",
            };
        }

        var env = SetupParameters.TryGet(name, out var parameter) ? parameter.EnvironmentVariable : "MASQ_" + name.ToUpperInvariant().Replace('-', '_');
        return status switch
        {
            SetupStatus.Set => "Set through setup (this dashboard or masq)",
            SetupStatus.Configured => $"Environment ({env}), config file or database",
            SetupStatus.Default => parameter?.DefaultDescription is { Length: > 0 } d ? $"Default: {d}" : "Default",
            SetupStatus.Required => "No source has a value, and the Node needs one",
            _ => "No value",
        };
    }

    private static SetupRow Create(UiSetupResponseValue value, string? error)
    {
        var secret = IsSecretParameter(value.Name);
        var hasValue = value.Status is not (SetupStatus.Blank or SetupStatus.Required) && value.Value.Length > 0;
        var display = secret ? (hasValue ? MaskedValue : null) : (value.Value.Length > 0 ? value.Value : null);
        var description = SetupParameters.TryGet(value.Name, out var parameter) ? parameter.Description : string.Empty;
        return new SetupRow(value.Name, display, value.Status, secret, description, DescribeSource(value.Name, value.Status, value.Source), error);
    }
}
