namespace Masq.Node.Neighborhood.Countries;

/// <summary>
/// One priority group of an exit-location request (neighborhood.md §5, UI <c>exitLocation</c>
/// <c>{countryCodes, priority}</c>): the countries in it are equally preferred; priority 1 is the best.
/// </summary>
internal sealed record ExitCountryGroup(IReadOnlyList<string> CountryCodes, int Priority);
