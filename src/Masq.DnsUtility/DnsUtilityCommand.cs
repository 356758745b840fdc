using System.Text;

namespace Masq.DnsUtility;

/// <summary>
/// dns_utility's commands. subvert points the system resolver at 127.0.0.1, where a Node that could bind port 53 serves
/// its entry DNS; revert puts the original back, byte for byte (a symbolic link as the link itself).
/// </summary>
/// <remarks>
/// Every change is a rename within /etc, after the data it exposes is on disk: the backup (a hard link to the original
/// file, or a copy of the original link) is in place and synced before the switch, so a kill at any instant leaves
/// either the old configuration or the new one, and <c>revert</c> works from both.
/// </remarks>
internal sealed class DnsUtilityCommand(ResolverPaths paths, TextWriter output, TextWriter error)
{
    public static string Help => """
        Usage: dns_utility COMMAND

        Points this machine's DNS at the MASQ Node, so browsers with no proxy settings browse through it.

        Commands:
          subvert   Send every DNS query to 127.0.0.1 (the Node's entry DNS). Keeps the original configuration.
          revert    Put the original configuration back, byte for byte.
          inspect   Show the resolver set-up and the DNS servers in use (and the original ones when subverted).
          status    Say "subverted" or "reverted".
          help      This text.

        subvert and revert need root: sudo ./dns_utility subvert

        Set-ups handled (/etc/resolv.conf as): a plain file; a file written by NetworkManager; a symbolic link to
        systemd-resolved's stub or file, to NetworkManager's or to resolvconf's. Refused: a symbolic link elsewhere,
        a missing file, a file that is a mount point of its own (containers).

        Exit status:
          0   done
          1   an I/O error (the configuration is left as it was, or fully switched)
          2   already in the state asked for (subvert when subverted, revert when reverted)
          3   a resolver set-up dns_utility will not change
          4   not root
          5   subverted, but the backup of the original is gone: restore /etc/resolv.conf by hand
          64  usage error
        """;

