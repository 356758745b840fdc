using System.Net;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Node.Neighborhood.Records;

namespace Masq.Node.Tests.Neighborhood.Records;

public sealed class RecordUpdateRuleTests
{
    private static readonly NodeAddr Addr = new(IPAddress.Parse("1.2.3.4"), [5000]);
    private static readonly NodeRecordInner Stored = RecordSamples.Inner(RecordSamples.Key(1), version: 5);

    [Fact]
    public void Strictly_newer_record_replaces()
    {
        Assert.Equal(RecordUpdateVerdict.Replace, Check(RecordSamples.Inner(RecordSamples.Key(1), version: 6), Addr, Addr));
    }

    [Theory]
    [InlineData(5u)]
    [InlineData(4u)]
    [InlineData(0u)]
    public void Same_or_lower_version_is_not_newer(uint version)
    {
        Assert.Equal(RecordUpdateVerdict.NotNewer, Check(RecordSamples.Inner(RecordSamples.Key(1), version: version), Addr, Addr));
    }

    [Fact]
    public void Changed_rate_pack_is_refused()
    {
        var incoming = RecordSamples.Inner(RecordSamples.Key(1), version: 6, ratePack: RatePack.Zero);

        Assert.Equal(RecordUpdateVerdict.RatePackChanged, Check(incoming, Addr, Addr));
    }

    [Fact]
    public void Changed_public_key_is_refused()
    {
        Assert.Equal(RecordUpdateVerdict.PublicKeyChanged, Check(RecordSamples.Inner(RecordSamples.Key(2), version: 6), Addr, Addr));
    }

    [Fact]
    public void Known_node_addr_may_not_change_but_unknown_may_be_filled_or_withheld()
    {
        var newer = RecordSamples.Inner(RecordSamples.Key(1), version: 6);
        var moved = new NodeAddr(IPAddress.Parse("1.2.3.5"), [5000]);
        var otherPort = new NodeAddr(IPAddress.Parse("1.2.3.4"), [5001]);

        Assert.Equal(RecordUpdateVerdict.NodeAddrChanged, Check(newer, Addr, moved));
        Assert.Equal(RecordUpdateVerdict.NodeAddrChanged, Check(newer, Addr, otherPort));
        Assert.Equal(RecordUpdateVerdict.Replace, Check(newer, null, moved));
        Assert.Equal(RecordUpdateVerdict.Replace, Check(newer, Addr, null));
    }

    private static RecordUpdateVerdict Check(NodeRecordInner incoming, NodeAddr? storedAddr, NodeAddr? incomingAddr) =>
        RecordUpdateRule.Check(Stored, storedAddr, incoming, incomingAddr);
}
