using Swiotlb.Trace.Fuzz;

namespace Swiotlb.Trace.Tests.Hostile;

[CollectionDefinition(nameof(FuzzSliceTests), DisableParallelization = true)]
public sealed class FuzzSliceCollection;

/// <summary>
/// The CI slice of the fuzz harness (tests/Swiotlb.Trace.Fuzz runs the documented 5,000+): seeded mutants of every
/// format through every verb, each a fresh <c>dotnet swiotrace.dll</c> process, end with exit 0, 1 or 2, one error line,
/// no stack trace, within time and the peak RSS of their own process. Run alone so the times it judges are not other
/// tests'.
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
        var run = new FuzzRun(Seed, new FuzzLimits(TimeSpan.FromSeconds(60), 256L << 20), _work);

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
    public void A_child_s_peak_rss_is_its_own_as_the_kernel_counted_it()
    {
        // dd reads into one 64 MiB buffer: its peak is that and a little, far under this test host's own footprint.
        var child = ChildProcess.Run("/bin/dd", ["if=/dev/zero", "of=/dev/null", "bs=64M", "count=1"], Out("dd.out"), Out("dd.err"), TimeSpan.FromSeconds(30));

        Assert.Equal((0, 0, false), (child.ExitCode, child.Signal, child.TimedOut));
        Assert.InRange(child.PeakRssBytes, 64L << 20, 96L << 20);
    }

    [Fact]
    public void A_child_that_ends_at_once_is_measured_all_the_same()
    {
        // A program that ends at once was a zombie before it could be traced when the trace began after the spawn.
        var children = Enumerable.Range(0, 20).Select(_ => ChildProcess.Run("/bin/true", [], Out("true.out"), Out("true.err"), TimeSpan.FromSeconds(30))).ToList();

        Assert.All(children, child => Assert.Equal((0, 0, false), (child.ExitCode, child.Signal, child.TimedOut)));
        Assert.All(children, child => Assert.InRange(child.PeakRssBytes, 1, 16L << 20));
    }

    [Fact]
    public void A_child_ended_by_a_signal_reports_it()
    {
        var child = ChildProcess.Run("/bin/sh", ["-c", "echo to stderr >&2; kill -SEGV $$"], Out("sh.out"), Out("sh.err"), TimeSpan.FromSeconds(30));

        Assert.Equal((139, 11, false), (child.ExitCode, child.Signal, child.TimedOut));
        Assert.Equal("to stderr\n", File.ReadAllText(Out("sh.err")));
    }

    [Fact]
    public void A_hung_child_is_killed_with_what_it_started_at_the_time_limit()
    {
        var child = ChildProcess.Run("/bin/sh", ["-c", "/bin/sleep 60 & echo $!; wait"], Out("hang.out"), Out("hang.err"), TimeSpan.FromSeconds(1));

        Assert.Equal((137, 9, true), (child.ExitCode, child.Signal, child.TimedOut));
        // The runtime's timers may fire a little early (their clock is coarser than the stopwatch's).
        Assert.InRange(child.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(20));
        var sleeper = int.Parse(File.ReadAllText(Out("hang.out")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Gone(sleeper), $"the hung child's own child {sleeper} still runs");
    }

    private string Out(string name) => Path.Combine(_work, name);

    /// <summary>Whether a process has ended (reaped, or a zombie its new parent has not reaped yet), within a few seconds of its SIGKILL.</summary>
    private static bool Gone(int pid)
    {
        for (var tries = 0; tries < 50; tries++, Thread.Sleep(100))
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
                return true;
            try
            {
                var text = File.ReadAllText(stat);
                if (text[(text.LastIndexOf(')') + 2)..].StartsWith('Z'))
                    return true;
            }
            catch (IOException)
            {
                return true;
            }
        }
        return false;
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
