namespace Masq.Fuzz.Tests;

/// <summary>
/// A short run of every fuzz target in its in-process mode: the checked-in corpus, the seeds the real encoders make
/// now, then a few thousand seeded mutations. Long runs go through scripts/fuzz.sh and afl-fuzz.
/// </summary>
public sealed class FuzzSmokeTests
{
    private const int Mutations = 3000;

    public static TheoryData<string> TargetNames => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Target_survives_its_corpus_and_mutations(string name)
    {
        var target = FuzzTargets.Find(name)!;
        var corpus = Corpus.Load(Corpus.DefaultDirectory, target);
        Assert.NotEmpty(corpus);

        var result = SmokeRunner.Run(target, [.. corpus, .. target.Seeds().Select(s => s.Bytes)], Mutations, seed: name.Length);

        Assert.True(result.Findings.Count == 0, string.Join("\n\n", result.Findings));
        Assert.Equal(Mutations + corpus.Count + target.Seeds().Count(), result.Executions);
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Checked_in_corpus_holds_every_generated_seed(string name)
    {
        var target = FuzzTargets.Find(name)!;
        string folder = Path.Combine(Corpus.DefaultDirectory, name);

        var missing = target.Seeds().Select(s => $"seed-{s.Name}").Where(file => !File.Exists(Path.Combine(folder, file))).ToList();

        Assert.True(missing.Count == 0, $"run `Masq.Fuzz seed tests/Masq.Fuzz/corpus`; missing: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Target_names_are_unique_and_every_target_has_a_corpus_folder()
    {
        var names = FuzzTargets.All.Select(t => t.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.True(Directory.Exists(Path.Combine(Corpus.DefaultDirectory, n)), n));
    }

    [Fact]
    public void Smoke_mode_reports_an_escaping_exception_as_a_finding()
    {
        var result = SmokeRunner.Run(new ThrowingTarget(), [[1], [2, 3]], mutations: 10, seed: 1);

        Assert.Equal(12, result.Executions);
        Assert.Equal(12, result.Findings.Count);
        Assert.Contains("InvalidOperationException", result.Findings[0].Problem, StringComparison.Ordinal);
    }

    private sealed class ThrowingTarget : FuzzTarget
    {
        public override string Name => "throwing";

        public override string Description => "throws for everything";

        public override void Execute(ReadOnlySpan<byte> input) => throw new InvalidOperationException("bug");

        public override IEnumerable<(string Name, byte[] Bytes)> Seeds() => [];
    }
}
