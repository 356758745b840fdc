using System.Text;
using Masq.Lib.Configuration;

namespace Masq.Fuzz.Targets;

/// <summary>The config.toml loader (Tomlyn's parser plus the scalar-only rules).</summary>
internal sealed class TomlConfigTarget : FuzzTarget
{
    public override string Name => "toml-config";

    public override string Description => "TomlConfigFile.Parse";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        var result = TomlConfigFile.Parse(input, "config.toml");
        FuzzFinding.Check(result.Errors.Count > 0 || result.Values.Count <= input.Length, "more values than bytes");
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("typical", Encoding.UTF8.GetBytes(
            "# a Node's settings\nblockchain-service-url = \"https://example.com/rpc\"\nchain = \"polygon-amoy\"\nclandestine-port = 5333\n" +
            "neighborhood-mode = 'standard'\nlog-level = \"info\"\ngas-price = 1.5\ndb-password = \"\"\"multi\nline\"\"\"\n"));
        yield return ("all-scalars", "ip = \"1.2.3.4\"\nclandestine-port = 0x1f\nscans = true\nmin-hops = 3\n"u8.ToArray());
        yield return ("bom-and-crlf", [0xEF, 0xBB, 0xBF, .. "chain = \"eth-mainnet\"\r\n# comment\r\n"u8]);
        yield return ("table-rejected", "[table]\nkey = [1, 2]\na.b = 2020-01-01T00:00:00Z\n"u8.ToArray());
    }
}