    public int Run(string[] args)
    {
        if (args.Length != 1)
        {
            error.WriteLine(args.Length == 0 ? "dns_utility: no command given" : "dns_utility: give one command");
            error.Write(Help);
            return ExitCodes.Usage;
        }

        try
        {
            return args[0] switch
            {
                "subvert" => Subvert(),
                "revert" => Revert(),
                "inspect" => Inspect(),
                "status" => Status(),
                "help" or "--help" or "-h" => WriteHelp(),
                _ => UnknownCommand(args[0]),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"dns_utility: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private int WriteHelp()
    {
        output.Write(Help);
        return ExitCodes.Success;
    }

    private int UnknownCommand(string command)
    {
        error.WriteLine($"dns_utility: unknown command '{command}'");
        error.Write(Help);
        return ExitCodes.Usage;
    }

    private int Subvert()
    {
        if (RootRefusal() is { } notRoot)
        {
            return notRoot;
        }

        if (ResolverSetup.Read(paths, out var refusal) is not { } setup)
        {
            error.WriteLine($"dns_utility: {refusal}");
            return ExitCodes.Unsupported;
        }

        if (setup.Subverted)
        {
            error.WriteLine($"dns_utility: DNS is already subverted ({paths.ResolvConf} points at 127.0.0.1; the original, {ResolverSetup.Describe(setup.Layout)}, is in {paths.Backup}).");
            return ExitCodes.AlreadyDone;
        }

        output.WriteLine($"Found {paths.ResolvConf} as {ResolverSetup.Describe(setup.Layout)}{(setup.LinkTarget is { } t ? $" ({t})" : string.Empty)}.");
        RemoveLeftovers();
        string original = ResolverSetup.ReadText(paths.ResolvConf);

        // 1. The backup, durable before anything else changes. A stale one (from a subvert killed before its switch, or
        //    a file NetworkManager rewrote since) is replaced: the live file is the truth.
        if (setup.LinkTarget is { } target)
        {
            File.CreateSymbolicLink(paths.BackupInProgress, target);
        }
        else
        {
            NativeFiles.HardLink(paths.ResolvConf, paths.BackupInProgress);
        }

        StepHooks.Reached("backup-made");
        NativeFiles.Rename(paths.BackupInProgress, paths.Backup);
        StepHooks.Reached("backup-placed");
        NativeFiles.SyncDirectory(paths.Directory);
        StepHooks.Reached("backup-synced");

        // 2. The new configuration, written and synced under a temporary name, then switched in by one rename.
        using (var stream = new FileStream(paths.SubvertedInProgress, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        }))
        {
            stream.Write(Encoding.UTF8.GetBytes(SubvertedText(original)));
            stream.Flush(flushToDisk: true);
        }

        StepHooks.Reached("subverted-written");
        NativeFiles.Rename(paths.SubvertedInProgress, paths.ResolvConf);
        StepHooks.Reached("switched");
        NativeFiles.SyncDirectory(paths.Directory);
        output.WriteLine($"DNS subverted: {paths.ResolvConf} now sends every query to 127.0.0.1; the original is kept in {paths.Backup}.");
        if (setup.Layout == ResolverLayout.NetworkManagerFile)
        {
            output.WriteLine("NetworkManager writes this file itself and may rewrite it when a connection changes, which ends the subversion; "
                + "run 'dns_utility status' to see, or set dns=none in NetworkManager.conf while you browse through MASQ.");
        }

        output.WriteLine("While the Node is down, names do not resolve at all: run 'sudo dns_utility revert' when you stop the Node.");
        return ExitCodes.Success;
    }

    private int Revert()
    {
        if (RootRefusal() is { } notRoot)
        {
            return notRoot;
        }

        if (ResolverSetup.Read(paths, out var refusal) is not { } setup)
        {
            error.WriteLine($"dns_utility: {refusal}");
            return ExitCodes.Unsupported;
        }

        RemoveLeftovers();
        if (!setup.Subverted)
        {
            string stale = string.Empty;
            if (setup.HasBackup)
            {
                // A subvert killed before its switch, or NetworkManager rewrote the file since: the live file is the
                // configuration in use, so the backup has nothing left to restore.
                File.Delete(paths.Backup);
                NativeFiles.SyncDirectory(paths.Directory);
                stale = $" (removed the unused backup {paths.Backup})";
            }

            error.WriteLine($"dns_utility: DNS is not subverted; {paths.ResolvConf} is {ResolverSetup.Describe(setup.Layout)}{stale}.");
            return ExitCodes.AlreadyDone;
        }

        if (!setup.HasBackup)
        {
            error.WriteLine($"dns_utility: {paths.ResolvConf} is subverted, but the original ({paths.Backup}) is gone. Write the DNS servers you use into {paths.ResolvConf} by hand.");
            return ExitCodes.NoBackup;
        }

        StepHooks.Reached("revert-started");
        NativeFiles.Rename(paths.Backup, paths.ResolvConf);
        StepHooks.Reached("restored");
        NativeFiles.SyncDirectory(paths.Directory);
        output.WriteLine($"DNS reverted: {paths.ResolvConf} is {ResolverSetup.Describe(setup.OriginalLayout ?? ResolverLayout.PlainFile)} again, exactly as before.");
        return ExitCodes.Success;
    }

    private int Inspect()
    {
        if (ResolverSetup.Read(paths, out var refusal) is not { } setup)
        {
            output.WriteLine($"Not handled: {refusal}");
            output.WriteLine($"DNS servers: {Servers(ResolverSetup.ReadText(paths.ResolvConf))}");
            return ExitCodes.Unsupported;
        }

        output.WriteLine($"{paths.ResolvConf}: {(setup.Subverted ? "subverted by dns_utility" : ResolverSetup.Describe(setup.Layout))}{(setup.LinkTarget is { } t ? $" -> {t}" : string.Empty)}");
        output.WriteLine($"DNS servers: {Servers(ResolverSetup.ReadText(paths.ResolvConf))}");
        if (setup.Subverted && setup.HasBackup)
        {
            string link = new FileInfo(paths.Backup).LinkTarget is { } original ? $" -> {original}" : string.Empty;
            output.WriteLine($"Original ({ResolverSetup.Describe(setup.Layout)}{link}), restored by revert: {Servers(ResolverSetup.ReadText(paths.Backup))}");
        }

        return ExitCodes.Success;
    }

    private int Status()
    {
        if (ResolverSetup.Read(paths, out var refusal) is not { } setup)
        {
            output.WriteLine($"reverted (a set-up dns_utility does not change: {refusal})");
            return ExitCodes.Success;
        }

        string stale = !setup.Subverted && setup.HasBackup
            ? $"; {paths.Backup} is left from a subvert that was interrupted or undone by another program, and revert removes it"
            : string.Empty;
        output.WriteLine(setup.Subverted
            ? $"subverted (the original, {ResolverSetup.Describe(setup.Layout)}, is kept in {paths.Backup})"
            : $"reverted ({paths.ResolvConf} is {ResolverSetup.Describe(setup.Layout)}{stale})");
        return ExitCodes.Success;
    }

    private int? RootRefusal()
    {
        if (NativeFiles.IsRoot)
        {
            return null;
        }

        error.WriteLine("dns_utility: changing the system's DNS needs root; run it with sudo.");
        return ExitCodes.NotRoot;
    }

    private void RemoveLeftovers()
    {
        foreach (var leftover in new[] { paths.BackupInProgress, paths.SubvertedInProgress })
        {
            if (File.Exists(leftover) || new FileInfo(leftover).LinkTarget is not null)
            {
                File.Delete(leftover);
            }
        }
    }

    private static string Servers(string text) => ResolverSetup.Nameservers(text) is { Count: > 0 } servers ? string.Join(", ", servers) : "(none)";

    private string SubvertedText(string original)
    {
        var text = new StringBuilder();
        text.Append(ResolverSetup.Marker).Append(": every name resolves through the MASQ Node's entry DNS.\n");
        text.Append("# The original is kept in ").Append(paths.Backup).Append("; 'sudo dns_utility revert' puts it back.\n");
        text.Append("nameserver 127.0.0.1\n");
        foreach (var line in ResolverSetup.KeptLines(original))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
