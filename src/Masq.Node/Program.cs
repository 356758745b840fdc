namespace Masq.Node;

public static class Program
{
    public static int Main(string[] args) => Hosting.MasqNodeEntryPoint.Run(args);
}
