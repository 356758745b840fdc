using Bunit;
using Masq.Dashboard.Components.Controls;
using Masq.Dashboard.Tests.Fakes;

namespace Masq.Dashboard.Tests.Components;

public sealed class PasswordChangeTests : DashboardTestContext
{
    public PasswordChangeTests()
    {
        RunNode();
        Backend.CheckPassword = pw => pw == "old one";
        Backend.ChangePassword = (_, _) => { };
    }

    [Fact]
    public void Changes_the_password_after_checking_the_old_one()
    {
        var cut = Render<PasswordChange>();

        cut.Find("#old-password").Change("old one");
        cut.Find("#new-password").Change("new one");
        cut.Find("#new-password-again").Change("new one");
        cut.Find("#change-password").Click();

        Assert.Equal(("old one", "new one"), Backend.LastArgument<(string?, string)>(nameof(FakeMasqBackend.ChangePasswordAsync)));
        Assert.Equal("Database password has been changed.", cut.Find("#password-message").TextContent);
        Assert.DoesNotContain("one\"", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_old_password_is_named_and_nothing_changes()
    {
        var cut = Render<PasswordChange>();

        cut.Find("#old-password").Change("guess");
        cut.Find("#new-password").Change("new one");
        cut.Find("#new-password-again").Change("new one");
        cut.Find("#change-password").Click();

        Assert.Equal("The current password is wrong.", cut.Find("#password-message").TextContent);
        Assert.Equal(0, Backend.CountOf(nameof(FakeMasqBackend.ChangePasswordAsync)));
    }

    [Fact]
    public void Different_new_passwords_are_refused_before_asking_the_node()
    {
        var cut = Render<PasswordChange>();

        cut.Find("#new-password").Change("a");
        cut.Find("#new-password-again").Change("b");
        cut.Find("#change-password").Click();

        Assert.Contains("differ", cut.Find("#password-message").TextContent, StringComparison.Ordinal);
        Assert.Empty(Backend.Calls);
    }
}
