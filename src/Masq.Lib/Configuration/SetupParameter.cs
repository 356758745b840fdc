using System.Diagnostics.CodeAnalysis;

namespace Masq.Lib.Configuration;

/// <summary>
/// One Node parameter: its name in every source, help text, default, format check, and how setup shows it.
/// </summary>
public sealed class SetupParameter
{
    private readonly Func<string, string?> _validate;

    internal SetupParameter(
        string name,
        string description,
        string valueFormat,
        string defaultDescription,
        string? defaultValue,
        Requirement requirement,
        Func<string, string?> validate,
        bool isSecret = false,
        bool isHidden = false,
        bool isSetupParameter = true)
    {
        Name = name;
        Description = description;
        ValueFormat = valueFormat;
        DefaultDescription = defaultDescription;
        DefaultValue = defaultValue;
        Requirement = requirement;
        _validate = validate;
        IsSecret = isSecret;
        IsHidden = isHidden;
        IsSetupParameter = isSetupParameter;
    }

    /// <summary>The name: <c>--name</c> on a command line, <c>name</c> in setup and TOML.</summary>
    public string Name { get; }

    /// <summary>Help text.</summary>
    public string Description { get; }

    /// <summary>The accepted form, for help text (e.g. <c>1025-65535</c>).</summary>
    public string ValueFormat { get; }

    /// <summary>Where the default comes from, for help text.</summary>
    public string DefaultDescription { get; }

    /// <summary>The built-in default, or null when there is none or it is computed (data directory, real user, DNS
    /// servers) or read from the database.</summary>
    public string? DefaultValue { get; }

    public Requirement Requirement { get; }

    /// <summary>Censored in setup output; never repeated in error messages.</summary>
    public bool IsSecret { get; }

    /// <summary>A test hook left out of help text.</summary>
    public bool IsHidden { get; }

    /// <summary>False for Node options that setup neither accepts nor reports (<c>fake-public-key</c>, <c>ui-port</c>).</summary>
    public bool IsSetupParameter { get; }

    /// <summary>The environment variable: <c>MASQ_</c> + upper-case name with <c>-</c> → <c>_</c>.</summary>
    public string EnvironmentVariable => "MASQ_" + Name.ToUpperInvariant().Replace('-', '_');

    /// <summary>Whether an empty value is <see cref="SetupStatus.Required"/> (else <see cref="SetupStatus.Blank"/>).</summary>
    /// <param name="testHookActive">Whether <c>crash-point</c> (other than none) or <c>fake-public-key</c> is given.</param>
    public bool IsRequiredIn(NeighborhoodMode mode, bool testHookActive = false) => Requirement switch
    {
        Requirement.Always => true,
        Requirement.UnlessZeroHop => mode != NeighborhoodMode.ZeroHop,
        Requirement.UnlessZeroHopOrTestHook => mode != NeighborhoodMode.ZeroHop && !testHookActive,
        Requirement.UnlessConsumeOnly => mode != NeighborhoodMode.ConsumeOnly,
        Requirement.OriginateOnlyOrConsumeOnly => mode is NeighborhoodMode.OriginateOnly or NeighborhoodMode.ConsumeOnly,
        Requirement.StandardOrOriginateOnly => mode is NeighborhoodMode.Standard or NeighborhoodMode.OriginateOnly,
        Requirement.StandardOnly => mode == NeighborhoodMode.Standard,
        _ => false,
    };

    /// <summary>Checks the format of one value (cross-parameter rules are the settings builder's).</summary>
    public bool TryValidate(string value, [NotNullWhen(false)] out string? reason)
    {
        reason = value.Length == 0 ? "Invalid value: must not be empty" : _validate(value);
        return reason is null;
    }

    public override string ToString() => Name;
}
