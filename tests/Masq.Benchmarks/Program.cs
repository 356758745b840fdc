using BenchmarkDotNet.Running;

namespace Masq.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>mesh [options]</c> runs the mesh throughput benchmark (real sockets, Nodes in their own processes);
    /// <c>mesh-node</c> is one of those Node processes; <c>settle [options]</c> runs the mesh-settling benchmark (the
    /// Neighborhood: Nodes in one process, each its own generic host); <c>dashboard-tabs [options]</c> measures the
    /// dashboard with open tabs while a 3-hop download runs; <c>entry-dns-load [options]</c> loads the entry DNS over
    /// real sockets; <c>socks-ttfb [--samples N]</c> compares time to first byte through SOCKS5 and the forward proxy;
    /// anything else goes to BenchmarkDotNet.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "mesh")
        {
            return Mesh.MeshBenchmark.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "dashboard-tabs")
        {
            return DashboardTabs.DashboardTabsBenchmark.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "settle")
        {
            return Settle.SettleBenchmark.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "entry-dns-load")
        {
            return EntryDns.EntryDnsLoad.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "socks-ttfb")
        {
            return Socks.SocksTtfbBenchmark.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "mesh-node")
        {
            return Mesh.MeshNodeProcess.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
