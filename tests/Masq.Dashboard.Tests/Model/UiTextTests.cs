using Masq.Dashboard.Model;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.Dashboard.Tests.Model;

public sealed class UiTextTests
{
    [Fact]
    public void Errors_carry_the_code_as_masq_prints_it()
    {
        var text = UiText.DescribeError(new UiCallException(UiErrorCodes.NodeLaunch, "Could not launch Node: boom"));

        Assert.Equal("Could not launch Node: boom (Code 8000_0000_0000_0001)", text);
    }

    [Fact]
    public void Wrong_password_and_lost_connections_are_named()
    {
        Assert.StartsWith("Wrong database password", UiText.DescribeError(new UiCallException(UiErrorCodes.BadPassword, "Bad password; can't generate wallets")), StringComparison.Ordinal);
        Assert.Contains("Node", UiText.DescribeError(new UiConnectionLostException("gone") { WasNode = true }), StringComparison.Ordinal);
        Assert.Contains("Daemon", UiText.DescribeError(new UiConnectionLostException("gone")), StringComparison.Ordinal);
        Assert.True(UiText.IsBadPassword(new UiCallException(UiErrorCodes.BadPassword, "x")));
        Assert.False(UiText.IsBadPassword(new UiCallException(UiErrorCodes.MissingData, "x")));
    }

    [Fact]
    public void Crash_reasons_read_as_sentences()
    {
        Assert.Contains("signal", UiText.DescribeCrash(CrashReason.NoInformation), StringComparison.Ordinal);
        Assert.Equal("panic", UiText.DescribeCrash(CrashReason.Unrecognized("panic")));
        Assert.Contains("without an error message", UiText.DescribeCrash(CrashReason.Unrecognized(string.Empty)), StringComparison.Ordinal);
        Assert.Contains("wait", UiText.DescribeCrash(CrashReason.ChildWaitFailure("ECHILD")), StringComparison.Ordinal);
    }
}
