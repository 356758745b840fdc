using Masq.Cli.Localnet;

namespace Masq.Cli.Commands;

/// <summary>
/// <c>localnet up N | down | status</c>: runs N standard-mode Nodes on 127.0.0.x addresses of this machine, each
/// debuting to earlier ones, so that multi-hop routing can be watched on one computer.
/// </summary>
internal sealed record LocalnetCommand(LocalnetRequest Request) : IDaemonlessCommand
{
    public const string Usage = "localnet up N [OPTIONS] | localnet down [--data-directory DIR] [--purge] | localnet status [--data-directory DIR]";

    public static CommandDescriptor Descriptor { get; } = new(
        "localnet",
        "Starts, shows or stops a network of N local Nodes on 127.0.0.x (multi-hop routing on one machine).",
        Usage,
        """
        Actions:
            up N        Starts N (1..50) standard-mode Nodes, one loopback address each (base, base+1, ...), each with
                        its own data directory DIR/node-K and its own clandestine, UI and proxy ports. The first Node
                        has no neighbors; each later one debuts to the first and the previous Node. Prints each Node's
                        descriptor, UI port, proxy address and the consuming and earning wallets it pays from and
                        earns into. The Nodes keep running after masq exits; their output
                        goes to DIR/node-K/node.log and what was started is recorded in DIR/localnet.json (mode 0600:
                        it holds the generated database passwords and consuming-wallet keys).
            status      Shows the recorded Nodes, whether they run and their connection status.
            down        Sends each running Node the UI 'shutdown' message, kills those still running 5 s later.

        Options of 'up':
            --base-ip <IP>                  The first Node's address, in 127.0.0.0/8 (default 127.0.0.2).
            --min-hops <1-6>                The Nodes' minimum route length (default 3; needs at least min-hops + 1 Nodes).
            --data-directory <DIR>          The localnet's directory (default <local data>/MASQ/localnet).
            --chain <CHAIN>                 The Nodes' chain (default dev), e.g. base-sepolia.
            --dns-servers <IP,...>          The DNS servers exit Nodes use (default: the Node's own default).
            --mode standard                 The Nodes' neighborhood mode; only standard is supported.
            --allow-loopback-targets        Lets exit Nodes reach servers on this machine (each Node's --allow-loopback-targets on).
            --first-port <PORT>             Where the search for free ports starts (default 20000).
            --log-level <LEVEL>             The Nodes' log level (default info).
            --blockchain-service-url <URL>  The Nodes' blockchain service; without it payment scans are turned off.
            --payment-thresholds <T>        The Nodes' debt policy, debtGwei|maturitySec|graceSec|permanentDebtGwei|
                                            intervalSec|unbanBelowGwei (default 1000000000|1200|1200|500000000|21600|
                                            500000000: gigabytes before a payment). '1000|0|1000000|0|1|0' pays any debt
                                            over 1,000 gwei at the next payable scan.
            --scan-intervals <S>            The Nodes' scan periods in seconds, pendingPayable|payable|receivable
                                            (default 600|600|600), e.g. '10|10|10'.
            --rate-pack <R>                 The Nodes' prices in wei, routingByte|routingService|exitByte|exitService
                                            (default 53844|53844|107688|107688).

        Options of 'down' and 'status':
            --data-directory <DIR>          As for 'up'.
            --purge                         ('down' only) Also deletes the Nodes' data directories and localnet.json.

        masq looks for MASQNode in MASQ_NODE_PATH, next to itself, then in a source checkout's build output.
        On macOS, addresses other than 127.0.0.1 need an alias first (sudo ifconfig lo0 alias 127.0.0.2 up).
        """ + "\n",
        (args, _) => new LocalnetCommand(LocalnetArgumentParser.Parse(args, LocalnetDefaults.DataDirectory)));

    public Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return LocalnetRunner.ForProcess(context.Output).RunAsync(Request, cancellationToken);
    }
}
