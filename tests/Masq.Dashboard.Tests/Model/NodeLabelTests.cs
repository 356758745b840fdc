using Masq.Dashboard.Model.Graph;

namespace Masq.Dashboard.Tests.Model;

public sealed class NodeLabelTests
{
    [Fact]
    public void Reads_flags_version_country_key_and_address()
    {
        var label = NodeLabel.Parse("aR v12 DE\\nAQIDBAUG\\n1.2.3.4:1234/5678", "AQIDBAUGBwgJ");

        Assert.False(label.AcceptsConnections);
        Assert.True(label.RoutesData);
        Assert.Equal("12", label.Version);
        Assert.Equal("DE", label.Country);
        Assert.Equal("AQIDBAUG", label.ShortKey);
        Assert.Equal("1.2.3.4:1234/5678", label.Address);
        Assert.Equal("aR", label.FlagsText);
    }

    [Fact]
    public void Unknown_country_is_kept_and_missing_address_is_null()
    {
        var label = NodeLabel.Parse("Ar v0 ZZ\\nKEY\\n:", "KEY");

        Assert.Equal("ZZ", label.Country);
        Assert.Null(label.Address);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("something else\\nsecond")]
    public void Other_labels_keep_their_text(string? text)
    {
        var label = NodeLabel.Parse(text, "ABCDEFGHIJ");

        Assert.Null(label.AcceptsConnections);
        Assert.NotEmpty(label.Lines);
        Assert.Equal("ABCDEFGH", label.ShortKey);
    }
}
