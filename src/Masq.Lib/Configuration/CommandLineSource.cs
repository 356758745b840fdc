namespace Masq.Lib.Configuration;

/// <summary>
/// Reads <c>--name value</c> (or <c>--name=value</c>, for values that start with <c>--</c>) pairs. Unknown names,
/// missing values, repeated names and stray words are reported, every one of them.
/// </summary>
public static class CommandLineSource
{
    public static ConfigurationSourceResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<ConfigurationError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i] ?? string.Empty;
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                errors.Add(new ConfigurationError(arg, $"Unexpected argument '{arg}'; arguments are --name value pairs"));
                continue;
            }

            string name;
            string? value;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[2..equals];
                value = arg[(equals + 1)..];
            }
            else
            {
                name = arg[2..];
                value = i + 1 < args.Count && !(args[i + 1] ?? string.Empty).StartsWith("--", StringComparison.Ordinal) ? args[++i] ?? string.Empty : null;
            }

            if (!SetupParameters.TryGet(name, out _))
            {
                errors.Add(new ConfigurationError(name, $"Unknown parameter '--{name}'"));
                continue;
            }

            if (value is null)
            {
                errors.Add(new ConfigurationError(name, $"Missing value for '--{name}'"));
                continue;
            }

            if (!seen.Add(name))
            {
                errors.Add(new ConfigurationError(name, $"'--{name}' is given more than once"));
                continue;
            }

            if (value.Length > 0)
            {
                values[name] = value;
            }
        }

        return new ConfigurationSourceResult(values, errors);
    }
}
