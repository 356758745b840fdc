namespace Masq.Node.Neighborhood.Routes;

/// <summary>An <see cref="IExitCountryRule"/> made of a flag and a predicate; <see cref="None"/> accepts every exit.</summary>
internal sealed class ExitCountryRule : IExitCountryRule
{
    private readonly Func<string?, bool> _isAcceptableExit;

    public ExitCountryRule(bool hasPreference, Func<string?, bool> isAcceptableExit)
    {
        ArgumentNullException.ThrowIfNull(isAcceptableExit);
        HasPreference = hasPreference;
        _isAcceptableExit = isAcceptableExit;
    }

    /// <summary>No preference: any exit will do and the outbound leg stops at exactly min-hops.</summary>
    public static ExitCountryRule None { get; } = new(false, static _ => true);

    public bool HasPreference { get; }

    public bool IsAcceptableExit(string? declaredCountry) => _isAcceptableExit(declaredCountry);
}
