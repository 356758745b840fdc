using System.Globalization;
using System.Text;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Masq.Lib.Configuration;

/// <summary>
/// Reads <c>config.toml</c>: top-level <c>name = value</c> lines with scalar values only (string, integer, float,
/// boolean), each turned into the text a command line would carry. Tables, arrays, dotted keys, dates, unknown names,
/// invalid TOML and non-UTF-8 bytes are errors that name the file and the line. <c>config-file</c> is never taken from
/// the file itself.
/// </summary>
public static class TomlConfigFile
{
    /// <summary>A configuration file is a few hundred bytes; anything this large is a mistake.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="mustExist">True when the path was given explicitly: then a missing file is an error; otherwise a
    /// missing file counts as empty.</param>
    public static ConfigurationSourceResult Read(string path, bool mustExist)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return mustExist
                    ? Failure($"Couldn't open configuration file \"{path}\". Are you sure it exists?")
                    : ConfigurationSourceResult.Empty;
            }

            if (info.Length > MaxFileBytes)
            {
                return Failure($"Configuration file \"{path}\" is larger than {MaxFileBytes} bytes");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failure($"Couldn't read configuration file \"{path}\": {e.Message}");
        }

        return Parse(bytes, path);
    }

    /// <summary>Parses file contents given as bytes (which must be UTF-8).</summary>
    public static ConfigurationSourceResult Parse(ReadOnlySpan<byte> contents, string path)
    {
        if (contents.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            contents = contents[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(contents);
        }
        catch (DecoderFallbackException)
        {
            return Failure($"Configuration file \"{path}\" is not valid UTF-8 text");
        }

        return Parse(text, path);
    }

    /// <summary>Parses file contents given as text.</summary>
    public static ConfigurationSourceResult Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(text, path, validate: true);
        }
        catch (Exception e)
        {
            // The parser reports problems as diagnostics; anything thrown is still only a bad file, never a crash.
            return Failure($"Configuration file \"{path}\" is not valid TOML: {e.Message}");
        }

        var errors = new List<ConfigurationError>();
        foreach (var diagnostic in document.Diagnostics)
        {
            if (diagnostic.Kind == DiagnosticMessageKind.Error)
            {
                errors.Add(new ConfigurationError(ParameterNames.ConfigFile,
                    $"{Where(path, diagnostic.Span)}: invalid TOML: {diagnostic.Message}"));
            }
        }

        if (errors.Count > 0)
        {
            return new ConfigurationSourceResult(ConfigurationSourceResult.Empty.Values, errors);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var keyValue in document.KeyValues)
        {
            ReadKeyValue(keyValue, path, values, lines, errors);
        }

        foreach (var table in document.Tables)
        {
            var kind = table is TableArraySyntax ? "an array of tables" : "a table";
            errors.Add(new ConfigurationError(ParameterNames.ConfigFile,
                $"{Where(path, table.Span)}: '{table.Name?.ToString().Trim()}' is {kind}; only top-level scalar values (name = value) are allowed"));
        }

        return new ConfigurationSourceResult(values, errors, lines);
    }

    /// <summary>How errors name a place in a configuration file: <c>Configuration file "…/config.toml", line 3</c>.</summary>
    public static string Where(string path, int line) =>
        string.Create(CultureInfo.InvariantCulture, $"Configuration file \"{path}\", line {line}");

    private static void ReadKeyValue(
        KeyValueSyntax keyValue, string path, Dictionary<string, string> values, Dictionary<string, int> lines, List<ConfigurationError> errors)
    {
        var where = Where(path, keyValue.Span);
        var key = KeyText(keyValue.Key?.Key);
        if (key is null || keyValue.Key!.DotKeys.ChildrenCount > 0)
        {
            errors.Add(new ConfigurationError(ParameterNames.ConfigFile,
                $"{where}: '{keyValue.Key?.ToString().Trim()}' is a dotted key, which makes a table; only top-level scalar values (name = value) are allowed"));
            return;
        }

        if (!SetupParameters.TryGet(key, out _))
        {
            errors.Add(new ConfigurationError(key, $"{where}: unknown parameter '{key}'"));
            return;
        }

        string? value = keyValue.Value switch
        {
            StringValueSyntax s => s.Value,
            IntegerValueSyntax i => i.Value.ToString(CultureInfo.InvariantCulture),
            FloatValueSyntax f => f.Value.ToString("R", CultureInfo.InvariantCulture),
            BooleanValueSyntax b => b.Value ? "true" : "false",
            _ => null,
        };

        if (value is null)
        {
            var kind = keyValue.Value switch
            {
                ArraySyntax => "an array",
                InlineTableSyntax => "a table",
                DateTimeValueSyntax => "a date or time",
                _ => "not a scalar value",
            };
            errors.Add(new ConfigurationError(key,
                $"{where}: the value is {kind}; only strings, numbers and booleans are allowed (write lists as one string, e.g. \"a,b\")"));
            return;
        }

        // The configuration file may mention its own path, but it is never taken from there.
        if (key != ParameterNames.ConfigFile && value.Length > 0)
        {
            values[key] = value;
            lines[key] = keyValue.Span.Start.Line + 1;
        }
    }

    private static string? KeyText(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text,
        StringValueSyntax quoted => quoted.Value,
        _ => null,
    };

    private static string Where(string path, SourceSpan span) => Where(path, span.Start.Line + 1);

    private static ConfigurationSourceResult Failure(string reason) =>
        new(ConfigurationSourceResult.Empty.Values, [new ConfigurationError(ParameterNames.ConfigFile, reason)]);
}
