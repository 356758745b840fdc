using Masq.Daemon.Hosting;
using Masq.Node.Persistence;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Hosting;

/// <summary>One binary, two roles: <c>--initialization</c> runs the Daemon, anything else the Node.</summary>
internal static class MasqNodeEntryPoint
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(NodeHelp.IsHelp))
        {
            Console.Out.Write(NodeHelp.Text);
            return 0;
        }
        if (args.Any(NodeHelp.IsVersion))
        {
            Console.Out.WriteLine(NodeHelp.Version);
            return 0;
        }
        if (args.Contains("--initialization", StringComparer.Ordinal))
        {
            return DaemonHost.RunAsync(
                args,
                loggers => new NodeDatabaseReader(new PasswordKeyDerivation(KdfCost.Production), loggers.CreateLogger<NodeDatabaseReader>()))
                .GetAwaiter().GetResult();
        }
        return NodeHost.RunAsync(args).GetAwaiter().GetResult();
    }
}
