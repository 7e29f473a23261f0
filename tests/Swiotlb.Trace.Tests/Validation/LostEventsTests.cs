using System.Globalization;
using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Replay.Validation;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Validation;

/// <summary>
/// The exhausted 2 MiB pool of exhaust-b-6.12.117 (27 real failures) as a ring that lost events would have left it:
/// the oldest events of each CPU overwritten, or a run of one CPU's events dropped mid-capture, with ftrace's
/// <c>CPU:N [LOST M EVENTS]</c> marker. Validation says where the gaps are, how long their shadow lasts, and counts
/// each failure once.
/// </summary>
public class LostEventsTests
{
    private static readonly string Original = Samples.Capture("exhaust-b-6.12.117/trace.txt");

    [Fact]
    public void A_ring_that_overwrote_its_oldest_events_is_checked_from_where_every_cpu_is_whole()
    {
        var (validation, firstKept) = ValidateVariant(lines => OverwriteOldest(lines, new Dictionary<int, double> { [0] = 0.30, [1] = 0.36 }));
        var losses = validation.Losses!;

        Assert.Equal([0, 1], losses.Gaps.Select(g => g.Cpu));
        Assert.All(losses.Gaps, gap => Assert.Null(gap.AfterNs));
        Assert.Equal(firstKept, losses.Gaps.ToDictionary(g => g.Cpu, g => g.EndsAtNs));
        Assert.True(losses.LongestLifetimeNs > 0);
        Assert.Equal(validation.Report.Mismatches, losses.MismatchesInShadow);
        Assert.True(validation.Report.ExactMatches >= validation.Report.Predicted * 0.999, $"{validation.Report.ExactMatches} of {validation.Report.Predicted}");
        Assert.Equal(validation.Report.ObservedFailures, validation.Report.PredictedFailures);
    }

    [Fact]
    public void A_run_of_events_dropped_mid_capture_casts_a_shadow_as_long_as_a_mapping_lives()
    {
        var (validation, _) = ValidateVariant(lines => DropRun(lines, cpu: 0, from: 0.50, count: 400));
        var gap = Assert.Single(validation.Losses!.Gaps);

        Assert.Equal((0, 400L), (gap.Cpu, gap.Lost));
        Assert.NotNull(gap.AfterNs);
        Assert.True(gap.AfterNs < gap.EndsAtNs);
        Assert.Equal(validation.Report.Mismatches, validation.Losses.MismatchesInShadow);
        Assert.Equal(validation.Report.ObservedFailures, validation.Report.PredictedFailures);
    }

    [Fact]
    public void A_capture_that_lost_nothing_has_no_losses()
    {
        var validation = Validations.Of(Original, SiblingKernelFacts.Read(Original));

        Assert.Null(validation.Losses);
        Assert.Equal((27, 27), (validation.Report.PredictedFailures, validation.Report.ObservedFailures));
    }

    /// <summary>Drops the first share of each CPU's events and puts ftrace's marker for each at the top; returns the
    /// timestamp of each CPU's first event kept.</summary>
    private static (List<string> Lines, Dictionary<int, long> FirstKept) OverwriteOldest(IReadOnlyList<string> lines, Dictionary<int, double> share)
    {
        var events = lines.Where(IsEvent).ToList();
        var dropped = share.ToDictionary(s => s.Key, s => (int)(events.Count(e => CpuOf(e) == s.Key) * s.Value));
        var seen = new Dictionary<int, int>();
        var kept = new List<string>();
        foreach (var line in events)
        {
            int cpu = CpuOf(line);
            seen[cpu] = seen.GetValueOrDefault(cpu) + 1;
            if (seen[cpu] > dropped.GetValueOrDefault(cpu))
                kept.Add(line);
        }
        var output = lines.Where(l => !IsEvent(l)).Concat(dropped.Select(d => $"CPU:{d.Key} [LOST {d.Value} EVENTS]")).Concat(kept).ToList();
        return (output, dropped.Keys.ToDictionary(cpu => cpu, cpu => TimeOf(kept.First(e => CpuOf(e) == cpu))));
    }

    /// <summary>Drops <paramref name="count"/> of one CPU's events from a point of the capture, the marker in their place.</summary>
    private static (List<string> Lines, Dictionary<int, long> FirstKept) DropRun(IReadOnlyList<string> lines, int cpu, double from, int count)
    {
        int start = (int)(lines.Count * from), dropped = 0;
        var output = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (i >= start && dropped < count && IsEvent(lines[i]) && CpuOf(lines[i]) == cpu)
            {
                if (dropped++ == 0)
                    output.Add($"CPU:{cpu} [LOST {count} EVENTS]");
                continue;
            }
            output.Add(lines[i]);
        }
        return (output, []);
    }

    private static (CaptureValidation Validation, Dictionary<int, long> FirstKept) ValidateVariant(
        Func<IReadOnlyList<string>, (List<string> Lines, Dictionary<int, long> FirstKept)> derive)
    {
        var (lines, firstKept) = derive(File.ReadAllLines(Original));
        var path = Path.Combine(Path.GetTempPath(), $"swiotrace-lost-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, lines);
        try
        {
            return (Validations.Of(path, SiblingKernelFacts.Read(Original)), firstKept);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool IsEvent(string line) => !line.StartsWith('#') && line.Contains("] ", StringComparison.Ordinal);

    private static int CpuOf(string line)
    {
        int open = line.IndexOf(" [", StringComparison.Ordinal);
        return int.Parse(line.AsSpan(open + 2, 3), CultureInfo.InvariantCulture);
    }

    private static long TimeOf(string line)
    {
        int colon = line.IndexOf(": ", line.IndexOf("] ", StringComparison.Ordinal), StringComparison.Ordinal);
        int space = line.LastIndexOf(' ', colon - 1);
        var seconds = decimal.Parse(line.AsSpan(space + 1, colon - space - 1), CultureInfo.InvariantCulture);
        return (long)(seconds * 1_000_000_000m);
    }
}
