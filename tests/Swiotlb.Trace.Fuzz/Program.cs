using System.Diagnostics;
using System.Globalization;
using Swiotlb.Trace.Fuzz;

// swiotrace fuzz run: dotnet run -c Release --project tests/Swiotlb.Trace.Fuzz -- [--count N] [--seed S] [--from I] [--time-limit SECONDS] [--rss-limit-mib M] [--debug]
var count = Option("--count", 5000);
var seed = Option("--seed", 20260512);
var from = Option("--from", 0);
var limits = new FuzzLimits(TimeSpan.FromSeconds(Option("--time-limit", 30)), Option("--rss-limit-mib", 256) * (1L << 20));
var work = Directory.CreateTempSubdirectory("swiotrace-fuzz-").FullName;
var run = new FuzzRun(seed, limits, work, debug: args.Contains("--debug"));
Console.WriteLine($"each mutant a fresh process: {Swiotrace.Dotnet} {Swiotrace.Assembly}");
var clock = Stopwatch.StartNew();
var outcomes = new List<MutantOutcome>();
try
{
    for (var index = from; index < from + count; index++)
    {
        var outcome = run.Run(index);
        outcomes.Add(outcome);
        if (outcome.Failure is not null)
            Console.WriteLine(outcome);
        if ((index - from + 1) % 500 == 0)
            Console.WriteLine($"{index - from + 1} mutants, {outcomes.Count(o => o.Failure is not null)} failures, {clock.Elapsed.TotalSeconds:F0} s");
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"seed {seed}, mutants {from}..{from + outcomes.Count - 1}: {outcomes.Count} run in {clock.Elapsed.TotalSeconds:F0} s");
Console.WriteLine($"{"format",-24} {"mutants",8} {"exit 0",7} {"exit 1",7} {"exit 2",7} {"failed",7} {"max ms",7} {"max RSS MiB",12}");
foreach (var group in outcomes.GroupBy(o => o.Seed.Format))
    Console.WriteLine($"{group.Key,-24} {group.Count(),8} {group.Count(o => o.ExitCode == 0),7} {group.Count(o => o.ExitCode == 1),7} " +
                      $"{group.Count(o => o.ExitCode == 2),7} {group.Count(o => o.Failure is not null),7} {group.Max(o => o.Elapsed.TotalMilliseconds),7:F0} {group.Max(o => o.PeakRssBytes) >> 20,12}");
Console.WriteLine($"by verb: {string.Join(", ", outcomes.GroupBy(o => o.Verb).Select(g => $"{g.Key} {g.Count()}"))}");
Console.WriteLine($"by mutation: {string.Join(", ", outcomes.GroupBy(o => o.Kind).Select(g => $"{g.Key} {g.Count()}"))}");
var failures = outcomes.Count(o => o.Failure is not null);
Console.WriteLine($"failures: {failures} (crashes {outcomes.Count(o => o.Failure?.StartsWith("exit", StringComparison.Ordinal) == true || o.Failure?.StartsWith("stack", StringComparison.Ordinal) == true)}, " +
                  $"hangs {outcomes.Count(o => o.Failure?.Contains("(hang)", StringComparison.Ordinal) == true)}, over memory {outcomes.Count(o => o.Failure?.StartsWith("peak", StringComparison.Ordinal) == true)}); " +
                  $"peak RSS of one mutant at most {outcomes.Max(o => o.PeakRssBytes) >> 20} MiB");
return failures == 0 ? 0 : 1;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
