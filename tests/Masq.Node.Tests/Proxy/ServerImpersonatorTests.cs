using System.Text;
using Masq.Node.Proxy.Server;

namespace Masq.Node.Tests.Proxy;

public sealed class ServerImpersonatorTests
{
    [Fact]
    public void Error_pages_have_the_fixed_status_phrase_a_content_length_and_say_what_happened()
    {
        string page = Encoding.UTF8.GetString(ServerImpersonator.NoRoute("news.example"));
        Assert.StartsWith("HTTP/1.1 503 Routing Error\r\nContent-Type: text/html\r\nContent-Length: ", page, StringComparison.Ordinal);
        int bodyStart = page.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        int declared = int.Parse(page.Split("Content-Length: ")[1].Split("\r\n")[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(declared, Encoding.UTF8.GetByteCount(page[bodyStart..]));
        Assert.Contains("<h1>Error 503</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<h2>Title: Routing Problem</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h3>Subtitle: Can&#39;t find a route to news.example</h3>", page, StringComparison.Ordinal);

        Assert.Contains("Exit Nodes couldn&#39;t resolve &quot;gone.example&quot;", Encoding.UTF8.GetString(ServerImpersonator.DnsFailure("gone.example", 4)), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 402 Routing Error", Encoding.UTF8.GetString(ServerImpersonator.ConsumingWalletRequired()), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", Encoding.UTF8.GetString(ServerImpersonator.NoRoute("<script>")), StringComparison.Ordinal);
    }

    [Fact]
    public void Tls_alerts_are_seven_bytes()
    {
        Assert.Equal(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x50 }, ServerImpersonator.TlsAlert(ServerImpersonator.AlertInternalError));
        Assert.Equal(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x70 }, ServerImpersonator.TlsAlert(ServerImpersonator.AlertUnrecognizedName));
    }
}
