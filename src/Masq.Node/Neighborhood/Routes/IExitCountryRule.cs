namespace Masq.Node.Neighborhood.Routes;

/// <summary>
/// The "exit country" completion rule of an outbound leg (neighborhood.md §5), as route selection needs it. The
/// Neighborhood adapts its exit-country preferences to this: with fallback routing, "any chosen country reachable"
/// is decided by the caller (for example from <see cref="RouteSelector.AvailableExitCountries"/>) and folded into
/// <see cref="IsAcceptableExit"/>.
/// </summary>
internal interface IExitCountryRule
{
    /// <summary>
    /// True while the user has chosen exit countries: the outbound leg may then go past min-hops looking for an
    /// acceptable exit.
    /// </summary>
    bool HasPreference { get; }

    /// <summary>Whether a Node declaring <paramref name="declaredCountry"/> (null = none) may be the exit.</summary>
    bool IsAcceptableExit(string? declaredCountry);
}
