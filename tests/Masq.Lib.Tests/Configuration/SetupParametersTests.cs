using Masq.Lib.Configuration;

namespace Masq.Lib.Tests.Configuration;

public sealed class SetupParametersTests
{
    [Fact]
    public void The_schema_has_every_parameter_of_the_spec_plus_proxy_port_sorted_by_name()
    {
        Assert.Equal(
            [
                "allow-loopback-targets", "blockchain-service-url", "chain", "clandestine-port", "config-file", "consuming-private-key", "crash-point",
                "data-directory", "db-password", "dns-servers", "earning-wallet", "fake-public-key", "gas-price", "ip",
                "log-level", "mapping-protocol", "min-hops", "neighborhood-mode", "neighbors", "new-public-key",
                "payment-thresholds", "proxy-port", "rate-pack", "real-user", "scan-intervals", "scans", "socks-port", "ui-port",
            ],
            SetupParameters.All.Select(p => p.Name));
    }

    [Fact]
    public void Only_db_password_and_consuming_private_key_are_secret()
    {
        Assert.Equal(["consuming-private-key", "db-password"], SetupParameters.All.Where(p => p.IsSecret).Select(p => p.Name));
    }

    [Fact]
    public void Only_crash_point_and_fake_public_key_are_hidden()
    {
        Assert.Equal(["crash-point", "fake-public-key"], SetupParameters.All.Where(p => p.IsHidden).Select(p => p.Name));
    }

    [Fact]
    public void Fake_public_key_and_ui_port_are_node_options_but_not_setup_parameters()
    {
        Assert.Equal(["fake-public-key", "ui-port"], SetupParameters.All.Where(p => !p.IsSetupParameter).Select(p => p.Name));
        Assert.Equal(SetupParameters.All.Count - 2, SetupParameters.SetupOnly.Count);
        Assert.DoesNotContain(SetupParameters.SetupOnly, p => p.Name == "ui-port");
    }

    [Theory]
    [InlineData("clandestine-port", "MASQ_CLANDESTINE_PORT")]
    [InlineData("blockchain-service-url", "MASQ_BLOCKCHAIN_SERVICE_URL")]
    [InlineData("ip", "MASQ_IP")]
    [InlineData("config-file", "MASQ_CONFIG_FILE")]
    public void The_environment_variable_is_MASQ_and_the_upper_case_name_with_underscores(string name, string variable) =>
        Assert.Equal(variable, SetupParameters.Get(name).EnvironmentVariable);

    [Theory]
    [InlineData("chain", "base-mainnet")]
    [InlineData("allow-loopback-targets", "off")]
    [InlineData("config-file", "config.toml")]
    [InlineData("gas-price", "1")]
    [InlineData("log-level", "warn")]
    [InlineData("min-hops", "3")]
    [InlineData("neighborhood-mode", "standard")]
    [InlineData("payment-thresholds", "1000000000|1200|1200|500000000|21600|500000000")]
    [InlineData("proxy-port", "8118")]
    [InlineData("rate-pack", "53844|53844|107688|107688")]
    [InlineData("scan-intervals", "600|600|600")]
    [InlineData("scans", "on")]
    [InlineData("socks-port", "0")]
    [InlineData("ui-port", "5333")]
    public void Built_in_defaults(string name, string value) => Assert.Equal(value, SetupParameters.Get(name).DefaultValue);

    [Theory]
    [InlineData("blockchain-service-url")]
    [InlineData("clandestine-port")]
    [InlineData("consuming-private-key")]
    [InlineData("crash-point")]
    [InlineData("data-directory")]
    [InlineData("db-password")]
    [InlineData("dns-servers")]
    [InlineData("earning-wallet")]
    [InlineData("ip")]
    [InlineData("mapping-protocol")]
    [InlineData("neighbors")]
    [InlineData("real-user")]
    public void Parameters_without_a_built_in_default(string name) => Assert.Null(SetupParameters.Get(name).DefaultValue);

