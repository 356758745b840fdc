using Masq.Node.Neighborhood.Countries;

namespace Masq.Node.Tests.Neighborhood.Countries;

public sealed class ExitCountryPreferencesTests
{
    private static readonly ExitCountryGroup[] CzPlThenSk = [new(["CZ", "PL"], 1), new(["SK"], 2)];

    [Fact]
    public void Without_a_preference_nothing_costs_and_every_exit_is_acceptable()
    {
        var none = ExitCountryPreferences.None;

        Assert.False(none.HasPreference);
        Assert.Equal(0u, none.UndesirabilityOf("CZ"));
        Assert.Equal(0u, none.UndesirabilityOf("ZZ"));
        Assert.Equal(0u, none.UndesirabilityOf(null));
        Assert.True(none.IsAcceptableExit("CZ", anyChosenReachable: true));
        Assert.True(none.IsAcceptableExit(null, anyChosenReachable: false));
    }

    [Fact]
    public void An_empty_request_is_no_preference()
    {
        Assert.Same(ExitCountryPreferences.None, ExitCountryPreferences.Create(false, []));
        var fallbackOnly = ExitCountryPreferences.Create(true, []);
        Assert.False(fallbackOnly.HasPreference);
        Assert.Equal(0u, fallbackOnly.UndesirabilityOf("US"));
        Assert.True(fallbackOnly.IsAcceptableExit("US", anyChosenReachable: false));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Priority_group_p_costs_1000_times_p_minus_1(bool fallback)
    {
        var preferences = ExitCountryPreferences.Create(fallback, [new(["CZ", "PL"], 1), new(["SK"], 2), new(["AT"], 5)]);

        Assert.Equal(0u, preferences.UndesirabilityOf("CZ"));
        Assert.Equal(0u, preferences.UndesirabilityOf("PL"));
        Assert.Equal(1_000u, preferences.UndesirabilityOf("SK"));
        Assert.Equal(4_000u, preferences.UndesirabilityOf("AT"));
        Assert.Equal(5, preferences.PriorityOf("AT"));
        Assert.Null(preferences.PriorityOf("DE"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void No_country_costs_the_unreachable_penalty_when_a_preference_is_active(bool fallback)
    {
        var preferences = ExitCountryPreferences.Create(fallback, CzPlThenSk);

        Assert.Equal(100_000_000u, ExitCountryPreferences.UnreachableCountryPenalty);
        Assert.Equal(ExitCountryPreferences.UnreachableCountryPenalty, preferences.UndesirabilityOf(null));
        Assert.Equal(ExitCountryPreferences.UnreachableCountryPenalty, preferences.UndesirabilityOf("ZZ"));
    }

    [Fact]
    public void With_fallback_an_unchosen_country_costs_the_unreachable_penalty()
    {
        var preferences = ExitCountryPreferences.Create(true, CzPlThenSk);

        Assert.Equal(ExitCountryPreferences.UnreachableCountryPenalty, preferences.UndesirabilityOf("DE"));
    }

    [Fact]
    public void Without_fallback_an_unchosen_country_costs_nothing_but_cannot_be_the_exit()
    {
        var preferences = ExitCountryPreferences.Create(false, CzPlThenSk);

        Assert.Equal(0u, preferences.UndesirabilityOf("DE"));
        Assert.False(preferences.IsAcceptableExit("DE", anyChosenReachable: true));
        Assert.False(preferences.IsAcceptableExit("DE", anyChosenReachable: false));
    }

    [Theory]
    [InlineData("CZ", true, true)]
    [InlineData("SK", true, true)]
    [InlineData("CZ", false, true)]
    [InlineData("DE", true, false)]
    [InlineData("DE", false, false)]
    [InlineData(null, true, false)]
    [InlineData(null, false, false)]
    [InlineData("ZZ", false, false)]
    public void Without_fallback_the_declared_country_must_be_chosen(string? declared, bool anyChosenReachable, bool acceptable)
    {
        var preferences = ExitCountryPreferences.Create(false, CzPlThenSk);

        Assert.Equal(acceptable, preferences.IsAcceptableExit(declared, anyChosenReachable));
    }

    [Theory]
    [InlineData("CZ", true, true)]
    [InlineData("SK", true, true)]
    [InlineData("CZ", false, true)]
    [InlineData("DE", true, false)]
    [InlineData("DE", false, true)]
    [InlineData(null, true, false)]
    [InlineData(null, false, true)]
    [InlineData("ZZ", false, true)]
    public void With_fallback_a_chosen_country_or_any_when_none_is_reachable(string? declared, bool anyChosenReachable, bool acceptable)
    {
        var preferences = ExitCountryPreferences.Create(true, CzPlThenSk);

        Assert.Equal(acceptable, preferences.IsAcceptableExit(declared, anyChosenReachable));
    }

    [Theory]
    [InlineData("cz", "'cz'")]
    [InlineData("CZE", "'CZE'")]
    [InlineData("C1", "'C1'")]
    [InlineData("", "''")]
    [InlineData("QQ", "'QQ' is not a known")]
    [InlineData("ZZ", "'ZZ' stands for 'no country'")]
    public void Rejects_bad_codes_naming_them(string bad, string expected)
    {
        var exception = Assert.Throws<ArgumentException>(
            () => ExitCountryPreferences.Create(false, [new(["CZ"], 1), new(["PL", bad], 2)]));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_duplicates_empty_groups_and_bad_priorities()
    {
        Assert.False(ExitCountryPreferences.TryCreate(false, [new(["CZ"], 1), new(["CZ"], 2)], Known(), out _, out string? duplicate));
        Assert.Contains("'CZ' appears more than once", duplicate, StringComparison.Ordinal);
        Assert.False(ExitCountryPreferences.TryCreate(false, [new([], 1)], Known(), out _, out string? empty));
        Assert.Contains("no country codes", empty, StringComparison.Ordinal);
        Assert.False(ExitCountryPreferences.TryCreate(false, [new(["CZ"], 0)], Known(), out _, out string? priority));
        Assert.Contains("priority 0", priority, StringComparison.Ordinal);
        Assert.False(ExitCountryPreferences.TryCreate(false, [new(["CZ"], 100_001)], Known(), out _, out string? tooLarge));
        Assert.Contains("priority 100001", tooLarge, StringComparison.Ordinal);
        Assert.True(ExitCountryPreferences.TryCreate(false, [new(["CZ"], 100_000)], Known(), out var lowest, out _));
        Assert.Equal(99_999_000u, lowest.UndesirabilityOf("CZ"));
    }

    [Fact]
    public void Accepts_every_country_the_table_knows()
    {
        var table = IpCountryTable.Load();
        var preferences = ExitCountryPreferences.Create(true, [new(table.CountriesInTable.Order().ToArray(), 1)]);

        Assert.True(preferences.HasPreference);
        Assert.Equal(table.CountriesInTable.Count, preferences.ChosenCountries.Count());
    }

    [Fact]
    public void Validates_against_the_given_known_codes()
    {
        Assert.True(ExitCountryPreferences.TryCreate(false, [new(["CZ"], 1)], Known(), out var preferences, out _));
        Assert.True(preferences.HasPreference);
        Assert.False(ExitCountryPreferences.TryCreate(false, [new(["DE"], 1)], Known(), out _, out string? error));
        Assert.Contains("'DE'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_the_chosen_countries_that_are_missing()
    {
        var preferences = ExitCountryPreferences.Create(false, CzPlThenSk);

        Assert.Equal(["PL", "SK"], preferences.MissingCountries(new HashSet<string> { "CZ", "DE" }));
        Assert.Empty(preferences.MissingCountries(new HashSet<string> { "CZ", "PL", "SK" }));
    }

    [Fact]
    public void Keeps_the_groups_and_the_fallback_flag()
    {
        var preferences = ExitCountryPreferences.Create(true, CzPlThenSk);

        Assert.True(preferences.FallbackRouting);
        Assert.Equal(2, preferences.Groups.Count);
        Assert.Equal(["CZ", "PL"], preferences.Groups[0].CountryCodes);
        Assert.Equal(2, preferences.Groups[1].Priority);
    }

    private static HashSet<string> Known() => ["CZ", "PL", "SK"];
}
