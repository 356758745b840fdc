using Masq.Lib.Configuration;
using Masq.Lib.Tests.TestSupport;

namespace Masq.Lib.Tests.Configuration;

public sealed class NodeSettingsBuilderTests
{
    private static readonly string Neighbor = Descriptors.Text("base-mainnet", 1, "1.2.3.4:1234");

    [Theory]
    [InlineData("originate-only")]
    [InlineData("consume-only")]
    public void Modes_that_only_open_connections_need_neighbors(string mode)
    {
        var errors = Errors(("neighborhood-mode", mode, ValueSource.CommandLine));
        Assert.Equal(new ConfigurationError("neighbors", $"Node cannot run as --neighborhood-mode {mode} without --neighbors specified"), Assert.Single(errors));
        Assert.Empty(Errors(enforceRequired: false, ("neighborhood-mode", mode, ValueSource.CommandLine)));
        Assert.Empty(Errors(("neighborhood-mode", mode, ValueSource.CommandLine), ("neighbors", Neighbor, ValueSource.CommandLine)));
    }

    [Fact]
    public void Consume_only_refuses_given_dns_servers_but_not_a_default()
    {
        var given = Errors(("neighborhood-mode", "consume-only", ValueSource.CommandLine), ("neighbors", Neighbor, ValueSource.CommandLine),
            ("dns-servers", "1.1.1.1", ValueSource.Environment));
        Assert.Equal("dns-servers", Assert.Single(given).Parameter);
        Assert.StartsWith("Node cannot run as --neighborhood-mode consume-only if --dns-servers is specified", given[0].Reason, StringComparison.Ordinal);

        Assert.Empty(Errors(("neighborhood-mode", "consume-only", ValueSource.CommandLine), ("neighbors", Neighbor, ValueSource.CommandLine),
            ("dns-servers", "1.1.1.1", ValueSource.Default)));
    }