    [Theory]
    // name, zero-hop, originate-only, consume-only, standard
    [InlineData("blockchain-service-url", false, true, true, true)]
    [InlineData("chain", true, true, true, true)]
    [InlineData("clandestine-port", false, false, false, true)]
    [InlineData("config-file", false, false, false, false)]
    [InlineData("consuming-private-key", false, false, false, false)]
    [InlineData("crash-point", false, false, false, false)]
    [InlineData("data-directory", true, true, true, true)]
    [InlineData("db-password", false, true, true, true)]
    [InlineData("dns-servers", true, true, false, true)]
    [InlineData("earning-wallet", false, false, false, false)]
    [InlineData("gas-price", false, true, true, true)]
    [InlineData("ip", false, false, false, false)]
    [InlineData("log-level", true, true, true, true)]
    [InlineData("mapping-protocol", false, false, false, false)]
    [InlineData("min-hops", false, false, false, false)]
    [InlineData("neighborhood-mode", true, true, true, true)]
    [InlineData("neighbors", false, true, true, false)]
    [InlineData("new-public-key", false, false, false, false)]
    [InlineData("payment-thresholds", true, true, true, true)]
    [InlineData("proxy-port", false, false, false, false)]
    [InlineData("rate-pack", false, true, false, true)]
    [InlineData("real-user", false, false, false, false)]
    [InlineData("scan-intervals", true, true, true, true)]
    [InlineData("scans", false, false, false, false)]
    public void The_Req_rule_per_mode(string name, bool zeroHop, bool originateOnly, bool consumeOnly, bool standard)
    {
        var parameter = SetupParameters.Get(name);
        Assert.Equal(zeroHop, parameter.IsRequiredIn(NeighborhoodMode.ZeroHop));
        Assert.Equal(originateOnly, parameter.IsRequiredIn(NeighborhoodMode.OriginateOnly));
        Assert.Equal(consumeOnly, parameter.IsRequiredIn(NeighborhoodMode.ConsumeOnly));
        Assert.Equal(standard, parameter.IsRequiredIn(NeighborhoodMode.Standard));
    }

    [Fact]
    public void A_test_hook_lifts_the_blockchain_service_requirement()
    {
        var url = SetupParameters.Get("blockchain-service-url");
        Assert.True(url.IsRequiredIn(NeighborhoodMode.Standard, testHookActive: false));
        Assert.False(url.IsRequiredIn(NeighborhoodMode.Standard, testHookActive: true));
        Assert.True(SetupParameters.Get("chain").IsRequiredIn(NeighborhoodMode.Standard, testHookActive: true));
    }

