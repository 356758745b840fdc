using Masq.Lib.Configuration;
using Masq.Lib.Tests.TestSupport;

namespace Masq.Lib.Tests.Configuration;

public sealed class CommandLineAndEnvironmentTests
{
    [Fact]
    public void Name_value_pairs_are_read()
    {
        var result = CommandLineSource.Parse(["--clandestine-port", "1234", "--log-level=debug", "--db-password=--odd--"]);
        Assert.Empty(result.Errors);
        Assert.Equal("1234", result.Values["clandestine-port"]);
        Assert.Equal("debug", result.Values["log-level"]);
        Assert.Equal("--odd--", result.Values["db-password"]);
    }

    [Fact]
    public void Every_problem_is_reported()
    {
        var result = CommandLineSource.Parse(["--booga", "1", "stray", "--ip", "--log-level", "info", "--log-level", "warn", "--", "--chain"]);
        Assert.Equal(
            [
                new ConfigurationError("booga", "Unknown parameter '--booga'"),
                new ConfigurationError("stray", "Unexpected argument 'stray'; arguments are --name value pairs"),
                new ConfigurationError("ip", "Missing value for '--ip'"),
                new ConfigurationError("log-level", "'--log-level' is given more than once"),
                new ConfigurationError("--", "Unexpected argument '--'; arguments are --name value pairs"),
                new ConfigurationError("chain", "Missing value for '--chain'"),
            ],
            result.Errors);
        Assert.Equal("info", result.Values["log-level"]);
    }

    [Fact]
    public void Random_command_lines_never_throw()
    {
        var random = new Random(99);
        var words = new[] { "--chain", "dev", "--ip", "--", "-x", "=", "--log-level=", "--=", "--ui-port", "5333", "", "--neighbors", "a,b" };
        for (var i = 0; i < 5_000; i++)
        {
            var args = Enumerable.Range(0, random.Next(8)).Select(_ => words[random.Next(words.Length)]).ToArray();
            var result = CommandLineSource.Parse(args);
            Assert.All(result.Values.Keys, k => Assert.True(SetupParameters.TryGet(k, out _)));
            Assert.All(result.Values.Values, v => Assert.NotEqual(string.Empty, v));
        }
    }

    [Fact]
    public void Environment_variables_map_by_upper_case_and_underscores()
    {
        var env = TestHosts.Env(
            ("MASQ_CLANDESTINE_PORT", "1234"),
            ("MASQ_BLOCKCHAIN_SERVICE_URL", "https://x.org"),
            ("MASQ_CONFIG_FILE", "/etc/masq.toml"),
            ("MASQ_HOME", "/ignored"),
            ("masq_ip", "1.2.3.4"),
            ("MASQ_LOG_LEVEL", ""),
            ("PATH", "/bin"));
        var values = EnvironmentSource.Read(env);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["clandestine-port"] = "1234",
                ["blockchain-service-url"] = "https://x.org",
                ["config-file"] = "/etc/masq.toml",
            },
            values);
    }

    [Theory]
    [InlineData("true", null, "on")]
    [InlineData("TRUE", null, "on")]
    [InlineData("false", null, null)]
    [InlineData("true", "off", "off")]
    public void The_reference_integration_test_switch_is_an_alias_for_allowing_loopback_targets(string integrationTest, string? allowLoopback, string? expected)
    {
        var pairs = new List<(string, string)> { ("MASQ_INTEGRATION_TEST", integrationTest) };
        if (allowLoopback is not null)
        {
            pairs.Add(("MASQ_ALLOW_LOOPBACK_TARGETS", allowLoopback));
        }

        var values = EnvironmentSource.Read(TestHosts.Env([.. pairs]));
        Assert.Equal(expected, values.GetValueOrDefault("allow-loopback-targets"));
    }
}
