using System.CommandLine;
using System.Globalization;
using Swiotlb.Trace.Diff.Nvme;
using Swiotlb.Trace.Diff.Replaying;
using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary>The pool and device options every replaying verb (validate, replay, diff, export) shares.</summary>
public sealed class ReplayOptions
{
    public Option<string?> PoolStart { get; } = new("--pool-start")
    {
        Description = "The pool's physical start address (hex), when the capture's pool= argument or dmesg does not give it.",
    };

    public Option<int?> Slots { get; } = new("--slots")
    {
        Description = "nslabs: the pool's size in 2 KiB slots (default from dmesg or swiotlb=, else 32768).",
    };

    public Option<int?> Areas { get; } = new("--areas")
    {
        Description = "nareas (6.0+): default from dmesg 'area num', swiotlb=N,M or the CPU count.",
    };

    public Option<string[]> Devices { get; } = new("--device")
    {
        Description = "A device's min_align_mask, NAME=MASK (e.g. 0000:00:04.0=0xfff); repeatable. Default: 0xfff for NVMe, 0 otherwise.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> NvmeSgl { get; } = new("--nvme-sgl")
    {
        Description = "Whether an NVMe controller takes SGLs, DEVICE=yes|no (e.g. 0000:00:04.0=yes); repeatable. " +
            "Default: yes where a completed command shows it, else PRPs only (an assumption the report states).",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<long?> SglThreshold { get; } = new("--nvme-sgl-threshold")
    {
        Description = "The nvme module's sgl_threshold in bytes: the average segment size from which requests use SGLs (default 32768; 0: never).",
    };

    public IEnumerable<Option> All => [PoolStart, Slots, Areas, Devices, NvmeSgl, SglThreshold];

    public ReplayOptions()
    {
        Slots.Validators.Add(result => RefuseWith(result, "--slots", result.GetValueOrDefault<int?>() is { } slots ? PoolGeometry.RefuseSlotCount(slots) : null));
        Areas.Validators.Add(result => RefuseWith(result, "--areas", result.GetValueOrDefault<int?>() is { } areas ? PoolGeometry.RefuseAreaCount(areas) : null));
        SglThreshold.Validators.Add(result => RefuseWith(result, "--nvme-sgl-threshold",
            result.GetValueOrDefault<long?>() is { } bytes && bytes is < 0 or > uint.MaxValue ? $"{bytes} is not a byte count from 0 to {uint.MaxValue}" : null));
    }

    private static void RefuseWith(System.CommandLine.Parsing.OptionResult result, string option, string? problem)
    {
        if (problem is not null)
            result.AddError($"{option}: {problem}");
    }

    public void AddTo(Command command)
    {
        foreach (var option in All)
            command.Options.Add(option);
    }

    /// <summary>A replay of <paramref name="models"/> under the pool and devices the command line gives.</summary>
    /// <exception cref="UsageException">A value is not what its option expects, or a model is unknown.</exception>
    public ReplayRequest RequestFrom(ParseResult parsed, IReadOnlyList<string> models) =>
        new([.. models.Select(model => SharedOptions.CheckedModel(model, $"unknown model '{model}'"))], PoolFrom(parsed), DevicesFrom(parsed))
        {
            DeclaredSgl = SglFrom(parsed),
            SglThreshold = parsed.GetValue(SglThreshold) is { } threshold ? (uint)threshold : NvmeController.DefaultSglThreshold,
        };

    /// <exception cref="UsageException">A <c>--nvme-sgl</c> value is not DEVICE=yes|no.</exception>
    public IReadOnlyDictionary<string, bool> SglFrom(ParseResult parsed)
    {
        var controllers = new Dictionary<string, bool>();
        foreach (var declaration in parsed.GetValue(NvmeSgl) ?? [])
        {
            var equals = declaration.LastIndexOf('=');
            controllers[equals > 0 ? declaration[..equals] : ""] = (equals > 0 ? declaration[(equals + 1)..] : "") switch
            {
                "yes" => true,
                "no" => false,
                _ => throw new UsageException($"--nvme-sgl '{declaration}': expected DEVICE=yes|no, e.g. 0000:00:04.0=yes"),
            };
        }
        return controllers;
    }

    /// <exception cref="UsageException">A value is not what the option expects.</exception>
    public PoolOverrides PoolFrom(ParseResult parsed) => new(
        parsed.GetValue(PoolStart) is { } start ? PoolStartOf(start) : null,
        parsed.GetValue(Slots),
        parsed.GetValue(Areas));

    /// <exception cref="UsageException">A <c>--device</c> value is not NAME=MASK.</exception>
    public IReadOnlyDictionary<string, DeviceDmaParameters> DevicesFrom(ParseResult parsed)
    {
        var devices = new Dictionary<string, DeviceDmaParameters>();
        foreach (var declaration in parsed.GetValue(Devices) ?? [])
        {
            var equals = declaration.LastIndexOf('=');
            if (equals <= 0)
                throw new UsageException($"--device '{declaration}': expected NAME=MASK, e.g. 0000:00:04.0=0xfff");
            devices[declaration[..equals]] = new DeviceDmaParameters(ParseHex(declaration[(equals + 1)..], "--device"));
        }
        return devices;
    }

    private static ulong PoolStartOf(string text) =>
        ParseHex(text, "--pool-start") is var start && PoolGeometry.RefuseStart(start) is { } problem ? throw new UsageException(problem) : start;

    private static ulong ParseHex(string text, string option)
    {
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return ulong.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"{option} '{text}': expected a hexadecimal number such as 0x37b00000");
    }
}
