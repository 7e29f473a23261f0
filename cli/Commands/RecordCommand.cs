using System.CommandLine;
using System.Runtime.InteropServices;
using Swiotlb.Trace.Cli.Record;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary><c>swiotrace record [-o DIR] [--duration S] [--dry-run] [-- COMMAND ARGS…]</c>: a capture of the live kernel.</summary>
public static class RecordCommand
{
    public const int DefaultBufferKb = 32 * 1024;

    public static Command Build()
    {
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The capture folder to write (trace.txt, uname.txt, dmesg.txt, kprobe_profile.txt, …). Default: swiotrace-YYYYMMDD-HHMMSS.",
        };
        var duration = new Option<double?>("--duration") { Description = "Trace for this many seconds (with a command: stop it then)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print every tracefs write instead of making it; trace nothing." };
        var bufferKb = new Option<int>("--buffer-kb")
        {
            Description = "The ring buffer per CPU, in KiB.",
            DefaultValueFactory = _ => DefaultBufferKb,
        };
        var tracefs = new Option<string?>("--tracefs") { Description = "Where tracefs is mounted (default: from /proc/mounts)." };
        var command = new Argument<string[]>("command")
        {
            Description = "The command to trace, after --; without one, traces for --duration or until Ctrl-C.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var record = new Command("record",
            "Record a capture of the live kernel (root): the ground-truth swiotlb kprobes and the swiotlb, nvme, block and dma " +
            "tracepoints in a private tracefs instance, while a command runs; tracefs is restored on exit, error or signal.")
        {
            output, duration, dryRun, bufferKb, tracefs, command,
        };
        record.SetAction(parsed => CommandFailure.Guard(parsed, () => Run(
            new RecordOptions(parsed.GetValue(output) ?? $"swiotrace-{DateTime.Now:yyyyMMdd-HHmmss}", Seconds(parsed.GetValue(duration)), parsed.GetValue(command) ?? [],
                parsed.GetValue(dryRun), Checked(parsed.GetValue(bufferKb))),
            parsed.GetValue(tracefs), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error)));
        return record;
    }

    public static int Run(RecordOptions options, string? tracefs, TextWriter output, TextWriter error)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler interrupt = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += interrupt;
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            var kernel = LiveKernel.Read(tracefs);
            if (!options.DryRun && !Environment.IsPrivilegedProcess)
                throw new RecordException("tracing needs root (CAP_SYS_ADMIN): run as root, or --dry-run to see every tracefs write");
            return Recorder.Run(options, kernel, output, error, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= interrupt;
        }
    }

    private static TimeSpan? Seconds(double? seconds) => seconds switch
    {
        null => null,
        > 0 and <= 7 * 24 * 3600 => TimeSpan.FromSeconds(seconds.Value),
        _ => throw new RecordException($"--duration {seconds}: expected seconds from 0 to a week"),
    };

    private static int Checked(int bufferKb) =>
        bufferKb is >= 64 and <= 4 * 1024 * 1024 ? bufferKb : throw new RecordException($"--buffer-kb {bufferKb}: expected 64 KiB to 4 GiB per CPU");
}
