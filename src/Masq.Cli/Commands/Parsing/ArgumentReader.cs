namespace Masq.Cli.Commands.Parsing;

/// <summary>
/// Reads a subcommand's arguments: <c>--name value</c>, <c>--name=value</c>, <c>-n value</c>, flags and
/// positionals. Everything it rejects is a <see cref="CommandSyntaxException"/> naming the bad argument.
/// </summary>
internal static class ArgumentReader
{
    /// <param name="secretPositionals">
    /// The positionals are passwords: nothing that looks like an option is taken for one, and errors never repeat them.
    /// </param>
    public static ParsedArguments Read(
        string command,
        IReadOnlyList<string> args,
        IReadOnlyList<OptionSpec> specs,
        int maxPositionals = 0,
        bool secretPositionals = false)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var positionals = new List<string>();
        if (secretPositionals)
        {
            if (specs.Count > 0)
            {
                throw new ArgumentException("Secret positionals are read only for commands without options", nameof(specs));
            }
            return args.Count <= maxPositionals
                ? new ParsedArguments(options, args)
                : throw new CommandSyntaxException($"Too many arguments for '{command}' (at most {maxPositionals})");
        }
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            OptionSpec? spec;
            string shown;
            string? inlineValue = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var body = arg[2..];
                var equals = body.IndexOf('=', StringComparison.Ordinal);
                if (equals >= 0)
                {
                    inlineValue = body[(equals + 1)..];
                    body = body[..equals];
                }
                shown = "--" + body;
                spec = specs.FirstOrDefault(s => s.Long == body);
            }
            else if (arg.Length == 2 && arg[0] == '-' && char.IsLetter(arg[1]))
            {
                shown = arg;
                spec = specs.FirstOrDefault(s => s.Short == arg[1]);
            }
            else
            {
                if (positionals.Count >= maxPositionals)
                {
                    throw new CommandSyntaxException($"Unexpected argument '{arg}' for '{command}'");
                }
                positionals.Add(arg);
                continue;
            }
            if (spec is null)
            {
                throw new CommandSyntaxException($"Unknown option '{shown}' for '{command}'");
            }
            if (options.ContainsKey(spec.Long))
            {
                throw new CommandSyntaxException($"Option '--{spec.Long}' is given more than once");
            }
            if (!spec.TakesValue)
            {
                if (inlineValue is not null)
                {
                    throw new CommandSyntaxException($"Option '--{spec.Long}' takes no value");
                }
                options[spec.Long] = null;
                continue;
            }
            if (inlineValue is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CommandSyntaxException($"Option '--{spec.Long}' needs a value");
                }
                inlineValue = args[++i];
            }
            options[spec.Long] = inlineValue;
        }
        return new ParsedArguments(options, positionals);
    }
}
