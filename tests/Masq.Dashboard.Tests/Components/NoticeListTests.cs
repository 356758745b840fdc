using Bunit;
using Masq.Dashboard.Components.Controls;
using Masq.Dashboard.State;
using Masq.Dashboard.Tests.Fakes;

namespace Masq.Dashboard.Tests.Components;

public sealed class NoticeListTests : DashboardTestContext
{
    [Fact]
    public void Shows_recent_notices_newest_first_until_dismissed()
    {
        Store.AddNotice(NoticeKind.Info, "first");
        Store.AddNotice(NoticeKind.Error, "The Node running as process 7 terminated: boom.");
        var cut = Render<NoticeList>();

        var texts = cut.FindAll(".notice-text").Select(n => n.TextContent).ToList();
        Assert.Equal(["The Node running as process 7 terminated: boom.", "first"], texts);
        Assert.Single(cut.FindAll(".notice-error"));

        cut.Find("button").Click();
        Assert.Empty(cut.FindAll(".notice"));

        Store.AddNotice(NoticeKind.Warning, "The Node's database password has changed.");
        Tick();
        cut.WaitForAssertion(() => Assert.Equal("The Node's database password has changed.", cut.Find(".notice-text").TextContent));
    }
}
