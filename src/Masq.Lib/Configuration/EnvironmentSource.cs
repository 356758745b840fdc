namespace Masq.Lib.Configuration;

/// <summary>
/// Reads <c>MASQ_NAME</c> environment variables (<c>--clandestine-port</c> → <c>MASQ_CLANDESTINE_PORT</c>). Only the
/// Node's parameters are read (all of them take a value); other <c>MASQ_*</c> variables and empty values are ignored.
/// </summary>
public static class EnvironmentSource
{
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

        return values;
    }
}