    [Fact]
    public void Every_parameter_has_help_text_and_a_valid_built_in_default()
    {
        foreach (var parameter in SetupParameters.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(parameter.Description), parameter.Name);
            Assert.False(string.IsNullOrWhiteSpace(parameter.ValueFormat), parameter.Name);
            Assert.False(string.IsNullOrWhiteSpace(parameter.DefaultDescription), parameter.Name);
            if (parameter.DefaultValue is { } value)
            {
                Assert.True(parameter.TryValidate(value, out var reason), $"{parameter.Name}: {reason}");
            }
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1025")]
    [InlineData("8118")]
    [InlineData("65535")]
    public void Proxy_port_accepts_zero_or_a_port(string value) => Assert.True(SetupParameters.Get("proxy-port").TryValidate(value, out _));

    [Theory]
    [InlineData("0")]
    [InlineData("1080")]
    [InlineData("65535")]
    public void Socks_port_accepts_zero_or_a_port(string value) => Assert.True(SetupParameters.Get("socks-port").TryValidate(value, out _));

    [Theory]
    [InlineData("1024")]
    [InlineData("65536")]
    [InlineData("on")]
    public void Socks_port_rejects_anything_else(string value) => Assert.False(SetupParameters.Get("socks-port").TryValidate(value, out _));

    [Theory]
    [InlineData("1")]
    [InlineData("1024")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("80 ")]
    [InlineData("off")]
    public void Proxy_port_rejects_anything_else(string value)
    {
        Assert.False(SetupParameters.Get("proxy-port").TryValidate(value, out var reason));
        Assert.Equal($"Invalid value '{value}': must be 0 (off) or a port from 1025 to 65535", reason);
    }

    [Theory]
    [InlineData("blockchain-service-url", "ftp://x.org", "Invalid value 'ftp://x.org': must be an http:// or https:// URL, such as https://mainnet.base.org")]
    [InlineData("chain", "moon", "Invalid value: Chain 'moon' is not valid; possible values are: polygon-mainnet, eth-mainnet, base-mainnet, base-sepolia, polygon-amoy, eth-ropsten")]
    [InlineData("clandestine-port", "1024", "Invalid value '1024': must be a whole number from 1025 to 65535")]
    [InlineData("crash-point", "boom", "Invalid value 'boom': must be one of none, panic, error, message")]
    [InlineData("dns-servers", "1.1.1.1,one", "Invalid value '1.1.1.1,one': 'one' is not an IP address; give comma-separated IP addresses such as 1.1.1.1,8.8.8.8")]
    [InlineData("earning-wallet", "0x12", "Invalid value '0x12': a wallet address is '0x' followed by 40 hexadecimal digits")]
    [InlineData("gas-price", "0", "Invalid value '0': must be a whole number from 1 to 18446744073709551615")]
    [InlineData("ip", "1.2.3", "Invalid value '1.2.3': must be an IPv4 address such as 1.2.3.4")]
    [InlineData("ip", "::1", "Invalid value '::1': node descriptors can only carry IPv4 addresses")]
    [InlineData("log-level", "loud", "Invalid value 'loud': must be one of off, error, warn, info, debug, trace")]
    [InlineData("mapping-protocol", "none", "Invalid value 'none': must be one of pcp, pmp, igdp")]
    [InlineData("min-hops", "7", "Invalid value '7': must be a whole number from 1 to 6")]
    [InlineData("min-hops", "0", "Invalid value '0': must be a whole number from 1 to 6")]
    [InlineData("neighborhood-mode", "zero_hop", "Invalid value 'zero_hop': must be one of zero-hop, originate-only, consume-only, standard")]
    [InlineData("new-public-key", "yes", "Invalid value 'yes': must be one of on, off")]
    [InlineData("rate-pack", "1|2|3", "Invalid value '1|2|3': must be 4 whole numbers separated by '|' (routingByte|routingService|exitByte|exitService), not 3")]
    [InlineData("real-user", "root:0:/root", "Invalid value 'root:0:/root': must be uid:gid:home, where uid and gid are numbers and any part may be empty")]
    [InlineData("scans", "true", "Invalid value 'true': must be one of on, off")]
    [InlineData("config-file", "", "Invalid value: must not be empty")]
    public void Each_format_error_has_a_precise_reason(string name, string value, string reason)
    {
        Assert.False(SetupParameters.Get(name).TryValidate(value, out var actual));
        Assert.Equal(reason, actual);
    }

    [Fact]
    public void Secret_values_are_never_repeated_in_errors()
    {
        const string badKey = "not-a-key-but-a-secret";
        Assert.False(SetupParameters.Get("consuming-private-key").TryValidate(badKey, out var reason));
        Assert.DoesNotContain(badKey, reason, StringComparison.Ordinal);
        Assert.True(SetupParameters.Get("db-password").TryValidate("any text at all", out _));
    }

    [Fact]
    public void Neighbors_are_checked_descriptor_by_descriptor()
    {
        var neighbors = SetupParameters.Get("neighbors");
        var good = TestSupport.Descriptors.Text("base-mainnet", 1, "1.2.3.4:1234");
        Assert.True(neighbors.TryValidate(good + " , " + TestSupport.Descriptors.Text("base-mainnet", 2, "1.2.3.5:1234"), out _));
        Assert.False(neighbors.TryValidate(good + ",masq://nope", out var reason));
        Assert.Contains("masq://nope", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_names_are_not_found()
    {
        Assert.False(SetupParameters.TryGet("clandestine_port", out _));
        Assert.False(SetupParameters.TryGet(null, out _));
        Assert.Throws<ArgumentException>(() => SetupParameters.Get("nope"));
    }
}
