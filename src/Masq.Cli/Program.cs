using Masq.Cli.Communications;
using Masq.Cli.Interactive;

namespace Masq.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) =>
        new MasqApplication(new SystemConsole(), new UiClientConnector(), new TcpPortProbe()).RunAsync(args, CancellationToken.None);
}
