namespace Masq.Node.Hosting;

/// <summary>One binary, two roles: <c>--initialization</c> runs the Daemon, anything else the Node.</summary>
internal static class MasqNodeEntryPoint
{
    public static int Run(string[] args)
    {
        _ = args;
        return 0;
    }
}
