using System.Text;
using Masq.Lib.Configuration;
using Masq.Lib.Tests.TestSupport;
using Masq.Tests.Shared;

namespace Masq.Lib.Tests.Configuration;

public sealed class TomlConfigFileTests
{
    private const string Path = "/data/config.toml";

    [Fact]
    public void Scalars_become_the_text_a_command_line_would_carry()
    {
        var result = TomlConfigFile.Parse(
            """
            # comment
            clandestine-port = 1234
            log-level = "debug"
            scans = 'off'
            gas-price = 2.0
            new-public-key = true
            "min-hops" = 4
            """, Path);

        Assert.Empty(result.Errors);
        Assert.Equal("1234", result.Values["clandestine-port"]);
        Assert.Equal("debug", result.Values["log-level"]);
        Assert.Equal("off", result.Values["scans"]);
        Assert.Equal("2", result.Values["gas-price"]);
        Assert.Equal("true", result.Values["new-public-key"]);
        Assert.Equal("4", result.Values["min-hops"]);
    }

    [Fact]
    public void The_config_file_path_is_never_taken_from_the_file()
    {
        var result = TomlConfigFile.Parse("config-file = \"/elsewhere.toml\"\nip = \"1.2.3.4\"\n", Path);
        Assert.Empty(result.Errors);
        Assert.False(result.Values.ContainsKey("config-file"));
        Assert.Equal("1.2.3.4", result.Values["ip"]);
    }

    [Fact]
    public void A_table_is_an_error_with_path_and_line()
    {
        var result = TomlConfigFile.Parse("ip = \"1.2.3.4\"\n\n[node]\nchain = \"dev\"\n", Path);
        var error = Assert.Single(result.Errors);
        Assert.Equal("config-file", error.Parameter);
        Assert.Equal("Configuration file \"/data/config.toml\", line 3: 'node' is a table; only top-level scalar values (name = value) are allowed", error.Reason);
    }

