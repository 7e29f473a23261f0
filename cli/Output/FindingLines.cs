using Swiotlb.Trace.Diff.Findings;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>One finding on one line, the same in every report: when, where, what the model did, and what it breaks.</summary>
public static class FindingLines
{
    public static string Command(CommandFinding finding) =>
        $"{Figures.Seconds(finding.TimeNs)} {finding.Disk} qid {finding.QueueId} cid {finding.CommandId} {finding.Operation}" +
        $"{(finding.StartLba is { } lba ? $" lba {lba} +{finding.Blocks}" : "")}: {finding.Effect}";

    public static string Mapping(MappingFinding finding) =>
        $"{Figures.Seconds(finding.TimeNs)} cpu {finding.Cpu} {finding.Device} {Figures.Hex(finding.Original)} +0x{finding.Size:x}" +
        $"{(finding.ModelBounce is { } bounce ? $" -> {Figures.Hex(bounce)}" : "")}" +
        $"{(finding.ObservedBounce is { } observed ? $" (kernel: {Figures.Hex(observed)})" : "")}: {finding.Detail}";
}
