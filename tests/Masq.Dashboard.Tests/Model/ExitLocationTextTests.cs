using Masq.Dashboard.Model;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Tests.Model;

public sealed class ExitLocationTextTests
{
    [Fact]
    public void Groups_get_priorities_in_order()
    {
        Assert.True(ExitLocationText.TryParse("cz, PL|SK", out var groups, out var error), error);

        Assert.Equal(2, groups.Count);
        Assert.Equal(["CZ", "PL"], groups[0].CountryCodes);
        Assert.Equal(1, groups[0].Priority);
        Assert.Equal(["SK"], groups[1].CountryCodes);
        Assert.Equal(2, groups[1].Priority);
        Assert.Equal("CZ,PL|SK", ExitLocationText.Format(groups));
    }

    [Fact]
    public void Empty_text_means_no_preference()
    {
        Assert.True(ExitLocationText.TryParse("  ", out var groups, out _));
        Assert.Empty(groups);
    }

    [Theory]
    [InlineData("CZE")]
    [InlineData("CZ||SK")]
    [InlineData("C1")]
    public void Bad_codes_are_refused(string text)
    {
        Assert.False(ExitLocationText.TryParse(text, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Format_orders_by_priority()
    {
        Assert.Equal("AT|DE,FR", ExitLocationText.Format([new UiCountryGroup(["DE", "FR"], 2), new UiCountryGroup(["AT"], 1)]));
    }
}
