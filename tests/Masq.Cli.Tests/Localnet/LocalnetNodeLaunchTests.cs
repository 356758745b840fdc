using Masq.Cli.Localnet;

namespace Masq.Cli.Tests.Localnet;

public sealed class LocalnetNodeLaunchTests
{
    private static readonly LocalnetNodeSecrets Secrets = new("pw", new string('a', 64));

    [Fact]
    public void The_first_Node_gets_its_own_address_ports_and_directory_and_no_neighbors()
    {
        var options = LocalnetPlannerTests.Options(3);
        var node = LocalnetPlanner.Plan(options, (_, _) => true)[0];

        var launch = LocalnetNodeLaunch.For(options, node, [], Secrets);

        Assert.Equal(
            [
                "--neighborhood-mode", "standard", "--ip", "127.0.0.2", "--clandestine-port", "20000", "--ui-port", "20001",
                "--proxy-port", "20002", "--data-directory", "/tmp/ln/node-1", "--chain", "dev", "--min-hops", "3",
                "--log-level", "info", "--blockchain-service-url", "http://127.0.0.1:8545",
                "--earning-wallet", LocalnetNodeLaunch.EarningWallet(Secrets), "--scans", "off",
            ],
            launch.Arguments);
        Assert.DoesNotContain("--neighbors", launch.Arguments);
    }

    [Fact]
    public void Each_Node_earns_into_its_own_wallet_that_stays_the_same_across_runs()
    {
        var other = LocalnetNodeSecrets.New();

        Assert.Matches("^0x[0-9a-f]{40}$", LocalnetNodeLaunch.EarningWallet(Secrets));
        Assert.Equal(LocalnetNodeLaunch.EarningWallet(Secrets), LocalnetNodeLaunch.EarningWallet(Secrets with { }));
        Assert.NotEqual(LocalnetNodeLaunch.EarningWallet(Secrets), LocalnetNodeLaunch.EarningWallet(other));
    }

    [Fact]
    public void A_later_Node_gets_its_neighbors_descriptors_comma_separated()
    {
        var options = LocalnetPlannerTests.Options(3);
        var node = LocalnetPlanner.Plan(options, (_, _) => true)[2];

        var launch = LocalnetNodeLaunch.For(options, node, ["masq://dev:AAA@127.0.0.2:20000", "masq://dev:BBB@127.0.0.3:20003"], Secrets);

        var at = launch.Arguments.ToList().IndexOf("--neighbors");
        Assert.Equal("masq://dev:AAA@127.0.0.2:20000,masq://dev:BBB@127.0.0.3:20003", launch.Arguments[at + 1]);
        Assert.Equal("127.0.0.4", launch.Arguments[launch.Arguments.ToList().IndexOf("--ip") + 1]);
    }

    [Fact]
    public void Secrets_go_through_the_environment_never_the_command_line()
    {
        var options = LocalnetPlannerTests.Options(1);
        var node = LocalnetPlanner.Plan(options, (_, _) => true)[0];

        var launch = LocalnetNodeLaunch.For(options, node, [], Secrets);

        Assert.Equal("pw", launch.Environment["MASQ_DB_PASSWORD"]);
        Assert.Equal(new string('a', 64), launch.Environment["MASQ_CONSUMING_PRIVATE_KEY"]);
        Assert.False(launch.Environment.ContainsKey("MASQ_INTEGRATION_TEST"));
        Assert.DoesNotContain("--allow-loopback-targets", launch.Arguments);
        Assert.DoesNotContain(launch.Arguments, a => a.Contains("pw", StringComparison.Ordinal) && a.Length == 2);
        Assert.DoesNotContain(new string('a', 64), launch.Arguments);
        Assert.DoesNotContain("--db-password", launch.Arguments);
    }

    [Fact]
    public void Options_pass_through_and_a_real_blockchain_service_keeps_scans_on()
    {
        var options = LocalnetPlannerTests.Options(1) with
        {
            Chain = "base-sepolia",
            MinHops = 1,
            DnsServers = "9.9.9.9",
            AllowLoopbackTargets = true,
            LogLevel = "trace",
            BlockchainServiceUrl = "https://sepolia.base.org",
        };
        var node = LocalnetPlanner.Plan(options, (_, _) => true)[0];

        var launch = LocalnetNodeLaunch.For(options, node, [], Secrets);

        string ValueOf(string name) => launch.Arguments[launch.Arguments.ToList().IndexOf(name) + 1];
        Assert.Equal("base-sepolia", ValueOf("--chain"));
        Assert.Equal("1", ValueOf("--min-hops"));
        Assert.Equal("9.9.9.9", ValueOf("--dns-servers"));
        Assert.Equal("trace", ValueOf("--log-level"));
        Assert.Equal("https://sepolia.base.org", ValueOf("--blockchain-service-url"));
        Assert.DoesNotContain("--scans", launch.Arguments);
        Assert.Equal("on", ValueOf("--allow-loopback-targets"));
    }

    [Fact]
    public void Generated_secrets_are_fresh_and_the_key_is_a_valid_secp256k1_key()
    {
        var a = LocalnetNodeSecrets.New();
        var b = LocalnetNodeSecrets.New();

        Assert.NotEqual(a.DbPassword, b.DbPassword);
        Assert.NotEqual(a.ConsumingPrivateKey, b.ConsumingPrivateKey);
        Assert.True(Masq.Lib.Blockchains.PrivateKeyFormat.IsValid(a.ConsumingPrivateKey));
        Assert.True(LocalnetSecrets.IsValidPrivateKey(Convert.FromHexString(a.ConsumingPrivateKey)));
        Assert.False(LocalnetSecrets.IsValidPrivateKey(new byte[32]));
        Assert.False(LocalnetSecrets.IsValidPrivateKey(Convert.FromHexString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141")));
    }
}