    [Fact]
    public void Zero_hop_refuses_an_ip()
    {
        var errors = Errors(("neighborhood-mode", "zero-hop", ValueSource.CommandLine), ("ip", "1.2.3.4", ValueSource.ConfigFile));
        Assert.Equal("ip", Assert.Single(errors).Parameter);
        Assert.StartsWith("Node cannot run as --neighborhood-mode zero-hop if --ip is specified", errors[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_hop_neighbors_need_a_db_password()
    {
        var errors = Errors(("neighborhood-mode", "zero-hop", ValueSource.CommandLine), ("neighbors", Neighbor, ValueSource.CommandLine));
        Assert.Equal(new ConfigurationError("neighbors", "A zero-hop Node only saves --neighbors as past neighbors, which needs --db-password"), Assert.Single(errors));
        Assert.Empty(Errors(("neighborhood-mode", "zero-hop", ValueSource.CommandLine), ("neighbors", Neighbor, ValueSource.CommandLine), ("db-password", "pw", ValueSource.CommandLine)));
        Assert.Empty(Errors(("neighborhood-mode", "zero-hop", ValueSource.CommandLine), ("neighbors", Neighbor, ValueSource.Database)));
    }

    [Fact]
    public void A_neighbor_of_another_chain_is_a_mismatch()
    {
        var other = Descriptors.Text("base-sepolia", 1, "1.2.3.4:1234");
        var error = Assert.Single(Errors(("neighbors", other, ValueSource.CommandLine)));
        Assert.Equal(new ConfigurationError("neighbors", $"Mismatched chains: neighbor '{other}' is on base-sepolia, but this Node is on base-mainnet"), error);
    }

    [Theory]
    [InlineData(":")]
    [InlineData("1.2.3.4:")]
    public void A_neighbor_without_ip_and_port_is_refused(string address)
    {
        var text = Descriptors.Text("base-mainnet", 1, address);
        var error = Assert.Single(Errors(("neighbors", text, ValueSource.CommandLine)));
        Assert.Equal($"Neighbor '{text}' has no IP address and port; a first contact must be reachable (…@<ip>:<port>)", error.Reason);
    }

    [Fact]
    public void Every_bad_neighbor_is_reported_and_duplicates_are_dropped()
    {
        var errors = Errors(("neighbors", $"{Neighbor}, masq://x, {Neighbor},{Descriptors.Text("dev", 2, ":")}", ValueSource.CommandLine));
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("neighbors", e.Parameter));

        var settings = Build(("neighbors", $"{Neighbor}, {Neighbor}", ValueSource.CommandLine)).Settings!;
        Assert.Single(settings.Neighbors);
    }

    [Fact]
    public void A_start_up_wallet_must_equal_the_stored_one()
    {
        var stored = TestHosts.Env(("earning-wallet", "0xabcdefabcdefabcdefabcdefabcdefabcdefabcd"), ("consuming-private-key", new string('a', 64)));
        Assert.Empty(Errors(stored, true, ("earning-wallet", "0xABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD", ValueSource.CommandLine),
            ("consuming-private-key", new string('A', 64), ValueSource.CommandLine)));

        var otherKey = new string('b', 64);
        var errors = Errors(stored, true, ("earning-wallet", "0x1111111111111111111111111111111111111111", ValueSource.CommandLine),
            ("consuming-private-key", otherKey, ValueSource.CommandLine));
        Assert.Equal(["earning-wallet", "consuming-private-key"], errors.Select(e => e.Parameter));
        Assert.Contains("the database already holds earning wallet 0xabcdefabcdefabcdefabcdefabcdefabcdefabcd", errors[0].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(otherKey, errors[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_database_must_be_for_the_same_chain()
    {
        var error = Assert.Single(Errors(TestHosts.Env(("chain", "polygon-amoy")), true));
        Assert.Equal(new ConfigurationError("chain", "The database in /data is for chain polygon-amoy, not base-mainnet"), error);
    }

    [Fact]
    public void The_blockchain_service_is_required_unless_zero_hop_or_a_test_hook()
    {
        var values = new List<(string, string, ValueSource)> { ("data-directory", "/data", ValueSource.Default) };
        var missing = NodeSettingsBuilder.Build(Values(values), TestHosts.NoValues, enforceRequired: true);
        Assert.Equal("blockchain-service-url", Assert.Single(missing.Errors).Parameter);
        Assert.StartsWith("Required:", missing.Errors[0].Reason, StringComparison.Ordinal);

        foreach (var extra in new[] { ("neighborhood-mode", "zero-hop"), ("crash-point", "panic"), ("fake-public-key", "AAECAw") })
        {
            var withExtra = values.Append((extra.Item1, extra.Item2, ValueSource.CommandLine)).ToList();
            Assert.Empty(NodeSettingsBuilder.Build(Values(withExtra), TestHosts.NoValues, enforceRequired: true).Errors);
        }

        Assert.Empty(NodeSettingsBuilder.Build(Values(values), TestHosts.NoValues, enforceRequired: false).Errors);
    }

    [Fact]
    public void All_format_errors_are_collected_at_once()
    {
        var errors = Errors(("min-hops", "0", ValueSource.CommandLine), ("rate-pack", "1", ValueSource.Environment), ("ip", "x", ValueSource.ConfigFile),
            ("scans", "maybe", ValueSource.CommandLine), ("proxy-port", "80", ValueSource.CommandLine), ("chain", "moon", ValueSource.CommandLine));
        Assert.Equal(["chain", "ip", "min-hops", "rate-pack", "scans", "proxy-port"], errors.Select(e => e.Parameter));
    }

    [Fact]
    public void A_valid_configuration_becomes_typed_settings()
    {
        var s = Build(
            ("chain", "polygon-amoy", ValueSource.CommandLine),
            ("neighborhood-mode", "consume-only", ValueSource.CommandLine),
            ("neighbors", Descriptors.Text("polygon-amoy", 4, "1.2.3.4:1234/2345"), ValueSource.CommandLine),
            ("clandestine-port", "4321", ValueSource.Database),
            ("mapping-protocol", "pmp", ValueSource.Database),
            ("crash-point", "message", ValueSource.CommandLine),
            ("new-public-key", "on", ValueSource.CommandLine),
            ("proxy-port", "0", ValueSource.CommandLine),
            ("real-user", "1000:1001:/home/b", ValueSource.CommandLine),
            ("consuming-private-key", new string('c', 64), ValueSource.CommandLine),
            ("db-password", "secret password", ValueSource.CommandLine)).Settings!;

        Assert.Same(Masq.Lib.Blockchains.Chain.PolygonAmoy, s.Chain);
        Assert.Equal(NeighborhoodMode.ConsumeOnly, s.NeighborhoodMode);
        Assert.Equal([1234, 2345], s.Neighbors[0].NodeAddr!.Ports.ToArray());
        Assert.Equal(4321, s.ClandestinePort);
        Assert.Equal(MappingProtocol.Pmp, s.MappingProtocol);
        Assert.Equal(CrashPoint.Message, s.CrashPoint);
        Assert.True(s.NewPublicKey);
        Assert.Equal(0, s.ProxyPort);
        Assert.Equal(new RealUser(1000, 1001, "/home/b"), s.RealUser);
        Assert.Equal(RatePack.Zero, s.EffectiveRatePack);
        Assert.Equal(RatePack.Default, s.RatePack);
        Assert.DoesNotContain("secret password", s.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(new string('c', 64), s.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Random_values_for_random_parameters_give_settings_or_errors_never_exceptions()
    {
        var random = new Random(31337);
        var samples = new[]
        {
            "", " ", "0", "1", "-1", "1025", "65536", "on", "off", "zero-hop", "consume-only", "originate-only", "standard", "dev",
            "base-mainnet", "1|2|3", "1|2|3|4", "10|1|1|5|100|1", "::", "1:2:/x", "1.2.3.4", "::1", "https://x.org", "~/x", "/x",
            Neighbor, Descriptors.Text("dev", 3, ":"), "masq://", "0xabcdefabcdefabcdefabcdefabcdefabcdefabcd", new string('f', 64), "\0",
        };
        for (var i = 0; i < 3_000; i++)
        {
            var values = new Dictionary<string, ResolvedValue>(StringComparer.Ordinal);
            for (var n = random.Next(12); n > 0; n--)
            {
                var parameter = SetupParameters.All[random.Next(SetupParameters.All.Count)];
                values[parameter.Name] = new ResolvedValue(samples[random.Next(samples.Length)], (ValueSource)random.Next(5));
            }

            var result = NodeSettingsBuilder.Build(values, TestHosts.NoValues, enforceRequired: random.Next(2) == 0);
            Assert.True(result.IsValid ^ (result.Errors.Count > 0));
        }
    }

    private static NodeSettingsResult Build(params (string Name, string Value, ValueSource Source)[] values) =>
        NodeSettingsBuilder.Build(Values(values.Append(("blockchain-service-url", "https://x.org", ValueSource.CommandLine))), TestHosts.NoValues, true);

    private static IReadOnlyList<ConfigurationError> Errors(params (string Name, string Value, ValueSource Source)[] values) =>
        Errors(TestHosts.NoValues, true, values);

    private static IReadOnlyList<ConfigurationError> Errors(bool enforceRequired, params (string Name, string Value, ValueSource Source)[] values) =>
        Errors(TestHosts.NoValues, enforceRequired, values);

    private static IReadOnlyList<ConfigurationError> Errors(
        IReadOnlyDictionary<string, string> stored, bool enforceRequired, params (string Name, string Value, ValueSource Source)[] values) =>
        NodeSettingsBuilder.Build(Values(values.Append(("blockchain-service-url", "https://x.org", ValueSource.CommandLine))), stored, enforceRequired).Errors;

    private static Dictionary<string, ResolvedValue> Values(IEnumerable<(string Name, string Value, ValueSource Source)> values)
    {
        var result = new Dictionary<string, ResolvedValue>(StringComparer.Ordinal) { ["data-directory"] = new("/data", ValueSource.Default) };
        foreach (var (name, value, source) in values)
        {
            result[name] = new ResolvedValue(value, source);
        }

        return result;
    }
}
