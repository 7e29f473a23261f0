using Swiotlb.Trace.Cli.Input;
using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Tests.Support;

namespace Swiotlb.Trace.Tests.Truth;

/// <summary>
/// The verdicts under the kernel's own addresses against what QEMU's NVMe controller really did (the lab's
/// <c>truth-commands.tsv</c>, from <c>qemu-nvme.log</c>), for every data command of every lab capture, text and trace.dat.
/// </summary>
public class ControllerTruthTests
{
    public static TheoryData<string, string> LabCaptures()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { "nomask-mkfs-xfs-6.1.0", "nomask-fio-verify-6.1.0", "stock-fio-verify-6.1.0", "nomask-mkfs-xfs-6.12.117", "nomask-fio-verify-nothp-7.3.4" })
            foreach (var file in new[] { "trace.txt", "trace.dat" })
                data.Add(folder, file);
        return data;
    }

    [Theory]
    [MemberData(nameof(LabCaptures))]
    public void Every_data_command_gets_the_outcome_the_controller_really_gave(string folder, string file)
    {
        var judged = Judge(folder, file);
        // trace-cmd may start recording after the workload did (nomask-mkfs-xfs-6.1.0's trace.dat begins 1.7 s into mkfs):
        // the commands before its first one are not in the file, every later one is.
        var firstSeconds = judged.Min(c => c.Command.Command.Setup.Header.TimestampNs) / 1e9;
        var truth = TruthCommands(folder).Where(r => r.TimeSeconds >= firstSeconds - 1e-6).ToList();
        Assert.True(truth.Count > 100, $"only {truth.Count} truth rows fall inside {file}");

        var disagreements = new List<string>();
        foreach (var row in truth)
        {
            var candidates = judged.Where(c => c.Command.Command.QueueId == row.QueueId && c.Command.Command.CommandId == row.CommandId
                && c.Command.Command.Setup.Range?.StartLba == row.StartLba).ToList();
            var said = "no such command";
            if (candidates.Count > 0)
            {
                var (command, check) = candidates.MinBy(c => Math.Abs(c.Command.Command.Setup.Header.TimestampNs / 1e9 - row.TimeSeconds));
                said = check.Verdict is { } verdict ? $"{TruthClass(verdict.Outcome)} ({verdict.Pointer.Kind})" : $"unjudged: {check.Status}";
                said += $" from {command.Command.PayloadBytes} B in " + string.Join(" + ", check.Segments.Select(g => $"{g.Size}@0x{g.Original:x}→0x{g.Bounce:x}"));
            }
            if (!said.StartsWith(row.Outcome + " ", StringComparison.Ordinal))
                disagreements.Add($"{row.TimeSeconds} qid {row.QueueId} cid {row.CommandId} {row.Operation} lba {row.StartLba} {row.Bytes} B × {row.Segments} [{row.DataPointer}]: truth {row.Outcome}, said {said}");
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {truth.Count} commands disagree:\n{string.Join('\n', disagreements.Take(40))}");

        // On 6.1 and 6.12 the addresses alone predict every outcome. On 7.3.4 the controller's completions decide 123
        // commands: when PRP1 consumes more than a first segment of 3.5 KiB holds, the driver's 32-bit iterator length wraps,
        // and the controller then got a PRP2 of 0 or a descriptor-pool block still on the pool's free list (Invalid PRP
        // Offset) as often as the PRP list the addresses imply (wrong bytes, status 0).
        Assert.Equal(folder.EndsWith("-7.3.4", StringComparison.Ordinal) ? 123 : 0, judged.Count(c => c.Check.Verdict?.RejectedInCapture == true));
    }

    [Fact]
    public void The_control_capture_has_no_command_broken()
    {
        Assert.All(TruthCommands("stock-fio-verify-6.1.0"), row => Assert.Equal("ok", row.Outcome));
        Assert.DoesNotContain(Judge("stock-fio-verify-6.1.0", "trace.txt"), c => c.Check.Verdict?.Breaks == true);
    }

    /// <summary>The rows the driver really sent or refused: <c>not-issued</c> preparations were handed back and are judged
    /// as their later row; <c>refused(RESOURCE)</c> is a mapping failure, retried, not a data-pointer outcome.</summary>
    private static List<TruthCommand> TruthCommands(string folder) =>
        [.. TruthCommand.Read(Samples.Capture(Path.Combine(folder, "truth-commands.tsv"))).Where(r => r.Outcome is not ("not-issued" or "refused(RESOURCE)"))];

    private static List<(Replay.Simulation.ReplayedCommand Command, CommandCheck Check)> Judge(string folder, string file)
    {
        var path = Samples.Capture(Path.Combine(folder, file));
        var verdicts = new ObservedCommandVerdicts();
        CaptureReplayer.Run(() => CaptureOpener.Open(path, TextWriter.Null), SiblingKernelFacts.Read(path), ReplayRequest.Defaults, verdicts);
        return verdicts.Commands;
    }

    private static string TruthClass(PrpOutcome outcome) => outcome switch
    {
        PrpOutcome.Valid => "ok",
        PrpOutcome.WrongBytes => "ok-misdirected",
        PrpOutcome.MisalignedEntry => "dev-error",
        PrpOutcome.DriverRejects => "refused(IOERR)",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
