using Masq.Dashboard.Model;
using Masq.Lib.Configuration;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Tests.Model;

public sealed class SetupRowTests
{
    [Fact]
    public void Secrets_never_carry_their_value()
    {
        var rows = SetupRow.From(new UiSetupResponse(false,
        [
            new UiSetupResponseValue(ParameterNames.DbPassword, "****************", SetupStatus.Set),
            new UiSetupResponseValue(ParameterNames.ConsumingPrivateKey, "", SetupStatus.Blank),
            new UiSetupResponseValue(ParameterNames.Chain, "base-sepolia", SetupStatus.Set),
        ], []));

        var password = rows.Single(r => r.Name == ParameterNames.DbPassword);
        Assert.True(password.IsSecret);
        Assert.Equal(SetupRow.MaskedValue, password.DisplayValue);
        Assert.Null(rows.Single(r => r.Name == ParameterNames.ConsumingPrivateKey).DisplayValue);
        Assert.Equal("base-sepolia", rows.Single(r => r.Name == ParameterNames.Chain).DisplayValue);
    }

    [Fact]
    public void Rows_are_sorted_and_carry_errors_descriptions_and_sources()
    {
        var rows = SetupRow.From(new UiSetupResponse(false,
        [
            new UiSetupResponseValue(ParameterNames.Neighbors, "", SetupStatus.Required),
            new UiSetupResponseValue(ParameterNames.Chain, "dev", SetupStatus.Configured),
        ],
        [new UiSetupError(ParameterNames.Neighbors, "Required for originate-only"), new UiSetupError("unknown-thing", "Unrecognized")]));

        Assert.Equal([ParameterNames.Chain, ParameterNames.Neighbors, "unknown-thing"], rows.Select(r => r.Name));
        Assert.Equal("Required for originate-only", rows[1].Error);
        Assert.Contains("MASQ_CHAIN", rows[0].Source, StringComparison.Ordinal);
        Assert.NotEmpty(rows[0].Description);
        Assert.Equal("Unrecognized", rows[2].Error);
    }

    [Theory]
    [InlineData("MASQ_GAS_PRICE", SetupStatus.Configured, "Environment (MASQ_GAS_PRICE)")]
    [InlineData("config.toml:3", SetupStatus.Configured, "Config file (config.toml:3)")]
    [InlineData("database", SetupStatus.Configured, "The Node's database")]
    [InlineData("setup", SetupStatus.Set, "Set through setup (this dashboard or masq)")]
    [InlineData("default", SetupStatus.Default, "Default: the value stored in the database, 1 for a new one")]
    public void The_source_column_names_the_real_source(string source, SetupStatus status, string shown)
    {
        var rows = SetupRow.From(new UiSetupResponse(false, [new UiSetupResponseValue(ParameterNames.GasPrice, "7", status, source)], []));

        Assert.Equal(shown, Assert.Single(rows).Source);
    }
}
