using System.CommandLine;
using System.Globalization;
using Swiotlb.Trace.Replay.Pairing;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary>The filters of the replaying verbs (replay, pool, diff, export): which mappings are replayed. A mapping's
/// release and NVMe command go with it. (<c>--device</c> declares a device's min_align_mask, hence <c>--only-device</c>.)</summary>
public sealed class RecordFilterOptions
{
    public Option<string[]> Devices { get; } = new("--only-device")
    {
        Description = "Replay only this device's mappings (e.g. 0000:00:04.0); repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<int[]> Cpus { get; } = new("--only-cpu")
    {
        Description = "Replay only mappings made on this CPU; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> From { get; } = new("--from")
    {
        Description = "Replay only mappings made at or after this capture time, in seconds as reports print it (e.g. 20.25).",
    };

    public Option<string?> To { get; } = new("--to")
    {
        Description = "Replay only mappings made at or before this capture time, in seconds.",
    };

    public RecordFilterOptions()
    {
        Cpus.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int[]>()?.FirstOrDefault(cpu => cpu < 0) is < 0 and var cpu)
                result.AddError($"--only-cpu: {cpu} is not a CPU number");
        });
        foreach (var (option, name) in new[] { (From, "--from"), (To, "--to") })
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<string?>() is { } text && ParseSeconds(text) is null)
                    result.AddError($"{name} '{text}': expected seconds of capture time, such as 20.25");
            });
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Devices, Cpus, From, To })
            command.Options.Add(option);
    }

    public RecordFilter FilterFrom(ParseResult parsed) => new(
        (parsed.GetValue(Devices) ?? []).ToHashSet(StringComparer.Ordinal),
        (parsed.GetValue(Cpus) ?? []).ToHashSet(),
        parsed.GetValue(From) is { } from ? ParseSeconds(from) : null,
        parsed.GetValue(To) is { } to ? ParseSeconds(to) : null);

    /// <summary>Seconds as decimal text to nanoseconds, exactly; null when it is not a time a capture can have.</summary>
    private static long? ParseSeconds(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= long.MaxValue / 1_000_000_000m
            ? (long)decimal.Round(seconds * 1_000_000_000m)
            : null;
}
