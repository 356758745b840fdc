namespace Masq.Lib.Configuration;

/// <summary>
/// Reads <c>MASQ_NAME</c> environment variables (<c>--clandestine-port</c> → <c>MASQ_CLANDESTINE_PORT</c>). Only the
/// Node's parameters are read (all of them take a value); other <c>MASQ_*</c> variables and empty values are ignored,
/// except the reference's <c>MASQ_INTEGRATION_TEST=true</c>, which stays an alias of <c>MASQ_ALLOW_LOOPBACK_TARGETS=on</c>.
/// </summary>
public static class EnvironmentSource
{
    /// <summary>The reference's switch for Nodes under test; here it only allows loopback targets.</summary>
    public const string IntegrationTestVariable = "MASQ_INTEGRATION_TEST";

    public static IReadOnlyDictionary<string, string> Read(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in SetupParameters.All)
        {
            if (environment.TryGetValue(parameter.EnvironmentVariable, out var value) && !string.IsNullOrEmpty(value))
            {
                values[parameter.Name] = value;
            }
        }

        if (!values.ContainsKey(ParameterNames.AllowLoopbackTargets)
            && environment.TryGetValue(IntegrationTestVariable, out var integration)
            && string.Equals(integration, "true", StringComparison.OrdinalIgnoreCase))
        {
            values[ParameterNames.AllowLoopbackTargets] = "on";
        }

        return values;
    }
}
