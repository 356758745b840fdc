using System.Net;
using Masq.Lib.Configuration;
using Masq.Lib.Tests.TestSupport;

namespace Masq.Lib.Tests.Configuration;

public sealed class ValueTypesTests
{
    [Fact]
    public void Rate_pack_round_trips_in_spec_order()
    {
        Assert.True(RatePack.TryParse("1|2|3|4", out var pack, out _));
        Assert.Equal(new RatePack(1, 2, 3, 4), pack);
        Assert.Equal("1|2|3|4", pack.ToString());
        Assert.Equal("53844|53844|107688|107688", RatePack.Default.ToString());
        Assert.Equal(new RatePack(0, 0, 0, 0), RatePack.Zero);
    }

    [Theory]
    [InlineData("1|2|3|4|5", "must be 4 whole numbers separated by '|' (routingByte|routingService|exitByte|exitService), not 5")]
    [InlineData("", "not 1")]
    [InlineData("1|2|x|4", "exitByte 'x' must be a whole number from 0 to 18446744073709551615")]
    [InlineData("1|2|-3|4", "exitByte '-3' must be a whole number")]
    [InlineData("1|2|3|18446744073709551616", "exitService '18446744073709551616' must be a whole number")]
    public void Rate_pack_errors(string text, string fragment)
    {
        Assert.False(RatePack.TryParse(text, out var pack, out var error));
        Assert.Null(pack);
        Assert.StartsWith($"Invalid value '{text}': ", error, StringComparison.Ordinal);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Payment_thresholds_parse_in_the_order_of_the_spec_string()
    {
        Assert.True(PaymentThresholds.TryParse("1000000000|1200|1300|500000000|21600|400000000", out var t, out _));
        Assert.Equal(1_000_000_000UL, t.DebtThresholdGwei);
        Assert.Equal(1_200UL, t.MaturityThresholdSec);
        Assert.Equal(1_300UL, t.PaymentGracePeriodSec);
        Assert.Equal(500_000_000UL, t.PermanentDebtAllowedGwei);
        Assert.Equal(21_600UL, t.ThresholdIntervalSec);
        Assert.Equal(400_000_000UL, t.UnbanBelowGwei);
        Assert.Equal("1000000000|1200|1300|500000000|21600|400000000", t.ToString());
        Assert.Equal("1000000000|1200|1200|500000000|21600|500000000", PaymentThresholds.Default.ToString());
    }

    [Theory]
    [InlineData("1|2|3|4|5", "Invalid value '1|2|3|4|5': must be 6 whole numbers separated by '|' (debtGwei|maturitySec|graceSec|permanentDebtGwei|intervalSec|unbanBelowGwei), not 5")]
    [InlineData("500|1200|1200|500|21600|1", "Invalid value '500|1200|1200|500|21600|1': the debt threshold (500 gwei) must be greater than the permanent debt allowed (500 gwei)")]
    [InlineData("1000|1200|1200|5|1000000001|1", "Invalid value '1000|1200|1200|5|1000000001|1': the threshold interval (1000000001 s) must be from 1 to 1000000000 seconds")]
    [InlineData("1000|1200|1200|5|0|1", "Invalid value '1000|1200|1200|5|0|1': the threshold interval (0 s) must be from 1 to 1000000000 seconds")]
    [InlineData("1|1200|1200|5|1000000001|1", "Invalid value '1|1200|1200|5|1000000001|1': the debt threshold (1 gwei) must be greater than the permanent debt allowed (5 gwei); the threshold interval (1000000001 s) must be from 1 to 1000000000 seconds")]
    [InlineData("1000|x|1200|5|6|1", "Invalid value '1000|x|1200|5|6|1': maturitySec 'x' must be a whole number from 0 to 18446744073709551615")]
    public void Payment_threshold_errors(string text, string expected)
    {
        Assert.False(PaymentThresholds.TryParse(text, out var t, out var error));
        Assert.Null(t);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void The_interval_limit_itself_is_allowed() =>
        Assert.True(PaymentThresholds.TryParse("1000|1|1|5|1000000000|1", out _, out _));

    [Fact]
    public void Scan_intervals_are_three_periods_in_seconds()
    {
        Assert.True(ScanIntervals.TryParse("60|120|180", out var s, out _));
        Assert.Equal(TimeSpan.FromMinutes(1), s.PendingPayable);
        Assert.Equal(TimeSpan.FromMinutes(2), s.Payable);
        Assert.Equal(TimeSpan.FromMinutes(3), s.Receivable);
        Assert.Equal("60|120|180", s.ToString());
    }

    [Theory]
    [InlineData("600|600", "Invalid value '600|600': must be 3 whole numbers separated by '|' (pendingPayableSec|payableSec|receivableSec), not 2")]
    [InlineData("600|0|600", "Invalid value '600|0|600': payableSec (0) must be from 1 to 4294967 seconds")]
    [InlineData("600|600|4294968", "Invalid value '600|600|4294968': receivableSec (4294968) must be from 1 to 4294967 seconds")]
    public void Scan_interval_errors(string text, string expected)
    {
        Assert.False(ScanIntervals.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("1000:1000:/home/booga", 1000u, 1000u, "/home/booga")]
    [InlineData("::", null, null, null)]
    [InlineData("5::", 5u, null, null)]
    [InlineData(":7:C:\\odd:path", null, 7u, "C:\\odd:path")]
    public void Real_user_parts_may_each_be_empty(string text, uint? uid, uint? gid, string? home)
    {
        Assert.True(RealUser.TryParse(text, out var user, out _));
        Assert.Equal(new RealUser(uid, gid, home), user);
        Assert.Equal(text, user.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1000:1000")]
    [InlineData("a:1:/x")]
    [InlineData("1:-1:/x")]
    [InlineData("99999999999:1:/x")]
    public void Real_user_needs_two_colons_and_numeric_ids(string text) => Assert.False(RealUser.TryParse(text, out _, out _));

    [Fact]
    public void Real_user_is_filled_from_sudo_variables_first()
    {
        var env = TestHosts.Env(("SUDO_UID", "1000"), ("SUDO_GID", "1001"), ("SUDO_USER", "booga"));
        Assert.Equal(new RealUser(1000, 1001, "/home/booga"), new RealUser(null, null, null).Populate(env, TestHosts.Linux()));
        Assert.Equal(new RealUser(7, 1001, "/x"), new RealUser(7, null, "/x").Populate(env, TestHosts.Linux()));
        var mac = TestHosts.Linux() with { Platform = HostPlatform.MacOs };
        Assert.Equal("/Users/booga", new RealUser(null, null, null).Populate(env, mac).HomeDirectory);
    }

    [Fact]
    public void Without_sudo_variables_the_real_user_is_the_current_process()
    {
        var user = new RealUser(null, null, null).Populate(TestHosts.NoValues, TestHosts.Linux());
        Assert.Equal(new RealUser(0, 0, "/root"), user);
    }

    [Theory]
    [InlineData("zero-hop", NeighborhoodMode.ZeroHop)]
    [InlineData("originate-only", NeighborhoodMode.OriginateOnly)]
    [InlineData("consume-only", NeighborhoodMode.ConsumeOnly)]
    [InlineData("standard", NeighborhoodMode.Standard)]
    [InlineData("Standard", NeighborhoodMode.Standard)]
    public void Neighborhood_modes(string text, NeighborhoodMode mode)
    {
        Assert.True(ValueFormats.TryParseNeighborhoodMode(text, out var parsed, out _));
        Assert.Equal(mode, parsed);
        Assert.Equal(text.ToLowerInvariant(), parsed.ToText());
    }

    [Fact]
    public void Log_levels_crash_points_and_mapping_protocols_round_trip()
    {
        foreach (var level in Enum.GetValues<NodeLogLevel>())
        {
            Assert.True(ValueFormats.TryParseLogLevel(level.ToText(), out var parsed, out _));
            Assert.Equal(level, parsed);
        }

        foreach (var point in Enum.GetValues<CrashPoint>())
        {
            Assert.True(ValueFormats.TryParseCrashPoint(point.ToText(), out var parsed, out _));
            Assert.Equal(point, parsed);
        }

        foreach (var protocol in Enum.GetValues<MappingProtocol>())
        {
            Assert.True(ValueFormats.TryParseMappingProtocol(protocol.ToText(), out var parsed, out _));
            Assert.Equal(protocol, parsed);
        }

        Assert.Equal(["off", "error", "warn", "info", "debug", "trace"], Enum.GetValues<NodeLogLevel>().Select(l => l.ToText()));
    }

    [Fact]
    public void Dns_servers_are_trimmed_de_duplicated_and_may_be_ipv6()
    {
        Assert.True(ValueFormats.TryParseDnsServers(" 1.1.1.1 , 2606:4700::1111,1.1.1.1", out var servers, out _));
        Assert.Equal([IPAddress.Parse("1.1.1.1"), IPAddress.Parse("2606:4700::1111")], servers);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.1.1.1,")]
    [InlineData("1")]
    [InlineData("1.1.1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("[::1]")]
    public void Dns_servers_reject_lenient_forms(string text) => Assert.False(ValueFormats.TryParseDnsServers(text, out _, out _));

    [Theory]
    [InlineData("https://mainnet.base.org", true)]
    [InlineData("http://127.0.0.1:8545", true)]
    [InlineData("wss://mainnet.base.org", false)]
    [InlineData("mainnet.base.org", false)]
    [InlineData("/just/a/path", false)]
    public void Blockchain_service_url(string text, bool ok) => Assert.Equal(ok, ValueFormats.TryParseServiceUrl(text, out _, out _));
}
