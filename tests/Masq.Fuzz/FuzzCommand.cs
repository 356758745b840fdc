using System.Globalization;
using SharpFuzz;

namespace Masq.Fuzz;

/// <summary>
/// <c>list</c>; <c>seed DIR</c> (write the generated seeds into a corpus folder); <c>smoke [TARGET|all] [--mutations N]
/// [--seed S] [--corpus DIR] [--crashes DIR]</c>; <c>afl TARGET</c> (SharpFuzz's AFL fork server, for afl-fuzz);
/// <c>libfuzzer TARGET</c> (SharpFuzz's libFuzzer runner, for libfuzzer-dotnet); <c>instrument DIR</c> (SharpFuzz
/// coverage instrumentation of the parsers' assemblies in a copy of this program's folder); <c>repro TARGET FILE...</c>.
/// </summary>
internal static class FuzzCommand
{
    /// <summary>Assemblies holding the parsers, and which of their types get coverage probes.</summary>
    private static readonly (string File, string[] TypePrefixes)[] Instrumented =
    [
        ("MASQNode.dll", ["Masq.Node.Protocol.", "Masq.Node.Networking.", "Masq.Node.Neighborhood.", "Masq.Node.Proxy."]),
        ("Masq.Lib.dll", ["Masq.Lib."]),
        ("Tomlyn.dll", ["Tomlyn."]),
    ];

    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            return Usage();
        }

        string[] rest = args[1..];
        return args[0] switch
        {
            "list" => List(),
            "seed" when rest.Length == 1 => Seed(rest[0]),
            "smoke" => Smoke(rest),
            "afl" when rest.Length == 1 => Afl(rest[0]),
            "libfuzzer" when rest.Length >= 1 => LibFuzzer(rest[0]),
            "instrument" when rest.Length == 1 => Instrument(rest[0]),
            "repro" when rest.Length >= 2 => Repro(rest[0], rest[1..]),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine(
            "usage: Masq.Fuzz list | seed DIR | smoke [TARGET|all] [--mutations N] [--seed S] [--corpus DIR] [--crashes DIR]\n" +
            "       | afl TARGET | libfuzzer TARGET | instrument DIR | repro TARGET FILE...");
        return 2;
    }

    private static int List()
    {
        foreach (var target in FuzzTargets.All)
        {
            Console.WriteLine($"{target.Name,-18} {target.Description}");
        }

        return 0;
    }

    private static int Seed(string directory)
    {
        foreach (var target in FuzzTargets.All)
        {
            Console.WriteLine($"{target.Name}: {Corpus.WriteSeeds(directory, target)} seeds");
        }

        return 0;
    }

    private static int Smoke(string[] args)
    {
        string name = "all";
        int mutations = 5000;
        int seed = 1;
        string corpus = Corpus.DefaultDirectory;
        string? crashes = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--mutations" when i + 1 < args.Length:
                    mutations = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--seed" when i + 1 < args.Length:
                    seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--corpus" when i + 1 < args.Length:
                    corpus = args[++i];
                    break;
                case "--crashes" when i + 1 < args.Length:
                    crashes = args[++i];
                    break;
                default:
                    name = args[i];
                    break;
            }
        }

        var targets = name == "all" ? FuzzTargets.All : FuzzTargets.Find(name) is { } one ? [one] : [];
        if (targets.Count == 0)
        {
            Console.Error.WriteLine($"no target '{name}'");
            return 2;
        }

        int findings = 0;
        foreach (var target in targets)
        {
            var result = SmokeRunner.Run(target, Corpus.Load(corpus, target), mutations, seed);
            Console.WriteLine(
                $"{result.Target}: {result.Executions} executions ({result.CorpusInputs} corpus), {result.Findings.Count} findings, " +
                $"{result.Elapsed.TotalSeconds:F1} s, slowest input {result.Slowest.TotalMilliseconds:F1} ms");
            foreach (var finding in result.Findings)
            {
                Console.WriteLine(finding);
                if (crashes is not null)
                {
                    Directory.CreateDirectory(crashes);
                    File.WriteAllBytes(Path.Combine(crashes, $"{target.Name}-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(finding.Input))[..12]}"), finding.Input);
                }
            }

            findings += result.Findings.Count;
        }

        return findings == 0 ? 0 : 1;
    }

    private static int Afl(string name)
    {
        if (FuzzTargets.Find(name) is not { } target)
        {
            Console.Error.WriteLine($"no target '{name}'");
            return 2;
        }

        Fuzzer.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            // afl-fuzz's -t catches hangs; an allocation far beyond the input is a crash here as in the smoke mode.
            long before = GC.GetAllocatedBytesForCurrentThread();
            target.Execute(copy.GetBuffer().AsSpan(0, (int)copy.Length));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            FuzzFinding.Check(allocated <= SmokeRunner.MaxInputAllocation, $"allocated {allocated} bytes");
        });
        return 0;
    }

    private static int LibFuzzer(string name)
    {
        if (FuzzTargets.Find(name) is not { } target)
        {
            Console.Error.WriteLine($"no target '{name}'");
            return 2;
        }

        Fuzzer.LibFuzzer.Run(span => target.Execute(span));
        return 0;
    }

    private static int Instrument(string directory)
    {
        foreach (var (file, prefixes) in Instrumented)
        {
            string path = Path.Combine(directory, file);
            var types = Fuzzer.Instrument(path, type => prefixes.Any(p => type.StartsWith(p, StringComparison.Ordinal)), Options.Value);
            Console.WriteLine($"{file}: {types.Count()} types instrumented");
        }

        return 0;
    }

    private static int Repro(string name, string[] files)
    {
        if (FuzzTargets.Find(name) is not { } target)
        {
            Console.Error.WriteLine($"no target '{name}'");
            return 2;
        }

        int failures = 0;
        foreach (string file in files)
        {
            string? problem = SmokeRunner.ExecuteOne(target, File.ReadAllBytes(file), out var elapsed);
            Console.WriteLine($"{file}: {problem ?? "ok"} ({elapsed.TotalMilliseconds:F1} ms)");
            failures += problem is null ? 0 : 1;
        }

        return failures == 0 ? 0 : 1;
    }
}