    [Fact]
    public void An_array_of_tables_is_an_error()
    {
        var error = Assert.Single(TomlConfigFile.Parse("[[node]]\nx = 1\n", Path).Errors);
        Assert.Contains("line 1: 'node' is an array of tables", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dns-servers = [\"1.1.1.1\"]", "an array")]
    [InlineData("rate-pack = { a = 1 }", "a table")]
    [InlineData("log-level = 1979-05-27T07:32:00Z", "a date or time")]
    [InlineData("log-level = 07:32:00", "a date or time")]
    public void Non_scalar_values_are_errors_naming_the_parameter_path_and_line(string line, string kind)
    {
        var result = TomlConfigFile.Parse("chain = \"dev\"\n" + line + "\n", Path);
        var error = Assert.Single(result.Errors);
        Assert.Equal(line.Split(' ')[0], error.Parameter);
        Assert.Equal(
            $"Configuration file \"/data/config.toml\", line 2: the value is {kind}; only strings, numbers and booleans are allowed (write lists as one string, e.g. \"a,b\")",
            error.Reason);
        Assert.Equal("dev", result.Values["chain"]);
    }

    [Fact]
    public void A_dotted_key_is_a_table_too()
    {
        var error = Assert.Single(TomlConfigFile.Parse("node.chain = \"dev\"\n", Path).Errors);
        Assert.Equal("config-file", error.Parameter);
        Assert.Contains("line 1: 'node.chain' is a dotted key", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_is_an_error()
    {
        var error = Assert.Single(TomlConfigFile.Parse("\nclandestine_port = 1234\n", Path).Errors);
        Assert.Equal(new ConfigurationError("clandestine_port", "Configuration file \"/data/config.toml\", line 2: unknown parameter 'clandestine_port'"), error);
    }

    [Theory]
    [InlineData("ip = ", 1)]
    [InlineData("chain = \"dev\"\nip = \"1.2.3.4", 2)]
    [InlineData("chain = \"dev\"\nchain = \"dev\"", 2)]
    [InlineData("a b = 1", 1)]
    public void Invalid_toml_is_an_error_with_path_and_line(string text, int line)
    {
        var result = TomlConfigFile.Parse(text, Path);
        Assert.NotEmpty(result.Errors);
        Assert.Empty(result.Values);
        Assert.All(result.Errors, e => Assert.Equal("config-file", e.Parameter));
        Assert.StartsWith($"Configuration file \"/data/config.toml\", line {line}: invalid TOML: ", result.Errors[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_utf8_bytes_are_an_error_and_a_byte_order_mark_is_fine()
    {
        var latin1 = TomlConfigFile.Parse([.. "ip = \"caf"u8, 0xE9, .. "\""u8], Path);
        Assert.Equal("Configuration file \"/data/config.toml\" is not valid UTF-8 text", Assert.Single(latin1.Errors).Reason);

        var bom = TomlConfigFile.Parse([0xEF, 0xBB, 0xBF, .. "ip = \"1.2.3.4\""u8], Path);
        Assert.Empty(bom.Errors);
        Assert.Equal("1.2.3.4", bom.Values["ip"]);
    }

    [Fact]
    public void A_missing_default_file_counts_as_empty_but_a_missing_explicit_one_is_an_error()
    {
        using var dir = new TempDirectory();
        var missing = System.IO.Path.Combine(dir.Path, "config.toml");
        var quiet = TomlConfigFile.Read(missing, mustExist: false);
        Assert.Empty(quiet.Errors);
        Assert.Empty(quiet.Values);

        var loud = TomlConfigFile.Read(missing, mustExist: true);
        Assert.Equal(new ConfigurationError("config-file", $"Couldn't open configuration file \"{missing}\". Are you sure it exists?"), Assert.Single(loud.Errors));
    }

    [Fact]
    public void A_real_file_is_read()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("config.toml", "clandestine-port = \"4567\"\n");
        Assert.Equal("4567", TomlConfigFile.Read(path, mustExist: true).Values["clandestine-port"]);
    }

    [Fact]
    public void A_directory_in_place_of_the_file_is_an_error_not_an_exception()
    {
        using var dir = new TempDirectory();
        var result = TomlConfigFile.Read(dir.Path, mustExist: true);
        Assert.Equal("config-file", Assert.Single(result.Errors).Parameter);
    }

    [Fact]
    public void An_oversized_file_is_refused()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("config.toml", "# " + new string('x', TomlConfigFile.MaxFileBytes) + "\n");
        Assert.Contains("is larger than", Assert.Single(TomlConfigFile.Read(path, mustExist: false).Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        var result = TomlConfigFile.Parse("nope = 1\nneighbors = [1]\n[t]\n", Path);
        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void Random_and_mutated_files_give_values_or_errors_never_exceptions()
    {
        var random = new Random(4242);
        var seeds = new[]
        {
            "clandestine-port = 1234\nlog-level = \"debug\"\n",
            "[t]\nx = [1, 2]\n",
            "ip = \"1.2.3.4\" # c\nscans = true\nmin-hops = 3.5\n",
            "a = {b = 1}\nd = 1979-05-27\n",
        };
        const string alphabet = "abc-=\"'[]{}.,#\n \t0123456789:TZe+_\\é";
        for (var i = 0; i < 5_000; i++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Length)]);
            for (var e = random.Next(1, 6); e > 0; e--)
            {
                var at = random.Next(text.Length + 1);
                if (random.Next(2) == 0 && at < text.Length)
                {
                    text.Remove(at, 1);
                }
                else
                {
                    text.Insert(at, alphabet[random.Next(alphabet.Length)]);
                }
            }

            var result = TomlConfigFile.Parse(text.ToString(), Path);
            Assert.NotNull(result);
            Assert.All(result.Values, kv => Assert.True(SetupParameters.TryGet(kv.Key, out _)));
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.Reason)));

            var bytes = new byte[random.Next(64)];
            random.NextBytes(bytes);
            Assert.NotNull(TomlConfigFile.Parse(bytes, Path));
        }
    }
}
