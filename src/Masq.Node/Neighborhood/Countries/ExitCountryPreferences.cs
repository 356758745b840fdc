using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Masq.Node.Neighborhood.Countries;

/// <summary>
/// The user's exit-country choice (neighborhood.md §5): priority groups of ISO 3166-1 alpha-2 codes and the fallback
/// flag. Pure: it turns a node's <em>declared</em> country into its <c>country_undesirability</c> and decides whether a
/// node may end an outbound leg as its exit.
/// </summary>
internal sealed class ExitCountryPreferences
{
    /// <summary>Undesirability added per priority step: group p costs 1000 × (p − 1).</summary>
    public const uint CountryUndesirabilityFactor = 1_000;

    /// <summary>
    /// Undesirability of an exit with no country ("ZZ") while a preference is active, and, with fallback routing, of
    /// any exit whose country is not chosen (MASQ's <c>UNREACHABLE_COUNTRY_PENALTY</c>).
    /// </summary>
    public const uint UnreachableCountryPenalty = 100_000_000;

    /// <summary>The largest priority accepted: its undesirability stays below <see cref="UnreachableCountryPenalty"/>.</summary>
    public const int MaxPriority = (int)(UnreachableCountryPenalty / CountryUndesirabilityFactor);

    /// <summary>The code standing for "no country" (unknown IP or none declared).</summary>
    public const string NoCountryCode = "ZZ";

    private readonly FrozenDictionary<string, int> _priorityOf;

