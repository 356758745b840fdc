using Masq.Node.Accounting;

namespace Masq.Node.Tests.Accounting;

public sealed class AccountantOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("on")]
    [InlineData("off-while:")]
    public void Without_the_benchmark_switch_charges_are_written(string? value)
    {
        var options = AccountantOptions.FromBenchmarkSwitch(value);

        Assert.True(options.WritesNow());
        Assert.Null(options.WritesOffWhileExists);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("OFF")]
    public void Off_never_writes(string value)
    {
        Assert.False(AccountantOptions.FromBenchmarkSwitch(value).WritesNow());
    }

    [Fact]
    public void Off_while_a_file_exists_follows_that_file()
    {
        string marker = Path.Combine(Path.GetTempPath(), $"masq-writes-off-{Guid.NewGuid():N}");
        var options = AccountantOptions.FromBenchmarkSwitch("off-while:" + marker);
        Assert.Equal(marker, options.WritesOffWhileExists);

        Assert.True(options.WritesNow());
        File.WriteAllText(marker, string.Empty);
        try
        {
            Assert.False(options.WritesNow());
        }
        finally
        {
            File.Delete(marker);
        }

        Assert.True(options.WritesNow());
    }
}
