[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace Masq.DnsUtility;

public static class Program
{
    public static int Main(string[] args) => new DnsUtilityCommand(ResolverPaths.System, Console.Out, Console.Error).Run(args);
}
