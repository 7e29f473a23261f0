using System.CommandLine;
using System.Globalization;
using System.Numerics;
using Swiotlb.Trace.Events;
using Swiotlb.Trace.Replay.Pairing;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary>What <c>replay</c> assumes when a capture holds block requests only (blktrace, or ftrace with only block_rq_*).</summary>
public sealed class BlockReplayOptions
{
    public Option<string?> AssumeOffset { get; } = new("--assume-offset")
    {
        Description = "Block-only captures: where each buffer starts in its page, N (bytes, 0–4095) or random:ALIGN " +
                      "(a seeded random multiple of ALIGN, a power of two up to 4096). Default 0.",
    };

    public Option<string[]> BlockDevices { get; } = new("--block-device")
    {
        Description = "Block-only captures: the PCI device a block device's requests are mapped for, MAJ,MIN=PCI " +
                      "(e.g. 259,1=0000:00:04.0); repeatable. Default: the placeholder 'block MAJ,MIN'.",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(AssumeOffset);
        command.Options.Add(BlockDevices);
    }

    /// <exception cref="UsageException">A value is not what its option expects.</exception>
    public BlockRequestAssumptions From(ParseResult parsed) => new(
        parsed.GetValue(AssumeOffset) is { } offset ? ParseOffset(offset) : BufferOffsetAssumption.Default,
        ParseDevices(parsed.GetValue(BlockDevices) ?? []));

    private static BufferOffsetAssumption ParseOffset(string text)
    {
        const string expected = "expected N (0–4095) or random:ALIGN (a power of two up to 4096), e.g. 512 or random:512";
        if (text.StartsWith("random:", StringComparison.Ordinal))
            return ulong.TryParse(text["random:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var alignment)
                   && BitOperations.IsPow2(alignment) && alignment <= BufferOffsetAssumption.PageSize
                ? new RandomBufferOffset(alignment)
                : throw new UsageException($"--assume-offset '{text}': {expected}");
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset < BufferOffsetAssumption.PageSize
            ? new FixedBufferOffset(offset)
            : throw new UsageException($"--assume-offset '{text}': {expected}");
    }

    private static Dictionary<DeviceNumber, string> ParseDevices(IEnumerable<string> declarations)
    {
        var devices = new Dictionary<DeviceNumber, string>();
        foreach (var declaration in declarations)
        {
            var parts = declaration.Split('=');
            var numbers = parts[0].Split(',');
            if (parts.Length != 2 || parts[1].Length == 0 || numbers.Length != 2
                || !int.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                || !int.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
                throw new UsageException($"--block-device '{declaration}': expected MAJ,MIN=PCI, e.g. 259,1=0000:00:04.0");
            devices[new DeviceNumber(major, minor)] = parts[1];
        }
        return devices;
    }
}
