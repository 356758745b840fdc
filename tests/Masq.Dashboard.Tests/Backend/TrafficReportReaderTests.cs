using Masq.Dashboard.Backend;

namespace Masq.Dashboard.Tests.Backend;

public sealed class TrafficReportReaderTests
{
    [Fact]
    public void Reads_cumulative_counters()
    {
        const string json = """{"consumed":{"bytesIn":1,"bytesOut":2},"routed":{"bytesIn":3,"bytesOut":4},"exit":{"bytesIn":5,"bytesOut":18446744073709551615}}""";

        Assert.True(TrafficReportReader.TryRead(json, out var report));
        Assert.Equal(1UL, report.Consumed.BytesIn);
        Assert.Equal(4UL, report.Routed.BytesOut);
        Assert.Equal(ulong.MaxValue, report.Exit.BytesOut);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"consumed":{"bytesIn":-1,"bytesOut":2},"routed":{"bytesIn":3,"bytesOut":4},"exit":{"bytesIn":5,"bytesOut":6}}""")]
    [InlineData("""{"consumed":{"bytesIn":"1","bytesOut":2},"routed":{"bytesIn":3,"bytesOut":4},"exit":{"bytesIn":5,"bytesOut":6}}""")]
    [InlineData("""{"consumed":{"bytesIn":1,"bytesOut":2},"routed":{"bytesIn":3,"bytesOut":4}}""")]
    [InlineData("{\"consumed\":")]
    public void Anything_else_is_ignored_without_throwing(string? json) => Assert.False(TrafficReportReader.TryRead(json, out _));
}
