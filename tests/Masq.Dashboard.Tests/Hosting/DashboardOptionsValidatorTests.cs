using Masq.Dashboard.Hosting;

namespace Masq.Dashboard.Tests.Hosting;

public sealed class DashboardOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(new DashboardOptionsValidator().Validate(null, new DashboardOptions()).Succeeded);
    }

    [Fact]
    public void Every_failure_is_reported()
    {
        var result = new DashboardOptionsValidator().Validate(null, new DashboardOptions { DaemonUiPort = 80, PollIntervalMs = 5, TopRecords = 0 });

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("daemon-ui-port", StringComparison.Ordinal));
    }

    [Fact]
    public void Building_with_a_public_address_is_refused_before_anything_listens()
    {
        var e = Assert.Throws<DashboardConfigurationException>(() => DashboardApp.Build(["--urls", "http://0.0.0.0:5300"]));

        Assert.Contains(e.Failures, f => f.Contains("0.0.0.0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_reports_a_bad_option_and_exits_non_zero()
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            var code = await DashboardApp.RunAsync(["--urls", "http://127.0.0.1:0", "--daemon-ui-port", "99"]);

            Assert.Equal(1, code);
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.Contains("daemon-ui-port", error.ToString(), StringComparison.Ordinal);
    }
}
