using System.Globalization;

namespace Swiotlb.Trace.Tests.Truth;

/// <summary>One row of a lab capture's <c>truth-commands.tsv</c>: what QEMU's controller really did with a data command.</summary>
public sealed record TruthCommand(double TimeSeconds, int Cpu, int QueueId, int CommandId, string Operation, ulong StartLba, ulong Bytes,
    int Segments, string DataPointer, string Outcome)
{
    public static IReadOnlyList<TruthCommand> Read(string path) =>
    [
        .. File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(line =>
        {
            var f = line.Split('\t');
            return new TruthCommand(double.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture),
                int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture), f[4],
                ulong.Parse(f[5], CultureInfo.InvariantCulture), ulong.Parse(f[6], CultureInfo.InvariantCulture),
                int.Parse(f[7], CultureInfo.InvariantCulture), f[8], f[9]);
        }),
    ];
}