    private ExitCountryPreferences(bool fallbackRouting, IReadOnlyList<ExitCountryGroup> groups, Dictionary<string, int> priorityOf)
    {
        FallbackRouting = fallbackRouting;
        Groups = groups;
        _priorityOf = priorityOf.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>No exit-country preference: every exit is acceptable and no country costs anything.</summary>
    public static ExitCountryPreferences None { get; } =
        new(false, Array.Empty<ExitCountryGroup>(), new Dictionary<string, int>(StringComparer.Ordinal));

    /// <summary>With fallback, an exit outside the chosen countries is still usable (at a high cost).</summary>
    public bool FallbackRouting { get; }

    /// <summary>The groups as given (validated), in the order given.</summary>
    public IReadOnlyList<ExitCountryGroup> Groups { get; }

    /// <summary>True when at least one country is chosen.</summary>
    public bool HasPreference => _priorityOf.Count > 0;

    /// <summary>Every chosen country code.</summary>
    public IEnumerable<string> ChosenCountries => _priorityOf.Keys;

    /// <summary>
    /// Validates and builds preferences; codes must be upper-case ISO 3166-1 alpha-2 codes known to the built-in
    /// table's country list. An empty group list means no preference.
    /// </summary>
    /// <exception cref="ArgumentException">A code, group or priority is invalid; the message names it.</exception>
    public static ExitCountryPreferences Create(bool fallbackRouting, IReadOnlyList<ExitCountryGroup> groups) =>
        Create(fallbackRouting, groups, IpCountryTable.Load().KnownCountryCodes);

    /// <summary>As <see cref="Create(bool, IReadOnlyList{ExitCountryGroup})"/>, against the given known codes.</summary>
    /// <exception cref="ArgumentException">A code, group or priority is invalid; the message names it.</exception>
    public static ExitCountryPreferences Create(
        bool fallbackRouting, IReadOnlyList<ExitCountryGroup> groups, IEnumerable<string> knownCountryCodes)
    {
        if (!TryCreate(fallbackRouting, groups, knownCountryCodes, out ExitCountryPreferences? preferences, out string? error))
        {
            throw new ArgumentException(error, nameof(groups));
        }

        return preferences;
    }

    /// <summary>Validates and builds preferences, or gives a message naming the first problem found.</summary>
    public static bool TryCreate(
        bool fallbackRouting,
        IReadOnlyList<ExitCountryGroup> groups,
        IEnumerable<string> knownCountryCodes,
        [NotNullWhen(true)] out ExitCountryPreferences? preferences,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(knownCountryCodes);
        preferences = null;
        var known = knownCountryCodes as IReadOnlySet<string> ?? knownCountryCodes.ToHashSet(StringComparer.Ordinal);
        var priorityOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var copies = new List<ExitCountryGroup>(groups.Count);

        foreach (ExitCountryGroup? group in groups)
        {
            if (group?.CountryCodes is null || group.CountryCodes.Count == 0)
            {
                error = "An exit-location priority group has no country codes.";
                return false;
            }

            if (group.Priority < 1 || group.Priority > MaxPriority)
            {
                error = $"Exit-location priority {group.Priority} is invalid: priorities run from 1 (the best) to {MaxPriority}.";
                return false;
            }

            foreach (string? code in group.CountryCodes)
            {
                error = CheckCode(code, known);
                if (error is not null)
                {
                    return false;
                }

                if (!priorityOf.TryAdd(code!, group.Priority))
                {
                    error = $"Country code '{code}' appears more than once in the exit-location request.";
                    return false;
                }
            }

            copies.Add(new ExitCountryGroup(group.CountryCodes.ToArray(), group.Priority));
        }

        preferences = priorityOf.Count == 0 && !fallbackRouting
            ? None
            : new ExitCountryPreferences(fallbackRouting, copies, priorityOf);
        error = null;
        return true;
    }

    /// <summary>
    /// Null if <paramref name="code"/> is an upper-case ISO 3166-1 alpha-2 code that can be chosen as an exit country,
    /// otherwise a message naming it.
    /// </summary>
    public static string? CheckCode(string? code, IReadOnlySet<string> knownCountryCodes)
    {
        ArgumentNullException.ThrowIfNull(knownCountryCodes);
        if (code is null || code.Length != 2 || !char.IsAsciiLetterUpper(code[0]) || !char.IsAsciiLetterUpper(code[1]))
        {
            return $"'{code}' is not a country code: expected two upper-case letters (ISO 3166-1 alpha-2), e.g. 'CZ'.";
        }

        if (code == NoCountryCode)
        {
            return $"'{NoCountryCode}' stands for 'no country' and cannot be chosen as an exit country.";
        }

        if (!knownCountryCodes.Contains(code))
        {
            return $"'{code}' is not a known ISO 3166-1 alpha-2 country code.";
        }

        return null;
    }

    /// <summary>The priority group (1 = best) of <paramref name="country"/>, or null if it is not chosen.</summary>
    public int? PriorityOf(string? country) =>
        country is not null && _priorityOf.TryGetValue(country, out int priority) ? priority : null;

    /// <summary>
    /// The <c>country_undesirability</c> of a node whose declared country is <paramref name="declaredCountry"/>
    /// (null = none): 0 with no preference; 1000 × (p − 1) for a country of priority group p; 100,000,000 for no
    /// country ("ZZ"), and with fallback routing for any country not chosen; 0 for an unchosen country without
    /// fallback (such a node can never be the exit: <see cref="IsAcceptableExit"/>).
    /// </summary>
    public uint UndesirabilityOf(string? declaredCountry)
    {
        if (!HasPreference)
        {
            return 0;
        }

        if (declaredCountry is null || declaredCountry == NoCountryCode)
        {
            return UnreachableCountryPenalty;
        }

        if (_priorityOf.TryGetValue(declaredCountry, out int priority))
        {
            return CountryUndesirabilityFactor * (uint)(priority - 1);
        }

        return FallbackRouting ? UnreachableCountryPenalty : 0;
    }

    /// <summary>
    /// The "exit country" completion rule of an outbound leg (neighborhood.md §5): no preference → any exit; with
    /// fallback → an exit in a chosen country, or any exit when <paramref name="anyChosenReachable"/> is false (no
    /// chosen country is currently reachable); without fallback → the declared country must be chosen (no code is
    /// rejected).
    /// </summary>
    public bool IsAcceptableExit(string? declaredCountry, bool anyChosenReachable)
    {
        if (!HasPreference)
        {
            return true;
        }

        bool chosen = declaredCountry is not null && _priorityOf.ContainsKey(declaredCountry);
        return FallbackRouting ? chosen || !anyChosenReachable : chosen;
    }

    /// <summary>The chosen countries that are not in <paramref name="availableCountries"/> (for <c>missingCountries</c>).</summary>
    public IReadOnlyList<string> MissingCountries(IReadOnlySet<string> availableCountries)
    {
        ArgumentNullException.ThrowIfNull(availableCountries);
        var missing = new List<string>();
        foreach (ExitCountryGroup group in Groups)
        {
            foreach (string code in group.CountryCodes)
            {
                if (!availableCountries.Contains(code))
                {
                    missing.Add(code);
                }
            }
        }

        return missing;
    }
}
