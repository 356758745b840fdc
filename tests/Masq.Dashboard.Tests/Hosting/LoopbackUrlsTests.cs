using Masq.Dashboard.Hosting;

namespace Masq.Dashboard.Tests.Hosting;

public sealed class LoopbackUrlsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5300")]
    [InlineData("http://127.0.0.2:0")]
    [InlineData("http://localhost:5300")]
    [InlineData("http://[::1]:5300")]
    [InlineData("https://127.0.0.1:5301/base")]
    [InlineData("http://127.0.0.1:5300;http://[::1]:5300")]
    public void Loopback_addresses_are_accepted(string urls) => Assert.Empty(LoopbackUrls.Check(urls));

    [Theory]
    [InlineData("http://0.0.0.0:5300")]
    [InlineData("http://*:5300")]
    [InlineData("http://+:5300")]
    [InlineData("http://192.168.1.10:5300")]
    [InlineData("http://[::]:5300")]
    [InlineData("http://example.com:5300")]
    [InlineData("http://127.0.0.1:5300;http://10.0.0.1:5300")]
    public void Other_addresses_are_refused_with_a_reason(string urls)
    {
        var errors = LoopbackUrls.Check(urls);

        var error = Assert.Single(errors);
        Assert.Contains("loopback only", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("127.0.0.1:5300")]
    [InlineData(";")]
    public void Unreadable_urls_are_refused(string urls) => Assert.NotEmpty(LoopbackUrls.Check(urls));
}
