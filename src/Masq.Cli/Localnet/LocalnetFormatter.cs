using System.Globalization;
using System.Text;
using Masq.Cli.Output;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Localnet;

/// <summary>The texts <c>localnet</c> prints.</summary>
internal static class LocalnetFormatter
{
    public const string DescriptorUnknown = "[not known]";

    public static string Started(LocalnetState state, LocalnetUpOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\nLocalnet of {state.Nodes.Count} Node{Plural(state.Nodes.Count)} running (chain {state.Chain}, min-hops {state.MinHops}); recorded in {LocalnetStateStore.PathIn(options.DataDirectory)}\n");
        foreach (var node in state.Nodes)
        {
            text.Append('\n');
            AppendNode(text, node, stage: null, running: true, askedStatus: false);
        }
        text.Append('\n');
        foreach (var note in Notes(options))
        {
            text.Append(note).Append('\n');
        }
        var directory = DirectoryOption(options.DataDirectory);
        text.Append(CultureInfo.InvariantCulture, $"The Nodes keep running after masq exits. 'masq localnet status{directory}' shows them; 'masq localnet down{directory}' stops them.\n");
        return text.ToString();
    }

    public static string Status(string dataDirectory, LocalnetState state, IReadOnlyList<bool> running, IReadOnlyList<UiConnectionStage?> stages)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(running);
        ArgumentNullException.ThrowIfNull(stages);
        var count = running.Count(r => r);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Localnet in {dataDirectory}: {count} of {state.Nodes.Count} Node{Plural(state.Nodes.Count)} running (chain {state.Chain}, min-hops {state.MinHops})\n");
        for (var i = 0; i < state.Nodes.Count; i++)
        {
            text.Append('\n');
            AppendNode(text, state.Nodes[i], stages[i], running[i], askedStatus: true);
        }
        return text.ToString();
    }

    public static string Stopped(StopOutcome outcome) => outcome switch
    {
        StopOutcome.ShutDown => "stopped",
        StopOutcome.Killed => string.Create(CultureInfo.InvariantCulture, $"killed (still running {LocalnetRunner.ShutdownGrace.TotalSeconds:0} s after the shutdown message)"),
        _ => "could NOT be stopped",
    };

    /// <summary>Advice for the chosen options: too few Nodes for the hops, loopback targets, payments.</summary>
    public static IReadOnlyList<string> Notes(LocalnetUpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var notes = new List<string>();
        if (options.Count <= options.MinHops)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Note: a route of at least {options.MinHops} hop{Plural(options.MinHops)} passes through {options.MinHops + 1} Nodes (and its exit may not be a neighbor of the Node it starts from), so {options.Count} Node{Plural(options.Count)} cannot find one: start {options.MinHops + 3} Nodes or lower --min-hops."));
        }
        if (!options.AllowLoopbackTargets)
        {
            notes.Add("Note: exit Nodes refuse targets on this machine (localhost, 127.x); start with --allow-loopback-targets to reach a local test server through the mesh.");
        }
        if (options.BlockchainServiceUrl is null)
        {
            notes.Add("Note: each Node has a generated consuming wallet (needed for routes of more than one hop; keys in localnet.json). Payments are off: no --blockchain-service-url was given.");
        }
        else
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Note: payments go through {options.BlockchainServiceUrl}. A Node pays from its consuming wallet only once that wallet holds the chain's token and ether to pay gas (scripts/localnet-paying.sh funds them on a local chain)."));
            notes.Add(options.PaymentThresholds is null
                ? "Note: at the default payment thresholds (debt 1,000,000,000 gwei, maturity 1,200 s) a Node carries gigabytes before it is paid; for a demonstration start with low ones, e.g. --payment-thresholds '1000|0|1000000|0|1|0' --scan-intervals '10|10|10'."
                : $"Note: payment thresholds {options.PaymentThresholds}; scan intervals {options.ScanIntervals ?? "600|600|600 (default)"} s. 'masq --ui-port <UI-PORT> scan payables' pays now; 'financials --wei' shows both sides' records.");
        }
        return notes;
    }

    private static void AppendNode(StringBuilder text, LocalnetNodeState node, UiConnectionStage? stage, bool running, bool askedStatus)
    {
        var state = running ? $"running, pid {node.ProcessId}" : "stopped";
        text.Append(CultureInfo.InvariantCulture, $"Node {node.Index}: {node.Ip} ({state})\n");
        text.Append(CultureInfo.InvariantCulture, $"  descriptor: {node.Descriptor ?? DescriptorUnknown}\n");
        text.Append(CultureInfo.InvariantCulture, $"  ui-port:    {node.UiPort}    try: masq --ui-port {node.UiPort} connection-status\n");
        text.Append(CultureInfo.InvariantCulture, $"  proxy:      {node.ProxyAddress}    try: curl -x {node.ProxyAddress} http://example.com/\n");
        var neighbors = node.Neighbors.Count == 0
            ? "none (the first Node)"
            : string.Join(", ", node.Neighbors.Select(n => "Node " + n.ToString(CultureInfo.InvariantCulture)));
        text.Append(CultureInfo.InvariantCulture, $"  debuts to:  {neighbors}\n");
        if (node.ConsumingWallet is not null || node.EarningWallet is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"  consuming wallet: {node.ConsumingWallet ?? DescriptorUnknown}    (pays from it; key in localnet.json)\n");
            text.Append(CultureInfo.InvariantCulture, $"  earning wallet:   {node.EarningWallet ?? DescriptorUnknown}    (earns into it)\n");
        }
        if (stage is { } s)
        {
            text.Append(CultureInfo.InvariantCulture, $"  status:     {ConnectionStageText.ForStatus(s)}\n");
        }
        else if (askedStatus && running)
        {
            text.Append(CultureInfo.InvariantCulture, $"  status:     [not answering on UI port {node.UiPort}]\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"  log:        {node.LogFile}\n");
    }

    private static string DirectoryOption(string dataDirectory) =>
        string.Equals(Path.GetFullPath(dataDirectory), Path.GetFullPath(LocalnetDefaults.DataDirectory), StringComparison.Ordinal)
            ? string.Empty
            : " --data-directory " + Quote(dataDirectory);

    private static string Quote(string text) => text.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '\\') ? "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'" : text;

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
