using Swiotlb.Trace.Fuzz;

namespace Swiotlb.Trace.Tests.Hostile;

[CollectionDefinition(nameof(FuzzSliceTests), DisableParallelization = true)]
public sealed class FuzzSliceCollection;

/// <summary>
/// The CI slice of the fuzz harness (tests/Swiotlb.Trace.Fuzz runs the documented 5,000+): seeded mutants of every
/// format through every verb end with exit 0, 1 or 2, one error line, no stack trace, within time and memory. Run alone
/// so the memory it measures is the mutants'.
/// </summary>
[Collection(nameof(FuzzSliceTests))]
public sealed class FuzzSliceTests : IDisposable
{
    private const int Seed = 20260512;
    private const int Mutants = 100;
    private readonly string _work = Directory.CreateTempSubdirectory("swiotrace-fuzz-slice-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void A_hundred_mutants_across_every_format_and_verb_end_cleanly()
    {
        var run = new FuzzRun(Seed, new FuzzLimits(TimeSpan.FromSeconds(60), 256L << 20, AboveBaseline: true), _work);

        var outcomes = Enumerable.Range(0, Mutants).Select(run.Run).ToList();

        Assert.Empty(outcomes.Where(o => o.Failure is not null).Select(o => o.ToString()));
        Assert.Equal(Seeds.All.Count, outcomes.Select(o => o.Seed).Distinct().Count());
        Assert.Equal(FuzzRun.Verbs.Length, outcomes.Select(o => o.Verb).Distinct().Count());
        Assert.Contains(outcomes, o => o.ExitCode == 2);
        Assert.Contains(outcomes, o => o.ExitCode is 0 or 1);
    }

    [Fact]
    public void A_mutant_is_the_same_every_time()
    {
        var first = new FuzzRun(Seed, FuzzLimits.Default, _work).Run(17);
        var again = new FuzzRun(Seed, FuzzLimits.Default, _work).Run(17);

        Assert.Equal((first.Kind, first.What, first.ExitCode), (again.Kind, again.What, again.ExitCode));
    }

    [Fact]
    public void The_mutator_sets_edge_values_into_text_numbers()
    {
        var seed = Seeds.All[0];
        var original = "  a-1 [000] ..... 10.499307: swmap: msize=0x1000\n"u8.ToArray();
        var (bytes, what) = Mutator.Mutate(original, seed, MutationKind.FieldValue, new Random(3));

        Assert.NotEqual(original, bytes);
        Assert.Contains("set to", what);
    }
}
