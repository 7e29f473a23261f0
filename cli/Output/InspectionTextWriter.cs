using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Diff.Findings;
using Swiotlb.Trace.Replay.Inspection;

namespace Swiotlb.Trace.Cli.Output;

/// <summary>The human-readable <c>inspect</c> report.</summary>
public static class InspectionTextWriter
{
    /// <param name="observed">The verdicts under the kernel's own addresses, null when the capture has none to judge.</param>
    public static void Write(CaptureInspection inspection, ReplaySummary? observed, TextWriter output)
    {
        var metadata = inspection.Metadata;
        if (observed is not null && ReplayVerdict.ObservedBreakage(observed) is { } breakage)
        {
            output.WriteLine(breakage);
            output.WriteLine();
        }
        output.WriteLine($"capture:   {metadata.File}");
        output.WriteLine($"format:    {metadata.Format.Describe()}{(metadata.Details is { } details ? $" ({details})" : "")}");
        foreach (var part in metadata.PartFiles)
            output.WriteLine($"  file:    {part}");
        output.WriteLine($"kernel:    {KernelLine(metadata)}");
        output.WriteLine($"time span: {TimeSpanLine(inspection)}");
        output.WriteLine($"cpus:      {CpuLine(inspection)}");
        if (metadata.Panic is { } panic)
            output.WriteLine($"panic:     {panic.Reason} (panicking CPU: {(panic.Cpu is { } cpu ? cpu.ToString() : "not in the log")})");

        output.WriteLine();
        output.WriteLine("events:");
        foreach (var (name, count) in inspection.EventCounts)
            output.WriteLine($"  {name,-24} {count,10}");
        output.WriteLine($"  {"total",-24} {inspection.EventCounts.Values.Sum(),10}");

        output.WriteLine();
        output.WriteLine("devices:");
        if (inspection.Devices.Count == 0)
            output.WriteLine("  (no bounced device in this capture)");
        foreach (var device in inspection.Devices)
            output.WriteLine($"  {device.Name,-16} {DeviceLine(device)}");
        foreach (var (disk, commands) in inspection.NvmeCommandsByDisk)
            output.WriteLine($"  {disk,-16} {commands} NVMe commands");
        foreach (var (number, requests) in inspection.BlockRequestsByDevice)
            output.WriteLine($"  {"block " + number,-16} {requests} requests issued");

        output.WriteLine();
        WriteStatistics(inspection, output);
    }

    private static string KernelLine(CaptureMetadata metadata) => metadata.KernelRelease switch
    {
        null => "not stated in the capture",
        var release when metadata.KernelReleaseSource is { } source => $"{release} (from {source})",
        var release => release,
    };

    private static string TimeSpanLine(CaptureInspection inspection) =>
        inspection.FirstTimestampNs is { } first && inspection.LastTimestampNs is { } last
            ? $"{Figures.Seconds(first)} – {Figures.Seconds(last)} ({Figures.Seconds(last - first)} s){(inspection.Metadata.RawClock ? " [raw counter ticks]" : "")}"
            : "no events";

    private static string CpuLine(CaptureInspection inspection)
    {
        var seen = inspection.CpusSeen.Count == 0 ? "none" : string.Join(",", inspection.CpusSeen);
        return inspection.Metadata.DeclaredCpus is { } declared ? $"{declared} declared, events on {seen}" : $"events on {seen}";
    }

    private static string DeviceLine(DeviceOffsets device)
    {
        var observed = device.Observed;
        var bounced = device.Bounced ? $"bounced ({device.BouncedEvents} swiotlb_bounced)" : "not bounced";
        var verdict = device.Verdict switch
        {
            OffsetVerdict.LosesOffsets => $"LOSES offsets: {observed.OffsetsLost} of {observed.WithPageOffset} mappings with an in-page offset",
            OffsetVerdict.KeepsOffsets => $"keeps offsets: {observed.OffsetsKept} of {observed.WithPageOffset} mappings with an in-page offset",
            OffsetVerdict.NoOffsetSeen => "no mapping with an in-page offset",
            _ => "bounce addresses not in the capture",
        };
        var source = device.ObservedSource is { } from ? $"; {observed.Mappings} mappings seen via {from}" : "";
        return $"{bounced}; {verdict}{source}";
    }

    private static void WriteStatistics(CaptureInspection inspection, TextWriter output)
    {
        var stats = inspection.Statistics;
        output.WriteLine("reading:");
        if (stats.LinesRead > 0)
            output.WriteLine($"  lines read               {stats.LinesRead,10}");
        output.WriteLine($"  events read              {stats.EventsRead,10}");
        output.WriteLine($"  malformed lines          {stats.MalformedLines,10}");
        output.WriteLine($"  lost events (ring)       {stats.LostEvents,10}{LostByCpu(stats)}");
        if (stats.DroppedConsoleMessages > 0)
            output.WriteLine($"  console messages dropped {stats.DroppedConsoleMessages,10}");
        if (stats.ConsoleLinesSkipped > 0)
            output.WriteLine($"  console lines skipped    {stats.ConsoleLinesSkipped,10}  (outside the trace dump)");
        if (inspection.UnpairedMapReturns > 0)
            output.WriteLine($"  map returns w/o entry    {inspection.UnpairedMapReturns,10}");
        if (inspection.FailedMaps > 0)
            output.WriteLine($"  failed maps (~0)         {inspection.FailedMaps,10}");
        if (stats.Truncated)
            output.WriteLine("  the capture is truncated");
        StatisticsOutput.WriteText("  stats: ", stats.Values(), output);
        if (stats.WarningCount == 0)
            return;
        output.WriteLine($"warnings ({stats.WarningCount}{(stats.WarningCount > stats.Warnings.Count ? $", first {stats.Warnings.Count} shown" : "")}):");
        foreach (var warning in stats.Warnings)
            output.WriteLine($"  {warning}");
    }

    private static string LostByCpu(ReadStatistics stats) =>
        stats.LostEventsByCpu.Count == 0 ? "" : "  (" + string.Join(", ", stats.LostEventsByCpu.Select(p => $"CPU {p.Key}: {p.Value}")) + ")";
}
