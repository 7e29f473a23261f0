using System.Diagnostics;

namespace Swiotlb.Trace.Cli.Record;

/// <summary>What <c>record</c> is asked.</summary>
/// <param name="Command">The command to trace (empty: trace for <paramref name="Duration"/>, else until Ctrl-C).</param>
public sealed record RecordOptions(string OutputDirectory, TimeSpan? Duration, IReadOnlyList<string> Command, bool DryRun, int BufferKbPerCpu);

/// <summary>
/// Records a capture on the live kernel in a private tracefs instance: the ground-truth probes added, the tracepoints the
/// readers use enabled, traced while the command runs (or for the duration, or until Ctrl-C), then a self-describing
/// capture folder written. tracefs is always restored (probes removed, events disabled, instance removed), on success,
/// error or signal; restoring steps are undone newest first.
/// </summary>
public static class Recorder
{
    public static int Run(RecordOptions options, LiveKernel kernel, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        if (!options.DryRun && File.Exists(Path.Combine(options.OutputDirectory, "trace.txt")))
            throw new RecordException($"{options.OutputDirectory}: already holds a capture (trace.txt); give a new folder with -o");
        var plan = RecordPlan.For(kernel);
        foreach (var note in plan.Probes.Notes)
            error.WriteLine($"swiotrace: note: {note}");
        var tracefs = new Tracefs(kernel.Tracefs, options.DryRun, output);
        var instance = $"instances/swiotrace-{Environment.ProcessId}";
        var undo = new Stack<(string What, Action Step)>();
        try
        {
            Setup(tracefs, instance, plan, options.BufferKbPerCpu, undo);
            string outcome = options.DryRun ? "dry run: nothing traced" : Trace(options, cancel);
            tracefs.Write($"{instance}/tracing_on", "0");
            if (!options.DryRun)
            {
                CaptureFolder.Write(options.OutputDirectory, tracefs, instance, kernel, plan);
                error.WriteLine($"swiotrace: {outcome}; capture in {options.OutputDirectory}");
                foreach (var line in CaptureFolder.ProbeProfile(tracefs, plan))
                    error.WriteLine($"swiotrace: probe {line}");
                output.WriteLine(options.OutputDirectory);
            }
            return (int)ExitCode.Clean;
        }
        finally
        {
            Restore(undo, error);
        }
    }

    /// <summary>The probes first (kprobe_events and dynamic_events are global; every instance then shows them), then the instance, its buffer
    /// and its events; each step's undo pushed as soon as it is made.</summary>
    private static void Setup(Tracefs tracefs, string instance, RecordPlan plan, int bufferKb, Stack<(string, Action)> undo)
    {
        var probes = plan.Probes;
        foreach (var (definition, name) in probes.Definitions.Zip(probes.Names))
        {
            tracefs.Append(probes.EventsFile, definition);
            undo.Push(($"remove probe {name}", () => tracefs.Append(probes.EventsFile, $"-:{probes.Group}/{name}")));
        }
        tracefs.CreateDirectory(instance);
        undo.Push(($"remove {instance}", () => tracefs.RemoveDirectory(instance)));
        tracefs.Write($"{instance}/tracing_on", "0");
        tracefs.Write($"{instance}/buffer_size_kb", bufferKb.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var traceEvent in plan.Events)
        {
            var enable = $"{instance}/events/{traceEvent.Replace(':', '/')}/enable";
            tracefs.Write(enable, "1");
            undo.Push(($"disable {traceEvent}", () => tracefs.Write(enable, "0")));
        }
        tracefs.Write($"{instance}/tracing_on", "1");
        undo.Push(("stop tracing", () => tracefs.Write($"{instance}/tracing_on", "0")));
    }

    /// <summary>Traces while the command runs, for the duration, or until cancelled; says how it ended.</summary>
    private static string Trace(RecordOptions options, CancellationToken cancel)
    {
        if (options.Command.Count == 0)
        {
            bool cut = cancel.WaitHandle.WaitOne(options.Duration ?? Timeout.InfiniteTimeSpan);
            return cut ? "interrupted" : $"traced for {options.Duration!.Value.TotalSeconds:0.###} s";
        }
        var start = new ProcessStartInfo(options.Command[0]) { UseShellExecute = false };
        foreach (var argument in options.Command.Skip(1))
            start.ArgumentList.Add(argument);
        using var child = Process.Start(start) ?? throw new RecordException($"{options.Command[0]}: could not be started");
        using var stop = cancel.Register(() => Kill(child));
        bool finished = child.WaitForExit(options.Duration ?? Timeout.InfiniteTimeSpan);
        if (!finished)
        {
            Kill(child);
            child.WaitForExit();
        }
        return cancel.IsCancellationRequested ? "interrupted: the command was stopped"
            : !finished ? $"the command was stopped after {options.Duration!.Value.TotalSeconds:0.###} s"
            : $"the command exited with {child.ExitCode}";
    }

    private static void Kill(Process child)
    {
        try
        {
            child.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>Undoes every step taken, newest first, each on its own: one that fails is reported and the rest go on.</summary>
    private static void Restore(Stack<(string What, Action Step)> undo, TextWriter error)
    {
        while (undo.TryPop(out var step))
        {
            try
            {
                step.Step();
            }
            catch (RecordException problem)
            {
                error.WriteLine($"swiotrace: warning: could not {step.What} while restoring tracefs: {problem.Message}");
            }
        }
    }
}
